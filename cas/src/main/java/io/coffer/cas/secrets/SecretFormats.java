package io.coffer.cas.secrets;

import io.coffer.policy.model.Secret;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Renders a secret's value for a {@code $$COFFER:name:format$$} placeholder, which stands in a text
 * (a command line, an environment variable, a file). The formats of each kind, default first:
 *
 * <ul>
 *   <li>{@code ascii}: {@code text} the characters, {@code hex} lower-case hex of the bytes, {@code
 *       base64};
 *   <li>{@code binary}: {@code hex}, {@code base64};
 *   <li>{@code private-key}: {@code pem} and {@code key} the PKCS#8 PEM private key, {@code der}
 *       the base64 of the PKCS#8 DER, {@code spki} the PEM public key;
 *   <li>{@code x509-ca} and {@code x509}: {@code crt} and {@code pem} the certificate PEM, {@code
 *       der} the base64 of the certificate DER, {@code chain} the PEM of the chain (own certificate
 *       first), {@code key} the PKCS#8 PEM private key, {@code spki} the PEM public key.
 * </ul>
 *
 * <p>{@code der} is base64 text, not raw DER: a placeholder's text context cannot hold arbitrary
 * bytes. Base64 is RFC 4648 §4 without line breaks; PEM is RFC 7468 with 64-column lines and {@code
 * \n} line ends. The formats of a kind are {@link Secret.Kind#formats()}, which the policy parser
 * checks placeholders against.
 */
public final class SecretFormats {

  private SecretFormats() {}

  /**
   * {@code value}, a value of {@code kind}, in {@code format} (the kind's default when empty).
   *
   * @throws IllegalArgumentException if the format is not one of the kind's, or the value is not of
   *     the kind
   */
  public static String render(SecretValue value, Secret.Kind kind, Optional<String> format) {
    List<String> formats = kind.formats();
    String f = format.orElse(formats.get(0));
    if (!formats.contains(f)) {
      throw new IllegalArgumentException(
          "format '" + f + "' is not one of a " + kind.yamlName() + " secret's: " + formats);
    }
    return switch (kind) {
      case ASCII -> bytes(as(value, SecretValue.Ascii.class, kind).text(), f);
      case BINARY -> bytes(as(value, SecretValue.Binary.class, kind).bytes(), f);
      case PRIVATE_KEY -> key(as(value, SecretValue.PrivateKeyValue.class, kind), f);
      case X509_CA, X509 -> certificate(as(value, SecretValue.CertificateValue.class, kind), f);
    };
  }

  private static String bytes(byte[] bytes, String format) {
    return switch (format) {
      case "text" -> new String(bytes, StandardCharsets.US_ASCII);
      case "hex" -> HexFormat.of().formatHex(bytes);
      default -> Base64.getEncoder().encodeToString(bytes);
    };
  }

  private static String key(SecretValue.PrivateKeyValue value, String format) {
    return switch (format) {
      case "der" -> Base64.getEncoder().encodeToString(value.key().getEncoded());
      case "spki" -> Pem.encode("PUBLIC KEY", value.publicKey().getEncoded());
      default -> Pem.encode("PRIVATE KEY", value.key().getEncoded());
    };
  }

  private static String certificate(SecretValue.CertificateValue value, String format) {
    try {
      return switch (format) {
        case "der" -> Base64.getEncoder().encodeToString(value.certificate().getEncoded());
        case "chain" -> {
          StringBuilder pem = new StringBuilder();
          for (X509Certificate c : value.chain()) {
            pem.append(Pem.encode("CERTIFICATE", c.getEncoded()));
          }
          yield pem.toString();
        }
        case "key" -> Pem.encode("PRIVATE KEY", value.key().getEncoded());
        case "spki" -> Pem.encode("PUBLIC KEY", value.certificate().getPublicKey().getEncoded());
        default -> Pem.encode("CERTIFICATE", value.certificate().getEncoded());
      };
    } catch (CertificateEncodingException e) {
      throw new IllegalStateException("cannot encode a certificate", e);
    }
  }

  private static <T extends SecretValue> T as(SecretValue value, Class<T> type, Secret.Kind kind) {
    if (!type.isInstance(value)) {
      throw new IllegalArgumentException(
          "a " + type.getSimpleName() + " is not the value of a " + kind.yamlName() + " secret");
    }
    return type.cast(value);
  }
}
