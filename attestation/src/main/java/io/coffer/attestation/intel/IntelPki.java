package io.coffer.attestation.intel;

import io.coffer.attestation.AttestationException;
import io.coffer.attestation.AttestationException.Reason;
import io.coffer.attestation.Collateral.SignedJson;
import io.coffer.attestation.VerifiedClaims;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import javax.security.auth.x500.X500Principal;

/**
 * Intel's certificate hierarchy as Coffer checks it: every chain ends at one of the trusted roots
 * (pinned by public key, and its self-signature must verify), certificates must be valid at the
 * verification instant ({@code notBefore <= at <= notAfter}), CRLs must be signed by the
 * certificate they speak for and current ({@code thisUpdate <= at <= nextUpdate}).
 */
final class IntelPki {

  private final List<X509Certificate> roots;
  private final List<byte[]> rootKeys;
  private final SignatureMemo memo;

  IntelPki(List<X509Certificate> roots, SignatureMemo memo) {
    this.roots = List.copyOf(roots);
    this.rootKeys = this.roots.stream().map(r -> r.getPublicKey().getEncoded()).toList();
    this.memo = memo;
  }

  /** The trusted roots. */
  List<X509Certificate> roots() {
    return roots;
  }

  /**
   * Checks a PCK chain {@code [leaf, PCK CA, root]}.
   *
   * @throws AttestationException {@code PCK_CHAIN_INVALID} naming the certificate at fault
   */
  void verifyPckChain(List<X509Certificate> chain, Instant at, VerifiedClaims.Builder claims)
      throws AttestationException {
    if (chain.size() != 3) {
      throw pckInvalid(
          "the PCK chain has "
              + chain.size()
              + " certificates, expected PCK leaf, PCK CA and root");
    }
    X509Certificate leaf = chain.get(0);
    X509Certificate ca = chain.get(1);
    X509Certificate root = chain.get(2);
    if (!isTrustedRoot(root)) {
      throw pckInvalid(
          "the PCK chain ends at '"
              + name(root)
              + "', which is not a trusted Intel SGX root (or its self-signature does not verify)");
    }
    if (ca.getBasicConstraints() < 0) {
      throw pckInvalid("the PCK chain's intermediate '" + name(ca) + "' is not a CA");
    }
    requireIssued(ca, root, "PCK CA");
    requireIssued(leaf, ca, "PCK");
    for (X509Certificate c : chain) {
      if (!validAt(c, at)) {
        throw pckInvalid(
            "the certificate '"
                + name(c)
                + "' is not valid at "
                + at
                + " (valid "
                + c.getNotBefore().toInstant()
                + " to "
                + c.getNotAfter().toInstant()
                + ")");
      }
      claims.collateralValidity(c.getNotBefore().toInstant(), c.getNotAfter().toInstant());
    }
  }

  private void requireIssued(X509Certificate cert, X509Certificate issuer, String what)
      throws AttestationException {
    if (!cert.getIssuerX500Principal().equals(issuer.getSubjectX500Principal())
        || !memo.certificate(cert, issuer.getPublicKey())) {
      throw pckInvalid(
          "the "
              + what
              + " certificate '"
              + name(cert)
              + "' is not signed by '"
              + name(issuer)
              + "'");
    }
  }

  /**
   * Whether {@code root} is self-issued, carries the public key of a trusted root and its
   * self-signature verifies.
   */
  boolean isTrustedRoot(X509Certificate root) {
    if (!root.getIssuerX500Principal().equals(root.getSubjectX500Principal())) {
      return false;
    }
    byte[] key = root.getPublicKey().getEncoded();
    return rootKeys.stream().anyMatch(k -> Arrays.equals(k, key))
        && memo.certificate(root, root.getPublicKey());
  }

  /** The trusted root named {@code subject} whose key signed {@code cert}, or null. */
  X509Certificate trustedIssuer(X509Certificate cert) {
    X500Principal issuer = cert.getIssuerX500Principal();
    for (X509Certificate root : roots) {
      if (root.getSubjectX500Principal().equals(issuer)
          && memo.certificate(cert, root.getPublicKey())) {
        return root;
      }
    }
    return null;
  }

