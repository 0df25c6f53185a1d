package io.coffer.cas.secrets;

import io.coffer.cas.pki.CertificateAuthority;
import io.coffer.cas.pki.CertificateAuthorityException;
import io.coffer.cas.pki.KeyPairs;
import io.coffer.cas.pki.SelfSignedCertificates;
import io.coffer.cas.secrets.SecretGenerationException.Reason;
import io.coffer.policy.model.Secret;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Makes the value of a secret of a policy on its first use, from its definition: random bytes and
 * characters from the given {@link SecureRandom}, key pairs from the JCA, certificates from the
 * policy's CAs ({@link io.coffer.cas.pki}). A value the stakeholder gave is used as is.
 */
public final class SecretGenerator {

  /** RFC 4648 §5 base64url alphabet: 64 characters, so every character carries 6 random bits. */
  private static final byte[] URL_SAFE =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
          .getBytes(StandardCharsets.US_ASCII);

  /** The validity of an {@code x509-ca} whose policy does not say (as the policy parser fills). */
  static final Duration DEFAULT_CA_VALIDITY = Duration.ofDays(3650);

  private SecretGenerator() {}

  /**
   * The value of {@code definition}:
   *
   * <ul>
   *   <li>{@code ascii}: {@code size} characters drawn uniformly from the URL-safe alphabet; a
   *       given value as is;
   *   <li>{@code binary}: {@code size} random bytes; a given value decoded from base64;
   *   <li>{@code private-key}: a key pair of {@code key_type} (P-256 by default); a given value
   *       read as a PEM PKCS#8 key;
   *   <li>{@code x509-ca}: a new {@link CertificateAuthority} named by {@code common_name} (the
   *       secret's name by default);
   *   <li>{@code x509}: a key pair and a certificate from the CA {@code issuers} gives for {@code
   *       issuer} (chain: certificate, CA certificate), or self-signed without an issuer.
   * </ul>
   *
   * @param issuers the policy's CAs by secret name
   * @throws SecretGenerationException {@code INVALID_VALUE}, {@code UNKNOWN_ISSUER} or {@code
   *     ISSUER_UNUSABLE}, naming the secret
   * @throws IllegalArgumentException for an imported secret (its value comes from its exporter) or
   *     a definition the policy parser would have refused
   */
  public static SecretValue generate(
      Secret definition,
      Function<String, Optional<CertificateAuthority>> issuers,
      Instant now,
      SecureRandom random)
      throws SecretGenerationException {
    if (definition.importFrom().isPresent()) {
      throw new IllegalArgumentException(
          "secret " + definition.name() + " is imported: its value comes from its exporter");
    }
    return switch (definition.kind()) {
      case ASCII -> ascii(definition, random);
      case BINARY -> binary(definition, random);
      case PRIVATE_KEY -> privateKey(definition, random);
      case X509_CA -> authority(definition, now, random);
      case X509 -> certificate(definition, issuers, now, random);
    };
  }

  private static SecretValue ascii(Secret definition, SecureRandom random)
      throws SecretGenerationException {
    if (definition.value().isPresent()) {
      String value = definition.value().get();
      // Checked before encoding: US-ASCII encoding would turn other characters into '?'.
      if (!value.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
        throw invalidValue(definition, "not printable ASCII", null);
      }
      return new SecretValue.Ascii(value.getBytes(StandardCharsets.US_ASCII));
    }
    byte[] text = new byte[size(definition)];
    for (int i = 0; i < text.length; i++) {
      // Random.nextInt(bound) rejects out-of-range draws: uniform, no modulo bias.
      text[i] = URL_SAFE[random.nextInt(URL_SAFE.length)];
    }
    return new SecretValue.Ascii(text);
  }

  private static SecretValue binary(Secret definition, SecureRandom random)
      throws SecretGenerationException {
    if (definition.value().isPresent()) {
      try {
        return new SecretValue.Binary(Base64.getDecoder().decode(definition.value().get()));
      } catch (IllegalArgumentException e) {
        throw invalidValue(definition, "not base64", e);
      }
    }
    byte[] bytes = new byte[size(definition)];
    random.nextBytes(bytes);
    return new SecretValue.Binary(bytes);
  }

  private static SecretValue privateKey(Secret definition, SecureRandom random)
      throws SecretGenerationException {
    if (definition.value().isPresent()) {
      try {
        return GivenPrivateKey.read(definition.value().get());
      } catch (IllegalArgumentException e) {
        throw invalidValue(definition, e.getMessage(), e);
      }
    }
    KeyPair pair = KeyPairs.generate(keyType(definition), random);
    return new SecretValue.PrivateKeyValue(pair.getPrivate(), pair.getPublic());
  }

  private static SecretValue authority(Secret definition, Instant now, SecureRandom random) {
    Secret.X509 settings = settings(definition);
    CertificateAuthority ca =
        CertificateAuthority.generate(
            settings.commonName().orElse(definition.name()),
            keyType(definition),
            now,
            settings.validFor().orElse(DEFAULT_CA_VALIDITY),
            random);
    return new SecretValue.CertificateValue(ca.privateKeyForStorage(), List.of(ca.certificate()));
  }

  private static SecretValue certificate(
      Secret definition,
      Function<String, Optional<CertificateAuthority>> issuers,
      Instant now,
      SecureRandom random)
      throws SecretGenerationException {
    Secret.X509 settings = settings(definition);
    KeyPair pair = KeyPairs.generate(keyType(definition), random);
    if (settings.issuer().isEmpty()) {
      X509Certificate self =
          SelfSignedCertificates.issue(pair, settings, definition.name(), now, random);
      return new SecretValue.CertificateValue(pair.getPrivate(), List.of(self));
    }
    String issuerName = settings.issuer().get();
    CertificateAuthority ca =
        issuers
            .apply(issuerName)
            .orElseThrow(() ->
                new SecretGenerationException(
                    Reason.UNKNOWN_ISSUER,
                    "secret "
                        + definition.name()
                        + ": issuer "
                        + issuerName
                        + " is not an x509-ca of the policy",
                    null));
    try {
      X509Certificate certificate =
          ca.issue(pair.getPublic(), settings, definition.name(), now, random);
      return new SecretValue.CertificateValue(
          pair.getPrivate(), List.of(certificate, ca.certificate()));
    } catch (CertificateAuthorityException e) {
      throw new SecretGenerationException(
          Reason.ISSUER_UNUSABLE,
          "secret " + definition.name() + ": issuer " + issuerName + ": " + e.getMessage(),
          e);
    }
  }

  private static int size(Secret definition) {
    return definition.size().stream()
        .boxed()
        .findFirst()
        .orElseThrow(() ->
            new IllegalArgumentException(
                "secret " + definition.name() + " has neither size nor value"));
  }

  private static Secret.KeyType keyType(Secret definition) {
    return definition.keyType().orElse(Secret.KeyType.P256);
  }

  private static Secret.X509 settings(Secret definition) {
    return definition
        .x509()
        .orElse(
            new Secret.X509(
                Optional.empty(), Optional.empty(), List.of(), Optional.empty(), Optional.empty()));
  }

  private static SecretGenerationException invalidValue(
      Secret definition, String what, Throwable cause) {
    return new SecretGenerationException(
        Reason.INVALID_VALUE, "secret " + definition.name() + ": the given value: " + what, cause);
  }
}
