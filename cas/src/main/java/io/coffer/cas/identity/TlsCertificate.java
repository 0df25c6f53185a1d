package io.coffer.cas.identity;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.util.IPAddress;

/**
 * The CAS's self-signed TLS server certificate (BouncyCastle). Clients do not trust it through a
 * CA: they pin the SubjectPublicKeyInfo that the CAS's evidence binds. Hence a validity without a
 * well-defined end, {@code 99991231235959Z} (RFC 5280 §4.1.2.5), and the names only so that
 * ordinary TLS clients accept the host name: {@code localhost}, {@code 127.0.0.1} and the names
 * given.
 */
final class TlsCertificate {

  /** RFC 5280 §4.1.2.5: "no well-defined expiration date". */
  static final Instant NO_EXPIRY = Instant.parse("9999-12-31T23:59:59Z");

  private static final Pattern DNS_NAME =
      Pattern.compile(
          "(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
              + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*");

  private TlsCertificate() {}

  /**
   * A self-signed certificate for {@code pair} (ECDSA P-256), valid from an hour before {@code
   * now}.
   *
   * @throws IllegalArgumentException for a host name that is neither a DNS name nor an IP address
   */
  static X509Certificate selfSigned(
      KeyPair pair, List<String> hostNames, Instant now, SecureRandom random) {
    X500Name subject =
        new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, "Coffer CAS").build();
    // RFC 5280 §4.1.2.2: a positive serial of at most 20 octets; 127 random bits.
    BigInteger serial = new BigInteger(127, random).setBit(0);
    Instant notBefore = now.minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
    X509v3CertificateBuilder builder =
        new JcaX509v3CertificateBuilder(
            subject, serial, Date.from(notBefore), Date.from(NO_EXPIRY), subject, pair.getPublic());
    try {
      builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
      builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
      builder.addExtension(
          Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
      builder.addExtension(Extension.subjectAlternativeName, false, names(hostNames));
      return new JcaX509CertificateConverter()
          .getCertificate(
              builder.build(
                  new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate())));
    } catch (CertIOException | OperatorCreationException | GeneralSecurityException e) {
      throw new IllegalStateException("cannot make the TLS certificate", e);
    }
  }

  private static GeneralNames names(List<String> hostNames) {
    Set<String> all = new LinkedHashSet<>(List.of("localhost", "127.0.0.1"));
    all.addAll(hostNames);
    List<GeneralName> names = new ArrayList<>();
    for (String name : all) {
      if (IPAddress.isValid(name)) {
        names.add(new GeneralName(GeneralName.iPAddress, name));
      } else if (DNS_NAME.matcher(name).matches()) {
        names.add(new GeneralName(GeneralName.dNSName, name));
      } else {
        throw new IllegalArgumentException(
            "host name \"" + name + "\" is neither a DNS name nor an IP address");
      }
    }
    return new GeneralNames(names.toArray(GeneralName[]::new));
  }

  /** The certificate's DER, for messages that must not fail. */
  static byte[] der(X509Certificate certificate) {
    try {
      return certificate.getEncoded();
    } catch (java.security.cert.CertificateEncodingException e) {
      throw new IllegalStateException("cannot encode the TLS certificate", e);
    }
  }
}