  /**
   * Checks {@code cert} against the CRLs of {@code issuer} in {@code crls}: their signatures by the
   * issuer, that one of them is current, and that none of the current ones revokes it.
   *
   * @param required whether a CRL of the issuer must be present
   * @throws AttestationException {@code COLLATERAL_MISSING}, {@code COLLATERAL_SIGNATURE_INVALID},
   *     {@code COLLATERAL_EXPIRED} or {@code CERT_REVOKED}
   */
  void checkRevocation(
      X509Certificate cert,
      X509Certificate issuer,
      List<X509CRL> crls,
      Instant at,
      boolean required,
      String what,
      VerifiedClaims.Builder claims)
      throws AttestationException {
    X500Principal issuerName = issuer.getSubjectX500Principal();
    List<X509CRL> own = new ArrayList<>();
    for (X509CRL crl : crls) {
      if (crl.getIssuerX500Principal().equals(issuerName)) {
        own.add(crl);
      }
    }
    if (own.isEmpty()) {
      if (required) {
        throw new AttestationException(
            Reason.COLLATERAL_MISSING,
            "the collateral has no CRL of '"
                + name(issuer)
                + "', needed to check the "
                + what
                + " certificate");
      }
      return;
    }
    X509CRL newest = null;
    for (X509CRL crl : own) {
      if (!memo.crl(crl, issuer.getPublicKey())) {
        throw new AttestationException(
            Reason.COLLATERAL_SIGNATURE_INVALID,
            "a CRL naming '" + name(issuer) + "' as its issuer is not signed by it");
      }
      if (crl.getNextUpdate() == null) {
        throw new AttestationException(
            Reason.COLLATERAL_MALFORMED, "the CRL of '" + name(issuer) + "' has no nextUpdate");
      }
      if (!crl.getThisUpdate().toInstant().isAfter(at)
          && !crl.getNextUpdate().toInstant().isBefore(at)) {
        if (crl.getRevokedCertificate(cert.getSerialNumber()) != null) {
          throw new AttestationException(
              Reason.CERT_REVOKED,
              "the "
                  + what
                  + " certificate '"
                  + name(cert)
                  + "' (serial "
                  + cert.getSerialNumber().toString(16)
                  + ") is revoked by the CRL of '"
                  + name(issuer)
                  + "'");
        }
        if (newest == null || crl.getThisUpdate().after(newest.getThisUpdate())) {
          newest = crl;
        }
      }
    }
    if (newest == null) {
      X509CRL latest = own.stream().max(Comparator.comparing(X509CRL::getNextUpdate)).orElseThrow();
      throw new AttestationException(
          Reason.COLLATERAL_EXPIRED,
          "no CRL of '"
              + name(issuer)
              + "' is current at "
              + at
              + " (the latest is valid "
              + latest.getThisUpdate().toInstant()
              + " to "
              + latest.getNextUpdate().toInstant()
              + ")");
    }
    claims.collateralValidity(
        newest.getThisUpdate().toInstant(), newest.getNextUpdate().toInstant());
  }

  /**
   * The certificates in {@code pool} that can sign Intel's TCB info and identities (end-entity
   * certificates issued by a trusted root) and whose key verifies {@code document}.
   *
   * @throws AttestationException {@code COLLATERAL_MISSING} when there is no TCB signing
   *     certificate, {@code COLLATERAL_SIGNATURE_INVALID} when none verifies the document
   */
  List<X509Certificate> documentSigners(SignedJson document, List<X509Certificate> pool)
      throws AttestationException {
    boolean anySigner = false;
    List<X509Certificate> signers = new ArrayList<>();
    for (X509Certificate c : pool) {
      if (c.getBasicConstraints() < 0 && trustedIssuer(c) != null) {
        anySigner = true;
        if (memo.document(document, c.getPublicKey())) {
          signers.add(c);
        }
      }
    }
    if (!anySigner) {
      throw new AttestationException(
          Reason.COLLATERAL_MISSING,
          "the collateral has no Intel SGX TCB Signing certificate issued by a trusted root, needed"
              + " for "
              + document);
    }
    if (signers.isEmpty()) {
      throw new AttestationException(
          Reason.COLLATERAL_SIGNATURE_INVALID,
          document + " is not signed by an Intel SGX TCB Signing certificate");
    }
    return signers;
  }

  /** The signer among {@code signers} that is valid at {@code at} and lasts longest, or null. */
  static X509Certificate validSigner(List<X509Certificate> signers, Instant at) {
    return signers.stream()
        .filter(c -> validAt(c, at))
        .max(Comparator.comparing(X509Certificate::getNotAfter))
        .orElse(null);
  }

  static boolean validAt(X509Certificate c, Instant at) {
    return !c.getNotBefore().toInstant().isAfter(at) && !c.getNotAfter().toInstant().isBefore(at);
  }

  /** The common name of {@code c}, or its whole subject. */
  static String name(X509Certificate c) {
    String dn = c.getSubjectX500Principal().getName(X500Principal.RFC2253);
    for (String part : dn.split(",")) {
      if (part.startsWith("CN=")) {
        return part.substring(3);
      }
    }
    return dn;
  }

  private static AttestationException pckInvalid(String message) {
    return new AttestationException(Reason.PCK_CHAIN_INVALID, message);
  }
}
