package io.coffer.cas.pki;

import io.coffer.cas.pki.CertificateAuthorityException.Reason;
import io.coffer.policy.model.Secret;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.cert.X509v3CertificateBuilder;

/**
 * A certificate authority of one policy: a key pair and its self-signed CA certificate, which
 * issues the per-instance certificates of attested workloads and the policy's {@code x509} secrets.
 *
 * <p>Security guarantees: every issued certificate is an end entity ({@code cA} false), carries 128
 * random bits of serial and never outlives the CA. A per-instance certificate names exactly one
 * identity, the workload's SPIFFE ID (X509-SVID.md §2). The private key leaves this object only
 * through {@link #encode()} and {@link #privateKeyForStorage()}, for storage behind the CAS's
 * encryption barrier.
 *
 * <p>Thread safety: immutable; issuing is safe from any number of threads.
 *
 * <p>Not protected against: revocation (there is none; certificates are short-lived instead);
 * whoever reads the encoding outside the barrier.
 */
public final class CertificateAuthority {

  /** How far back a certificate's validity starts, for clients whose clocks run behind. */
  public static final Duration CLOCK_SKEW = Duration.ofSeconds(60);

  private static final byte[] PROOF_OF_POSSESSION =
      "coffer-ca-key-check".getBytes(StandardCharsets.US_ASCII);

  private final PrivateKey privateKey;
  private final X509Certificate certificate;
  private final Instant notBefore;
  private final Instant notAfter;
  private final Issuer issuer;

  private CertificateAuthority(PrivateKey privateKey, X509Certificate certificate)
      throws CertificateAuthorityException {
    this.privateKey = privateKey;
    this.certificate = certificate;
    this.notBefore = certificate.getNotBefore().toInstant();
    this.notAfter = certificate.getNotAfter().toInstant();
    SubjectKey key = subjectKey(certificate);
    byte[] keyId = certificate.getExtensionValue(Extension.subjectKeyIdentifier.getId());
    AuthorityKeyIdentifier authorityKeyId =
        new AuthorityKeyIdentifier(
            keyId == null
                ? Issuer.subjectKeyId(key).getKeyIdentifier()
                : subjectKeyIdentifier(keyId));
    X500Name name = X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
    this.issuer =
        Issuer.authority(
            name, authorityKeyId, new SignerPool(privateKey, key.algorithm().signatureAlgorithm()));
  }

