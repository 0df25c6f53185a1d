package io.coffer.policy.governance;

import io.coffer.policy.governance.GovernanceException.Reason;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.Objects;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * An X.509 client certificate as a carrier of a key: its {@code cert-sha256} identity is SHA-256 of
 * its DER SubjectPublicKeyInfo, and approvals by that identity are signed with its key.
 *
 * <p>Restrictions: only the key matters here. Validity period, issuer, signature and extensions of
 * the certificate are not checked (an mTLS endpoint checks them when the certificate is used for
 * TLS); renewing a certificate with the same key keeps the identity.
 */
public final class ClientCertificate {

  /** The largest certificate accepted; a client certificate is well under 2 KiB. */
  public static final int MAX_DER_BYTES = 16 * 1024;

  /** PEM label of a certificate (RFC 7468 §5). */
  static final String PEM_LABEL = "CERTIFICATE";

  private static final int SERIAL_BITS = 159;

  private final X509Certificate certificate;
  private final byte[] der;
  private final byte[] spki;

  private ClientCertificate(X509Certificate certificate, byte[] der, byte[] spki) {
    this.certificate = certificate;
    this.der = der;
    this.spki = spki;
  }

  /**
   * A certificate from its DER encoding.
   *
   * @throws GovernanceException {@code MALFORMED_CERTIFICATE} when it is not one X.509 certificate
   */
  public static ClientCertificate fromDer(byte[] der) throws GovernanceException {
    Objects.requireNonNull(der, "der");
    if (der.length > MAX_DER_BYTES) {
      throw new GovernanceException(
          Reason.MALFORMED_CERTIFICATE, "certificate larger than " + MAX_DER_BYTES + " bytes");
    }
    X509Certificate parsed;
    try {
      parsed =
          (X509Certificate)
              CertificateFactory.getInstance("X.509")
                  .generateCertificate(new ByteArrayInputStream(der));
      if (!Arrays.equals(parsed.getEncoded(), der)) {
        throw new GovernanceException(
            Reason.MALFORMED_CERTIFICATE, "not exactly one DER X.509 certificate");
      }
    } catch (CertificateException | RuntimeException e) {
      throw new GovernanceException(
          Reason.MALFORMED_CERTIFICATE, "not an X.509 certificate: " + e.getMessage(), e);
    }
    return of(parsed);
  }

  /**
   * A certificate from one PEM {@code CERTIFICATE} block.
   *
   * @throws GovernanceException {@code MALFORMED_CERTIFICATE}
   */
  public static ClientCertificate fromPem(String pem) throws GovernanceException {
    return fromDer(Pem.decode(pem, PEM_LABEL, Reason.MALFORMED_CERTIFICATE));
  }

  /**
   * Wraps a parsed certificate.
   *
   * @throws GovernanceException {@code MALFORMED_CERTIFICATE} when it cannot be encoded
   */
  public static ClientCertificate of(X509Certificate certificate) throws GovernanceException {
    Objects.requireNonNull(certificate, "certificate");
    byte[] der;
    try {
      der = certificate.getEncoded();
    } catch (CertificateEncodingException e) {
      throw new GovernanceException(
          Reason.MALFORMED_CERTIFICATE, "certificate cannot be encoded", e);
    }
    return new ClientCertificate(certificate, der, Identity.subjectPublicKeyInfo(certificate));
  }

  /**
   * A self-signed X.509 v3 certificate for mTLS client authentication with {@code key}: subject and
   * issuer {@code CN=commonName}, a random 159-bit serial, valid from {@code notBefore} for {@code
   * validity}, basic constraints {@code cA=false}, key usage {@code digitalSignature}, extended key
   * usage {@code clientAuth} (RFC 5280 §4.2.1.12), and a subject key identifier.
   */
  public static ClientCertificate selfSigned(
      IdentityKey key, String commonName, Instant notBefore, Duration validity) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(commonName, "commonName");
    if (commonName.isEmpty() || commonName.length() > 64) {
      // RFC 5280 Appendix A: ub-common-name is 64.
      throw new IllegalArgumentException("a common name is 1 to 64 characters");
    }
    if (validity.isNegative() || validity.isZero()) {
      throw new IllegalArgumentException("validity must be positive");
    }
    X500Name name = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, commonName).build();
    BigInteger serial = new BigInteger(SERIAL_BITS, new SecureRandom()).setBit(SERIAL_BITS - 1);
    SubjectPublicKeyInfo spki = SubjectPublicKeyInfo.getInstance(key.subjectPublicKeyInfo());
    try {
      X509v3CertificateBuilder builder =
          new X509v3CertificateBuilder(
              name, serial, Date.from(notBefore), Date.from(notBefore.plus(validity)), name, spki);
      builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
      builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
      builder.addExtension(
          Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_clientAuth));
      builder.addExtension(
          Extension.subjectKeyIdentifier,
          false,
          new JcaX509ExtensionUtils().createSubjectKeyIdentifier(spki));
      ContentSigner signer =
          new JcaContentSignerBuilder(key.certificateSignatureAlgorithm()).build(key.privateKey());
      return fromDer(builder.build(signer).getEncoded());
    } catch (IOException
        | NoSuchAlgorithmException
        | OperatorCreationException
        | GovernanceException e) {
      throw new IllegalStateException("cannot build a self-signed certificate", e);
    }
  }

  /** The certificate. */
  public X509Certificate certificate() {
    return certificate;
  }

  /** A copy of the DER encoding. */
  public byte[] der() {
    return der.clone();
  }

  /** The certificate as one PEM block, ending with a newline. */
  public String toPem() {
    return Pem.encode(PEM_LABEL, der);
  }

  /** The {@code cert-sha256} identity of this certificate. */
  public Identity identity() {
    return Identity.ofCertificateSpki(spki);
  }

  /**
   * The identity of the certificate's key, which verifies signatures by {@link #identity()}.
   *
   * @throws GovernanceException {@code UNSUPPORTED_KEY} or {@code INVALID_KEY} when the key is not
   *     an Ed25519, P-256 or P-384 key
   */
  public Identity keyIdentity() throws GovernanceException {
    return Identity.ofSpki(spki);
  }
}
