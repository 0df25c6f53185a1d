package io.coffer.cas.pki;

import java.io.IOException;
import java.math.BigInteger;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Optional;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.cert.X509v3CertificateBuilder;

/**
 * Signs end-entity certificates: a CA's name and authority key identifier with its signing key, or
 * a key that signs its own certificate. Everything that does not change per certificate is computed
 * once.
 */
final class Issuer {

  /** The CA's name and key identifier; empty when every certificate is self-signed. */
  private record Authority(X500Name name, AuthorityKeyIdentifier keyId) {}

  private final Optional<Authority> authority;
  private final SignerPool signers;

  private Issuer(Optional<Authority> authority, SignerPool signers) {
    this.authority = authority;
    this.signers = signers;
  }

  /** An issuer for a CA named {@code name} whose subject key identifier is {@code keyId}. */
  static Issuer authority(X500Name name, AuthorityKeyIdentifier keyId, SignerPool signers) {
    return new Issuer(Optional.of(new Authority(name, keyId)), signers);
  }

  /** An issuer whose certificates are self-signed (issuer = subject, no authority key id). */
  static Issuer self(SignerPool signers) {
    return new Issuer(Optional.empty(), signers);
  }

  /**
   * Issues {@code request} as an end-entity certificate: {@code cA} false (critical), key usage
   * {@code digitalSignature} (+ {@code keyEncipherment} for RSA keys, critical; RFC 5280 §4.2.1.3),
   * the extended key usages, the alternative names (critical when the subject is empty, RFC 5280
   * §4.2.1.6), subject and authority key identifiers.
   */
  X509Certificate issue(LeafRequest request, SecureRandom random) {
    return issueEncoded(request, random).certificate();
  }

  /** Issues, answering the encoding (the certificate is not parsed back). */
  IssuedCertificate issueEncoded(LeafRequest request, SecureRandom random) {
    X500Name issuerName = authority.map(Authority::name).orElse(request.subject());
    BigInteger serial = serial(random);
    X509v3CertificateBuilder builder =
        new X509v3CertificateBuilder(
            issuerName,
            serial,
            CertificateTimes.of(request.notBefore()),
            CertificateTimes.of(request.notAfter()),
            request.subject(),
            request.key().info());
    int usage = KeyUsage.digitalSignature;
    if (request.key().algorithm().encipherment()) {
      usage |= KeyUsage.keyEncipherment;
    }
    try {
      builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
      builder.addExtension(Extension.keyUsage, true, new KeyUsage(usage));
      builder.addExtension(
          Extension.extendedKeyUsage,
          false,
          new ExtendedKeyUsage(request.extendedKeyUsage().toArray(KeyPurposeId[]::new)));
      if (request.san().isPresent()) {
        boolean emptySubject = request.subject().getRDNs().length == 0;
        builder.addExtension(Extension.subjectAlternativeName, emptySubject, request.san().get());
      }
      builder.addExtension(Extension.subjectKeyIdentifier, false, subjectKeyId(request.key()));
      if (authority.isPresent()) {
        builder.addExtension(Extension.authorityKeyIdentifier, false, authority.get().keyId());
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot encode a certificate extension", e);
    }
    try {
      return new IssuedCertificate(
          signers.sign(builder).getEncoded(),
          serial,
          request.notAfter().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
    } catch (IOException e) {
      throw new IllegalStateException("cannot encode a certificate just signed", e);
    }
  }

  /**
   * A serial number of 128 random bits, positive (RFC 5280 §4.1.2.2: positive, at most 20 octets;
   * CA/Browser Forum: at least 64 bits of randomness).
   */
  static BigInteger serial(SecureRandom random) {
    byte[] bytes = new byte[16];
    BigInteger serial;
    do {
      random.nextBytes(bytes);
      serial = new BigInteger(1, bytes);
    } while (serial.signum() == 0);
    return serial;
  }

  /**
   * RFC 5280 §4.2.1.2 method 1: the SHA-1 of the subjectPublicKey BIT STRING's value.
   * (BouncyCastle's extension utilities compute the same, with a new digest calculator per call.)
   */
  static SubjectKeyIdentifier subjectKeyId(SubjectKey key) {
    try {
      return new SubjectKeyIdentifier(
          java.security.MessageDigest.getInstance("SHA-1")
              .digest(key.info().getPublicKeyData().getBytes()));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the platform has no SHA-1 for key identifiers", e);
    }
  }

  static X509Certificate toCertificate(org.bouncycastle.cert.X509CertificateHolder holder) {
    try {
      return (X509Certificate)
          java.security.cert.CertificateFactory.getInstance("X.509")
              .generateCertificate(new java.io.ByteArrayInputStream(holder.getEncoded()));
    } catch (CertificateException | IOException e) {
      throw new IllegalStateException("the JDK refuses a certificate Coffer made", e);
    }
  }
}
