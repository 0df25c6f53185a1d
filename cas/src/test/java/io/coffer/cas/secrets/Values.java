package io.coffer.cas.secrets;

import io.coffer.cas.pki.CertificateAuthority;
import io.coffer.policy.model.Secret;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** One value of every kind, made once. */
final class Values {

  static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
  static final SecretValue.Ascii ASCII =
      new SecretValue.Ascii("correct horse".getBytes(StandardCharsets.US_ASCII));
  static final SecretValue.Binary BINARY =
      new SecretValue.Binary(new byte[] {0, 1, 2, (byte) 0xff});
  static final SecretValue.PrivateKeyValue KEY;
  static final SecretValue.CertificateValue CA;
  static final SecretValue.CertificateValue LEAF;
  static final Map<Secret.Kind, SecretValue> BY_KIND;

  static {
    try {
      SecureRandom random = new SecureRandom();
      KEY =
          (SecretValue.PrivateKeyValue)
              SecretGenerator.generate(
                  Definitions.key("k", Secret.KeyType.P256), n -> Optional.empty(), NOW, random);
      CA =
          (SecretValue.CertificateValue)
              SecretGenerator.generate(
                  Definitions.ca("ca", Optional.empty()), n -> Optional.empty(), NOW, random);
      CertificateAuthority authority = CA.asAuthority();
      LEAF =
          (SecretValue.CertificateValue)
              SecretGenerator.generate(
                  Definitions.certificate("web", Optional.of("ca"), Secret.KeyType.P256),
                  n -> Optional.of(authority),
                  NOW,
                  random);
    } catch (Exception e) {
      throw new ExceptionInInitializerError(e);
    }
    BY_KIND =
        Map.of(
            Secret.Kind.ASCII, ASCII,
            Secret.Kind.BINARY, BINARY,
            Secret.Kind.PRIVATE_KEY, KEY,
            Secret.Kind.X509_CA, CA,
            Secret.Kind.X509, LEAF);
  }

  private Values() {}
}
