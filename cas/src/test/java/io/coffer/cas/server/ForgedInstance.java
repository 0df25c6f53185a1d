package io.coffer.cas.server;

import io.coffer.cas.client.ClientIdentity;
import io.coffer.policy.governance.ClientCertificate;
import io.coffer.policy.governance.IdentityKey;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A client identity that claims to be an admitted workload without the CAS having issued it: a
 * certificate with the issuer name, subject and SPIFFE ID of a real workload certificate, for a key
 * of the attacker's, signed by that key.
 */
final class ForgedInstance {

  private ForgedInstance() {}

  /** A forgery of {@code real}, valid now. */
  static ClientIdentity of(X509Certificate real) throws Exception {
    KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
    g.initialize(new ECGenParameterSpec("secp256r1"));
    KeyPair key = g.generateKeyPair();
    String spiffe = null;
    for (List<?> name : real.getSubjectAlternativeNames()) {
      if (Integer.valueOf(GeneralName.uniformResourceIdentifier).equals(name.get(0))) {
        spiffe = (String) name.get(1);
      }
    }
    if (spiffe == null) {
      throw new IllegalArgumentException("not a workload certificate: no URI SAN");
    }
    Instant now = Instant.now();
    JcaX509v3CertificateBuilder builder =
        new JcaX509v3CertificateBuilder(
            real.getIssuerX500Principal(),
            new BigInteger(128, new SecureRandom()),
            Date.from(now.minus(Duration.ofHours(1))),
            Date.from(now.plus(Duration.ofHours(1))),
            real.getSubjectX500Principal(),
            key.getPublic());
    builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
    builder.addExtension(
        Extension.subjectAlternativeName,
        false,
        new GeneralNames(new GeneralName(GeneralName.uniformResourceIdentifier, spiffe)));
    X509Certificate forged =
        new JcaX509CertificateConverter()
            .getCertificate(
                builder.build(
                    new JcaContentSignerBuilder("SHA256withECDSA").build(key.getPrivate())));
    String pem =
        "-----BEGIN PRIVATE KEY-----\n"
            + Base64.getMimeEncoder(64, new byte[] {'\n'})
                .encodeToString(key.getPrivate().getEncoded())
            + "\n-----END PRIVATE KEY-----\n";
    return new ClientIdentity(IdentityKey.fromPem(pem), ClientCertificate.of(forged));
  }
}
