package io.coffer.attestation.amd;

import io.coffer.attestation.AttestationException;
import io.coffer.attestation.AttestationException.Reason;
import io.coffer.attestation.TrustAnchors;
import io.coffer.attestation.internal.BoundedCache;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x509.Certificate;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;

/**
 * Verifies the chain VCEK → ASK → ARK or VLEK → ASVK → ARK of one product line, with the ARK pinned
 * (from {@link TrustAnchors#amdRoots()}), and caches what it verified.
 *
 * <p>The intermediate comes from the collateral when the collateral holds any AMD intermediate (a
 * CA certificate, not self-issued, whose CN starts with {@code SEV-}); otherwise from the ones
 * shipped in {@link TrustAnchors#amdIntermediates()}. Either way it is checked against the ARK
 * every time it is not in the cache. ARKs in the collateral are not used.
 *
 * <p>Checks, citing AMD's VCEK specification (pub. 57230) and go-sev-guest's {@code verify}:
 *
 * <ol>
 *   <li>the leaf's issuer is {@code SEV-<line>} for a VCEK and {@code SEV-VLEK-<line>} for a VLEK,
 *       the intermediate's subject is exactly that name and its issuer the ARK {@code ARK-<line>};
 *       the leaf's productName is of the same line (an ASVK given for a VCEK, or a chain of another
 *       product line, fails here);
 *   <li>X.509 v3 throughout; the leaf is an end entity with an EC P-384 key, the intermediate a CA
 *       with an RSA key, the ARK self-issued;
 *   <li>RSASSA-PSS SHA-384 signatures: ARK by itself, intermediate by the ARK, leaf by the
 *       intermediate ({@link RsaPssSha384});
 *   <li>every certificate valid at the verification instant (checked on every call, cache or not).
 * </ol>
 *
 * Failures are {@code VCEK_CHAIN_INVALID} (also a certificate outside its validity, as for the PCK
 * chain of a quote), except a leaf whose AMD extensions are malformed ({@code
 * COLLATERAL_MALFORMED}).
 */
final class ChainVerifier {

  private final TrustAnchors anchors;
  private final BoundedCache<String, VerifiedChain> cache;

  ChainVerifier(TrustAnchors anchors, BoundedCache<String, VerifiedChain> cache) {
    this.anchors = Objects.requireNonNull(anchors, "anchors");
    this.cache = Objects.requireNonNull(cache, "cache");
  }

  /**
   * The verified chain of {@code leaf}, valid at {@code at}.
   *
   * @param collateral the collateral's certificates (intermediates are taken from them)
   * @throws AttestationException with the reason
   */
  VerifiedChain verify(X509Certificate leaf, List<X509Certificate> collateral, Instant at)
      throws AttestationException {
    SigningKey kind =
        EndorsementKey.kindOf(leaf)
            .orElseThrow(() -> invalid("the certificate is neither a VCEK nor a VLEK"));
    String what = kind.commonName();
    String issuerCn =
        CommonName.of(leaf.getIssuerX500Principal())
            .orElseThrow(() -> invalid(what + " has no issuer common name"));
    X509Certificate intermediate = intermediate(leaf, issuerCn, collateral, what);
    List<X509Certificate> arks = arks(intermediate);
    String key = cacheKey(leaf, intermediate, arks);
    VerifiedChain chain = cache.get(key);
    if (chain == null) {
      chain = verifyUncached(leaf, kind, issuerCn, intermediate, arks);
      cache.put(key, chain);
    }
    chain.checkValidAt(at);
    return chain;
  }

  private X509Certificate intermediate(
      X509Certificate leaf, String issuerCn, List<X509Certificate> collateral, String what)
      throws AttestationException {
    List<X509Certificate> pool =
        collateral.stream().filter(ChainVerifier::isAmdIntermediate).toList();
    String source = "the collateral";
    if (pool.isEmpty()) {
      pool = anchors.amdIntermediates();
      source = "the shipped AMD intermediates";
    }
    for (X509Certificate c : pool) {
      if (c.getSubjectX500Principal().equals(leaf.getIssuerX500Principal())) {
        return c;
      }
    }
    List<String> offered = new ArrayList<>();
    for (X509Certificate c : pool) {
      offered.add(CommonName.of(c.getSubjectX500Principal()).orElse("?"));
    }
    throw invalid(
        what
            + " is issued by "
            + issuerCn
            + ", which is not among "
            + source
            + " "
            + offered
            + (issuerCn.startsWith("SEV-VLEK-") == what.equals("SEV-VCEK")
                ? ""
                : " (an ASK issues VCEKs only, an ASVK VLEKs only)"));
  }

  private static boolean isAmdIntermediate(X509Certificate c) {
    return c.getBasicConstraints() >= 0
        && !c.getSubjectX500Principal().equals(c.getIssuerX500Principal())
        && CommonName.of(c.getSubjectX500Principal())
            .filter(cn -> cn.startsWith("SEV-"))
            .isPresent();
  }

  /** The pinned ARKs named as the intermediate's issuer (normally exactly one). */
  private List<X509Certificate> arks(X509Certificate intermediate) throws AttestationException {
    List<X509Certificate> arks =
        anchors.amdRoots().stream()
            .filter(r -> r.getSubjectX500Principal().equals(intermediate.getIssuerX500Principal()))
            .toList();
    if (arks.isEmpty()) {
      throw invalid(
          CommonName.of(intermediate.getSubjectX500Principal()).orElse("the intermediate")
              + " is issued by "
              + CommonName.of(intermediate.getIssuerX500Principal()).orElse("?")
              + ", which is not a pinned AMD ARK");
    }
    return arks;
  }

