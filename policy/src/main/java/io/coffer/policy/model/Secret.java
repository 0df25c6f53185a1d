package io.coffer.policy.model;

import io.coffer.policy.governance.Identity;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A secret the CAS generates, holds, imports or is given, and releases only to the policy's
 * services (and to the identities of {@code reveal_to}).
 *
 * @param name unique in the policy
 * @param kind what it is
 * @param size bytes of an {@code ascii} or {@code binary} secret to generate
 * @param keyType the key of a {@code private-key}, {@code x509-ca} or {@code x509} secret
 * @param x509 certificate settings of an {@code x509-ca} or {@code x509} secret
 * @param value a value the stakeholder brings (instead of generating one)
 * @param migrate keep the private key across policy updates
 * @param export policies this secret is exported to
 * @param importFrom where this secret comes from, when imported
 * @param revealTo identities that may read the value
 */
public record Secret(
    String name,
    Kind kind,
    OptionalInt size,
    Optional<KeyType> keyType,
    Optional<X509> x509,
    Optional<String> value,
    boolean migrate,
    List<Export> export,
    Optional<SecretImport> importFrom,
    List<Identity> revealTo) {

  public Secret {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(size, "size");
    Objects.requireNonNull(keyType, "keyType");
    Objects.requireNonNull(x509, "x509");
    Objects.requireNonNull(value, "value");
    export = List.copyOf(export);
    Objects.requireNonNull(importFrom, "importFrom");
    revealTo = List.copyOf(revealTo);
  }

  /** Names the secret and its kind; never its value. */
  @Override
  public String toString() {
    return "Secret["
        + name
        + ", "
        + kind.yamlName()
        + (value.isPresent() ? ", value given" : "")
        + "]";
  }

  /** The kinds of secret. */
  public enum Kind {
    ASCII,
    BINARY,
    PRIVATE_KEY,
    X509_CA,
    X509;

    /** The YAML name ({@code private-key}). */
    public String yamlName() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Whether the secret holds a key pair. */
    public boolean hasKey() {
      return this == PRIVATE_KEY || this == X509_CA || this == X509;
    }

    /**
     * The formats a placeholder may write a secret of this kind in, the default first: {@code
     * ascii} text, hex, base64; {@code binary} hex, base64; {@code private-key} pem, key, der,
     * spki; {@code x509-ca} and {@code x509} crt, pem, der, chain, key, spki.
     */
    public java.util.List<String> formats() {
      return switch (this) {
        case ASCII -> java.util.List.of("text", "hex", "base64");
        case BINARY -> java.util.List.of("hex", "base64");
        case PRIVATE_KEY -> java.util.List.of("pem", "key", "der", "spki");
        case X509_CA, X509 -> java.util.List.of("crt", "pem", "der", "chain", "key", "spki");
      };
    }
  }

  /** Key types. */
  public enum KeyType {
    P256,
    P384,
    ED25519,
    RSA_3072;

    public String yamlName() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
  }

  /** Which side of TLS an {@code x509} certificate is for. */
  public enum Endpoint {
    SERVER,
    CLIENT,
    BOTH;

    public String yamlName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * Certificate settings.
   *
   * @param issuer the {@code x509-ca} secret that issues it; self-signed when empty
   * @param commonName the subject CN
   * @param san subject alternative names, {@code dns:}, {@code ip:} or {@code uri:}
   * @param endpoint TLS server, client or both ({@code x509} only)
   * @param validFor validity from issuance
   */
  public record X509(
      Optional<String> issuer,
      Optional<String> commonName,
      List<String> san,
      Optional<Endpoint> endpoint,
      Optional<Duration> validFor) {
    public X509 {
      Objects.requireNonNull(issuer, "issuer");
      Objects.requireNonNull(commonName, "commonName");
      san = List.copyOf(san);
      Objects.requireNonNull(endpoint, "endpoint");
      Objects.requireNonNull(validFor, "validFor");
    }
  }

  /**
   * Where an imported secret comes from.
   *
   * @param policy the exporting policy
   * @param secret its secret's name
   * @param policyHash the exporting policy's hash, when pinned
   */
  public record SecretImport(PolicyName policy, String secret, Optional<String> policyHash) {
    public SecretImport {
      Objects.requireNonNull(policy, "policy");
      Objects.requireNonNull(secret, "secret");
      Objects.requireNonNull(policyHash, "policyHash");
    }
  }
}
