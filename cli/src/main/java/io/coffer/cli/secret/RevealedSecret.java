package io.coffer.cli.secret;

import io.coffer.policy.model.Secret;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A secret a CAS revealed (docs/protocol.md, "Revealing a secret to a person"), decoded from the
 * kind's default format once, and rendered in any format the CAS itself renders it in for a {@code
 * $$COFFER:name:format$$} placeholder, byte for byte (the CAS's {@code SecretFormats}).
 *
 * <p>The API answers {@code value} in the kind's default format and, for kinds with a key, {@code
 * private_key} as PKCS#8 PEM; every other format is derived from these here. Two cannot be: the
 * {@code spki} of a {@code private-key} secret (it needs the public key, which the answer does not
 * carry) and the {@code chain} of an {@code x509} secret (the answer carries its own certificate
 * only).
 *
 * @param policy the policy
 * @param secret the secret's name
 * @param kind its kind
 * @param value the characters of an {@code ascii} secret, the bytes of a {@code binary} one, the
 *     PKCS#8 DER of a {@code private-key}, the certificate DER of an {@code x509-ca} or {@code
 *     x509}
 * @param privateKey the PKCS#8 DER of the private key of kinds that hold one, else empty
 */
record RevealedSecret(
    String policy, String secret, Secret.Kind kind, byte[] value, Optional<byte[]> privateKey) {

  private static final Pattern HEX = Pattern.compile("\\A(?:[0-9a-f]{2})*\\z");

  RevealedSecret {
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(secret, "secret");
    Objects.requireNonNull(kind, "kind");
    value = value.clone();
    privateKey = privateKey.map(byte[]::clone);
    if (privateKey.isPresent() != kind.hasKey()) {
      throw new IllegalArgumentException(
          "a "
              + kind.yamlName()
              + " secret "
              + (kind.hasKey() ? "has" : "has no")
              + " private key");
    }
  }

  /**
   * Decodes the CAS's answer ({@code kind}, {@code value}, {@code private_key}).
   *
   * @throws IllegalArgumentException naming the member that is not what its kind says, never
   *     quoting it
   */
  static RevealedSecret decode(String policy, String secret, Map<String, String> answer) {
    String kindName = member(answer, "kind");
    Secret.Kind kind =
        List.of(Secret.Kind.values()).stream()
            .filter(k -> k.yamlName().equals(kindName))
            .findFirst()
            .orElseThrow(() -> new IllegalArgumentException("kind: not a kind of secret"));
    String text = member(answer, "value");
    Optional<String> key = Optional.ofNullable(answer.get("private_key"));
    if (key.isPresent() != kind.hasKey()) {
      throw new IllegalArgumentException(
          "private_key: " + (kind.hasKey() ? "missing" : "present") + " for a " + kindName);
    }
    byte[] value =
        switch (kind) {
          case ASCII -> ascii(text);
          case BINARY -> {
            if (!HEX.matcher(text).matches()) {
              throw new IllegalArgumentException("value: not lower-case hex");
            }
            yield HexFormat.of().parseHex(text);
          }
          case PRIVATE_KEY -> PemText.decode("PRIVATE KEY", text);
          case X509_CA, X509 -> {
            byte[] der = PemText.decode("CERTIFICATE", text);
            certificate(der);
            yield der;
          }
        };
    return new RevealedSecret(
        policy, secret, kind, value, key.map(k -> PemText.decode("PRIVATE KEY", k)));
  }

  /** The format the CAS answers in: the kind's default. */
  String defaultFormat() {
    return kind.formats().get(0);
  }

  /**
   * The value in {@code format}, as a placeholder {@code $$COFFER:name:format$$} renders it.
   *
   * @throws IllegalArgumentException if {@code format} is not one of the kind's, or one this answer
   *     cannot give (see the class comment)
   */
  String render(String format) {
    if (!kind.formats().contains(format)) {
      throw new IllegalArgumentException(
          "--format "
              + format
              + ": not a format of a "
              + kind.yamlName()
              + " secret: "
              + String.join(", ", kind.formats()));
    }
    return switch (kind) {
      case ASCII, BINARY ->
          switch (format) {
            case "text" -> new String(value, StandardCharsets.US_ASCII);
            case "hex" -> HexFormat.of().formatHex(value);
            default -> Base64.getEncoder().encodeToString(value);
          };
      case PRIVATE_KEY ->
          switch (format) {
            case "der" -> Base64.getEncoder().encodeToString(value);
            case "spki" -> throw notRevealed(format, "the public key");
            default -> PemText.encode("PRIVATE KEY", value);
          };
      case X509_CA, X509 ->
          switch (format) {
            case "der" -> Base64.getEncoder().encodeToString(value);
            case "key" -> PemText.encode("PRIVATE KEY", privateKey.orElseThrow());
            case "spki" ->
                PemText.encode("PUBLIC KEY", certificate(value).getPublicKey().getEncoded());
            case "chain" -> {
              // An x509-ca value is its CA certificate alone, so its chain is that certificate.
              if (kind == Secret.Kind.X509) {
                throw notRevealed(format, "the certificates above its own");
              }
              yield PemText.encode("CERTIFICATE", value);
            }
            default -> PemText.encode("CERTIFICATE", value);
          };
    };
  }

  private IllegalArgumentException notRevealed(String format, String what) {
    return new IllegalArgumentException(
        "--format "
            + format
            + ": the CAS does not reveal "
            + what
            + " of a "
            + kind.yamlName()
            + " secret; use "
            + String.join(" or ", kind.formats().stream().filter(f -> !f.equals(format)).toList())
            + " and derive it");
  }

  private static String member(Map<String, String> answer, String name) {
    String text = answer.get(name);
    if (text == null) {
      throw new IllegalArgumentException(name + ": missing");
    }
    return text;
  }

  private static byte[] ascii(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x20 || c > 0x7e) {
        throw new IllegalArgumentException("value: not printable ASCII at character " + i);
      }
    }
    return text.getBytes(StandardCharsets.US_ASCII);
  }

  private static X509Certificate certificate(byte[] der) {
    try {
      return (X509Certificate)
          CertificateFactory.getInstance("X.509")
              .generateCertificate(new ByteArrayInputStream(der));
    } catch (CertificateException | ClassCastException e) {
      throw new IllegalArgumentException("value: not an X.509 certificate", e);
    }
  }

  @Override
  public byte[] value() {
    return value.clone();
  }

  @Override
  public Optional<byte[]> privateKey() {
    return privateKey.map(byte[]::clone);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RevealedSecret other
        && policy.equals(other.policy)
        && secret.equals(other.secret)
        && kind == other.kind
        && MessageDigest.isEqual(value, other.value)
        && MessageDigest.isEqual(
            privateKey.orElse(new byte[0]), other.privateKey.orElse(new byte[0]));
  }

  /** Without the value: the hash of a secret would say something about it. */
  @Override
  public int hashCode() {
    return Objects.hash(policy, secret, kind);
  }

  @Override
  public String toString() {
    return "RevealedSecret["
        + policy
        + ", "
        + secret
        + ", "
        + kind.yamlName()
        + ", value redacted]";
  }
}
