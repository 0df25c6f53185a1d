package io.coffer.cas.pki;

import io.coffer.policy.model.Secret;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Optional;

/** Self-signed certificates for the {@code x509} secrets that name no issuer. */
public final class SelfSignedCertificates {

  private SelfSignedCertificates() {}

  /**
   * A certificate for {@code keyPair}'s public key signed by its own private key, with the same
   * content as {@link CertificateAuthority#issue} gives (an end entity, {@code cA} false), except
   * that the issuer is the subject and there is no authority key identifier (RFC 5280 §4.2.1.1).
   *
   * @throws IllegalArgumentException if the key is not accepted or a setting cannot be certified
   */
  public static X509Certificate issue(
      KeyPair keyPair,
      Secret.X509 settings,
      String defaultCommonName,
      Instant now,
      SecureRandom random) {
    SubjectKey key = SubjectKey.of(keyPair.getPublic());
    LeafRequest request =
        X509Profile.request(
            key,
            settings,
            defaultCommonName,
            now.minus(CertificateAuthority.CLOCK_SKEW),
            now,
            Optional.empty());
    Issuer self =
        Issuer.self(new SignerPool(keyPair.getPrivate(), key.algorithm().signatureAlgorithm()));
    return self.issue(request, random);
  }
}