  /**
   * A new CA: a key pair of {@code keyType} and a self-signed certificate with subject {@code
   * CN=<commonName>, O=Coffer}, valid from {@code now} minus {@link #CLOCK_SKEW} to {@code now +
   * validity}; basic constraints {@code cA} true with path length 0 (critical), key usage {@code
   * keyCertSign} and {@code cRLSign} (critical), subject key identifier (RFC 5280 §4.2.1.2,
   * §4.2.1.3, §4.2.1.9).
   *
   * @throws IllegalArgumentException if the common name is empty or longer than 64 characters, or
   *     the validity is not positive
   */
  public static CertificateAuthority generate(
      String commonName,
      Secret.KeyType keyType,
      Instant now,
      Duration validity,
      SecureRandom random) {
    Objects.requireNonNull(commonName, "commonName");
    if (commonName.isEmpty() || commonName.length() > X509Profile.MAX_COMMON_NAME) {
      throw new IllegalArgumentException(
          "a CA's common name has 1 to " + X509Profile.MAX_COMMON_NAME + " characters");
    }
    if (validity.isNegative() || validity.isZero()) {
      throw new IllegalArgumentException("a CA's validity must be positive, got " + validity);
    }
    KeyPair pair = KeyPairs.generate(keyType, random);
    SubjectKey key = SubjectKey.of(pair.getPublic());
    X500Name name =
        new X500NameBuilder(BCStyle.INSTANCE)
            .addRDN(BCStyle.O, "Coffer")
            .addRDN(BCStyle.CN, commonName)
            .build();
    Instant start = now.minus(CLOCK_SKEW).truncatedTo(ChronoUnit.SECONDS);
    Instant end = now.plus(validity).truncatedTo(ChronoUnit.SECONDS);
    X509v3CertificateBuilder builder =
        new X509v3CertificateBuilder(
            name, Issuer.serial(random), Date.from(start), Date.from(end), name, key.info());
    try {
      builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
      builder.addExtension(
          Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
      builder.addExtension(Extension.subjectKeyIdentifier, false, Issuer.subjectKeyId(key));
    } catch (IOException e) {
      throw new IllegalStateException("cannot encode a certificate extension", e);
    }
    X509Certificate certificate =
        Issuer.toCertificate(
            new SignerPool(pair.getPrivate(), key.algorithm().signatureAlgorithm()).sign(builder));
    try {
      return new CertificateAuthority(pair.getPrivate(), certificate);
    } catch (CertificateAuthorityException e) {
      throw new IllegalStateException("a CA certificate Coffer made does not read back", e);
    }
  }

  /**
   * The CA of {@code privateKey} and {@code certificate}, after checking that the certificate is a
   * CA certificate ({@code cA} true and {@code keyCertSign}), self-signed with a valid signature,
   * and that the key is its key (by signing and verifying a fixed message).
   *
   * @throws CertificateAuthorityException {@code NOT_A_CA}, {@code NOT_SELF_SIGNED} or {@code
   *     KEY_MISMATCH}
   */
  public static CertificateAuthority of(PrivateKey privateKey, X509Certificate certificate)
      throws CertificateAuthorityException {
    Objects.requireNonNull(privateKey, "privateKey");
    Objects.requireNonNull(certificate, "certificate");
    boolean[] usage = certificate.getKeyUsage();
    if (certificate.getBasicConstraints() < 0 || usage == null || !usage[5]) {
      throw new CertificateAuthorityException(
          Reason.NOT_A_CA,
          "certificate "
              + certificate.getSubjectX500Principal().getName()
              + " is not a CA certificate (needs cA true and keyCertSign)");
    }
    SubjectKey key = subjectKey(certificate);
    try {
      if (!certificate.getIssuerX500Principal().equals(certificate.getSubjectX500Principal())) {
        throw new CertificateAuthorityException(
            Reason.NOT_SELF_SIGNED, "the CA certificate is not self-issued");
      }
      certificate.verify(certificate.getPublicKey());
    } catch (GeneralSecurityException e) {
      throw new CertificateAuthorityException(
          Reason.NOT_SELF_SIGNED, "the CA certificate's self-signature does not verify", e);
    }
    try {
      Signature signer = Signature.getInstance(key.algorithm().signatureAlgorithm());
      signer.initSign(privateKey);
      signer.update(PROOF_OF_POSSESSION);
      byte[] signature = signer.sign();
      Signature verifier = Signature.getInstance(key.algorithm().signatureAlgorithm());
      verifier.initVerify(certificate.getPublicKey());
      verifier.update(PROOF_OF_POSSESSION);
      if (!verifier.verify(signature)) {
        throw new CertificateAuthorityException(
            Reason.KEY_MISMATCH, "the private key is not the CA certificate's key");
      }
    } catch (GeneralSecurityException e) {
      throw new CertificateAuthorityException(
          Reason.KEY_MISMATCH,
          "the " + privateKey.getAlgorithm() + " private key cannot sign for the CA certificate",
          e);
    }
    return new CertificateAuthority(privateKey, certificate);
  }

  /** The CA certificate. */
  public X509Certificate certificate() {
    return certificate;
  }

  /** The CA certificate's DER encoding. */
  public byte[] encoded() {
    try {
      return certificate.getEncoded();
    } catch (java.security.cert.CertificateEncodingException e) {
      throw new IllegalStateException("a CA certificate that was parsed cannot be encoded", e);
    }
  }

  /** The CA's public key. */
  public PublicKey publicKey() {
    return certificate.getPublicKey();
  }

  /**
   * The CA's private key, for the encoder of a secret that is stored behind the CAS's encryption
   * barrier; nothing else needs it.
   */
  public PrivateKey privateKeyForStorage() {
    return privateKey;
  }

  /**
   * Issues the per-instance certificate of an attested workload key (X509-SVID.md): subject {@code
   * CN=<service>, O=<policy>}; exactly one subject alternative name, the URI {@code id}
   * (X509-SVID.md §2); {@code cA} false; key usage {@code digitalSignature} (+ {@code
   * keyEncipherment} for an RSA key), critical (X509-SVID.md §4.3); extended key usage {@code
   * serverAuth} and {@code clientAuth}; valid from {@code now} minus {@link #CLOCK_SKEW} (not
   * before the CA) until {@code now + validity} or the CA's end, whichever is first.
   *
   * @throws IllegalArgumentException if the key is not EC P-256, P-384, P-521, Ed25519 or RSA of at
   *     least 2048 bits, or the validity is not positive
   * @throws CertificateAuthorityException {@code CA_EXPIRED} or {@code CA_NOT_YET_VALID} at {@code
   *     now}
   */
  public X509Certificate issueInstance(
      PublicKey subjectKey, SpiffeId id, Instant now, Duration validity, SecureRandom random)
      throws CertificateAuthorityException {
    return issueInstanceEncoded(subjectKey, id, now, validity, random).certificate();
  }

  /**
   * {@link #issueInstance}, answering the certificate's encoding: the certificate is not parsed
   * back (for serving many workloads a second).
   */
  public IssuedCertificate issueInstanceEncoded(
      PublicKey subjectKey, SpiffeId id, Instant now, Duration validity, SecureRandom random)
      throws CertificateAuthorityException {
    Objects.requireNonNull(id, "id");
    SubjectKey key = SubjectKey.of(subjectKey);
    if (validity.isNegative() || validity.isZero()) {
      throw new IllegalArgumentException("a certificate's validity must be positive: " + validity);
    }
    requireValidAt(now);
    X500Name subject =
        new X500NameBuilder(BCStyle.INSTANCE)
            .addRDN(BCStyle.O, id.policy())
            .addRDN(BCStyle.CN, id.service())
            .build();
    GeneralNames san =
        new GeneralNames(
            new GeneralName(GeneralName.uniformResourceIdentifier, id.uri().toString()));
    LeafRequest request =
        new LeafRequest(
            subject,
            key,
            Optional.of(san),
            List.of(KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth),
            notBefore(now),
            earliest(now.plus(validity), notAfter));
    return issuer.issueEncoded(request, random);
  }

  /**
   * Issues the certificate of an {@code x509} secret of the policy, for {@code subjectKey}: subject
   * {@code CN=} the settings' common name or {@code defaultCommonName}; the settings' {@code dns:},
   * {@code ip:} and {@code uri:} names; extended key usage from the endpoint (server, client or
   * both; server when absent); valid for the settings' duration (90 days when absent), never past
   * the CA's end.
   *
   * @throws IllegalArgumentException if the key is not accepted or a setting cannot be certified
   * @throws CertificateAuthorityException {@code CA_EXPIRED} or {@code CA_NOT_YET_VALID} at {@code
   *     now}
   */
  public X509Certificate issue(
      PublicKey subjectKey,
      Secret.X509 settings,
      String defaultCommonName,
      Instant now,
      SecureRandom random)
      throws CertificateAuthorityException {
    SubjectKey key = SubjectKey.of(subjectKey);
    requireValidAt(now);
    LeafRequest request =
        X509Profile.request(
            key, settings, defaultCommonName, notBefore(now), now, Optional.of(notAfter));
    return issuer.issue(request, random);
  }

  /**
   * The storage encoding (see {@link CertificateAuthorityEncoding}): the PKCS#8 private key and the
   * certificate's DER. Holds the private key: store it only behind the encryption barrier.
   */
  public byte[] encode() {
    try {
      return CertificateAuthorityEncoding.encode(privateKey.getEncoded(), certificate.getEncoded());
    } catch (CertificateEncodingException e) {
      throw new IllegalStateException("cannot encode the CA certificate", e);
    }
  }

  /**
   * Decodes exactly one {@link #encode()} output and checks it as {@link #of} does.
   *
   * @throws CertificateAuthorityException {@code MALFORMED} naming the part that is wrong, or as
   *     {@link #of}
   */
  public static CertificateAuthority decode(byte[] encoded) throws CertificateAuthorityException {
    CertificateAuthorityEncoding.Parts parts = CertificateAuthorityEncoding.decode(encoded);
    return of(parts.privateKey(), parts.certificate());
  }

  /** Names the CA; never its key. */
  @Override
  public String toString() {
    return "CertificateAuthority["
        + certificate.getSubjectX500Principal().getName()
        + ", until "
        + notAfter
        + "]";
  }

  private void requireValidAt(Instant now) throws CertificateAuthorityException {
    if (now.isBefore(notBefore)) {
      throw new CertificateAuthorityException(
          Reason.CA_NOT_YET_VALID, "the CA is valid only from " + notBefore + ", it is " + now);
    }
    if (!now.isBefore(notAfter)) {
      throw new CertificateAuthorityException(
          Reason.CA_EXPIRED, "the CA expired at " + notAfter + ", it is " + now);
    }
  }

  private Instant notBefore(Instant now) {
    Instant start = now.minus(CLOCK_SKEW);
    return start.isBefore(notBefore) ? notBefore : start;
  }

  private static Instant earliest(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }

  // RFC 5280 §4.2.1.2: the extension's value is an OCTET STRING. The JDK keeps a non-critical
  // extension it cannot parse, so a certificate can carry one that is not.
  private static byte[] subjectKeyIdentifier(byte[] extensionValue)
      throws CertificateAuthorityException {
    try {
      return SubjectKeyIdentifier.getInstance(
              ASN1OctetString.getInstance(extensionValue).getOctets())
          .getKeyIdentifier();
    } catch (IllegalArgumentException e) {
      throw new CertificateAuthorityException(
          Reason.MALFORMED,
          "the CA certificate's subject key identifier is not an OCTET STRING (RFC 5280 §4.2.1.2)",
          e);
    }
  }

  private static SubjectKey subjectKey(X509Certificate certificate)
      throws CertificateAuthorityException {
    try {
      return SubjectKey.of(certificate.getPublicKey());
    } catch (IllegalArgumentException e) {
      throw new CertificateAuthorityException(
          Reason.MALFORMED, "the CA certificate's key is not accepted: " + e.getMessage(), e);
    }
  }
}