  private static String cacheKey(
      X509Certificate leaf, X509Certificate intermediate, List<X509Certificate> arks)
      throws AttestationException {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      // DER is self-delimiting, so the concatenation is unambiguous.
      sha256.update(leaf.getEncoded());
      sha256.update(intermediate.getEncoded());
      for (X509Certificate ark : arks) {
        sha256.update(ark.getEncoded());
      }
      return HexFormat.of().formatHex(sha256.digest());
    } catch (CertificateEncodingException e) {
      throw invalid("a certificate of the chain cannot be encoded: " + e.getMessage());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is a required JCA algorithm", e);
    }
  }

  private VerifiedChain verifyUncached(
      X509Certificate leafCert,
      SigningKey kind,
      String issuerCn,
      X509Certificate intermediate,
      List<X509Certificate> arks)
      throws AttestationException {
    EndorsementKey leaf = EndorsementKey.parse(leafCert);
    String what = kind.commonName();
    ProductLine product = leaf.product();
    String expectedIssuer = kind.issuerCommonName(product);
    if (!issuerCn.equals(expectedIssuer)) {
      throw invalid(
          what
              + " for "
              + leaf.productName()
              + " must be issued by "
              + expectedIssuer
              + ", not "
              + issuerCn
              + (issuerCn.startsWith("SEV-VLEK-") && kind == SigningKey.VCEK
                  ? " (an ASVK cannot issue a VCEK)"
                  : ""));
    }
    String arkCn = "ARK-" + product.displayName();
    String issuerOfIntermediate = CommonName.of(intermediate.getIssuerX500Principal()).orElse("?");
    if (!issuerOfIntermediate.equals(arkCn)) {
      throw invalid(
          expectedIssuer + " must be issued by " + arkCn + ", not " + issuerOfIntermediate);
    }
    checkLeaf(leafCert, what);
    checkIntermediate(intermediate, expectedIssuer);
    X509Certificate ark = verifyArkAndIntermediate(arks, intermediate, arkCn, expectedIssuer);
    verifySignature(leafCert, intermediate.getPublicKey(), what + " signed by " + expectedIssuer);
    return new VerifiedChain(leaf, leafCert.getPublicKey(), intermediate, ark);
  }

  private static void checkLeaf(X509Certificate leaf, String what) throws AttestationException {
    if (leaf.getVersion() != 3) {
      throw invalid(what + " is an X.509 v" + leaf.getVersion() + " certificate, not v3");
    }
    if (leaf.getBasicConstraints() >= 0) {
      throw invalid(what + " is a CA certificate");
    }
    boolean p384;
    try {
      SubjectPublicKeyInfo spki =
          SubjectPublicKeyInfo.getInstance(leaf.getPublicKey().getEncoded());
      p384 =
          spki.getAlgorithm().getAlgorithm().equals(X9ObjectIdentifiers.id_ecPublicKey)
              && SECObjectIdentifiers.secp384r1.equals(spki.getAlgorithm().getParameters());
    } catch (IllegalArgumentException e) {
      p384 = false;
    }
    if (!p384) {
      throw invalid(what + " key is not an EC P-384 (secp384r1) key");
    }
  }

  private static void checkIntermediate(X509Certificate c, String cn) throws AttestationException {
    if (c.getVersion() != 3 || c.getBasicConstraints() < 0) {
      throw invalid(cn + " is not an X.509 v3 CA certificate");
    }
    if (!(c.getPublicKey() instanceof RSAPublicKey)) {
      throw invalid(cn + " does not have an RSA key");
    }
  }

  /** The ARK among {@code arks} that is self-signed and signed the intermediate. */
  private static X509Certificate verifyArkAndIntermediate(
      List<X509Certificate> arks, X509Certificate intermediate, String arkCn, String cn)
      throws AttestationException {
    AttestationException last = null;
    for (X509Certificate ark : arks) {
      try {
        if (!CommonName.of(ark.getSubjectX500Principal()).orElse("").equals(arkCn)) {
          throw invalid("the pinned root " + ark.getSubjectX500Principal() + " is not " + arkCn);
        }
        verifySignature(ark, ark.getPublicKey(), arkCn + " self-signature");
        verifySignature(intermediate, ark.getPublicKey(), cn + " signed by " + arkCn);
        return ark;
      } catch (AttestationException e) {
        last = e;
      }
    }
    throw Optional.ofNullable(last).orElseGet(() -> invalid("no pinned " + arkCn));
  }

  private static void verifySignature(X509Certificate c, PublicKey issuerKey, String what)
      throws AttestationException {
    byte[] tbs;
    try {
      tbs = c.getTBSCertificate();
      Certificate parsed = Certificate.getInstance(c.getEncoded());
      if (!parsed.getSignatureAlgorithm().equals(parsed.getTBSCertificate().getSignature())) {
        throw invalid(what + ": the signed and outer signature algorithms differ");
      }
    } catch (CertificateEncodingException | IllegalArgumentException e) {
      throw invalid(what + ": the certificate cannot be encoded");
    }
    RsaPssSha384.verify(
        c.getSigAlgOID(),
        c.getSigAlgParams(),
        tbs,
        c.getSignature(),
        issuerKey,
        what,
        Reason.VCEK_CHAIN_INVALID);
  }

  private static AttestationException invalid(String message) {
    return new AttestationException(Reason.VCEK_CHAIN_INVALID, message);
  }
}
