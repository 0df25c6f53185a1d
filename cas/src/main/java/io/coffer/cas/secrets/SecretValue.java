package io.coffer.cas.secrets;

import io.coffer.cas.pki.CertificateAuthority;
import io.coffer.cas.pki.CertificateAuthorityException;
import io.coffer.policy.model.Secret;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

/**
 * The value of a secret of a policy. Every variant redacts itself in {@code toString}, compares in
 * constant time and copies its bytes in and out; exceptions about values never contain them.
 *
 * <p>The storage encoding ({@link #encode()}, {@link #decode}) holds the value in clear: store it
 * only behind the CAS's encryption barrier.
 */
public sealed interface SecretValue
    permits SecretValue.Ascii,
        SecretValue.Binary,
        SecretValue.PrivateKeyValue,
        SecretValue.CertificateValue {

  /** The largest {@code ascii} or {@code binary} value, in bytes. */
  int MAX_BYTES = 65536;

  /** The longest certificate chain of a value. */
  int MAX_CHAIN = 4;

  /** The versioned storage encoding; see {@link SecretValueCodec}. */
  byte[] encode();

  /**
   * Decodes exactly one {@link #encode()} output of a value of {@code kind}.
   *
   * @throws SecretFormatException {@code MALFORMED} naming what is wrong, {@code
   *     UNSUPPORTED_VERSION}, or {@code WRONG_KIND} when the bytes hold a value of another kind
   */
  static SecretValue decode(Secret.Kind kind, byte[] encoded) throws SecretFormatException {
    return SecretValueCodec.decode(kind, encoded);
  }

  /**
   * An {@code ascii} secret: printable ASCII characters ({@code 0x20..0x7e}).
   *
   * @param text the characters, as bytes
   */
  record Ascii(byte[] text) implements SecretValue {
    public Ascii {
      if (text.length > MAX_BYTES) {
        throw new IllegalArgumentException("an ascii value has at most " + MAX_BYTES + " bytes");
      }
      for (byte b : text) {
        if (b < 0x20 || b > 0x7e) {
          throw new IllegalArgumentException("an ascii value is printable ASCII only");
        }
      }
      text = text.clone();
    }

    @Override
    public byte[] text() {
      return text.clone();
    }

    /** The characters. */
    public String string() {
      return new String(text, StandardCharsets.US_ASCII);
    }

    @Override
    public byte[] encode() {
      return SecretValueCodec.encode(this);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Ascii other && MessageDigest.isEqual(text, other.text);
    }

    /** Constant: the hash of a secret would say something about it. */
    @Override
    public int hashCode() {
      return Ascii.class.hashCode();
    }

    @Override
    public String toString() {
      return "Ascii[redacted]";
    }
  }

  /**
   * A {@code binary} secret.
   *
   * @param bytes the bytes
   */
  record Binary(byte[] bytes) implements SecretValue {
    public Binary {
      if (bytes.length > MAX_BYTES) {
        throw new IllegalArgumentException("a binary value has at most " + MAX_BYTES + " bytes");
      }
      bytes = bytes.clone();
    }

    @Override
    public byte[] bytes() {
      return bytes.clone();
    }

    @Override
    public byte[] encode() {
      return SecretValueCodec.encode(this);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Binary other && MessageDigest.isEqual(bytes, other.bytes);
    }

    /** Constant: the hash of a secret would say something about it. */
    @Override
    public int hashCode() {
      return Binary.class.hashCode();
    }

    @Override
    public String toString() {
      return "Binary[redacted]";
    }
  }

  /**
   * A {@code private-key} secret: a key pair.
   *
   * @param key the private key (PKCS#8-encodable)
   * @param publicKey its public key
   */
  record PrivateKeyValue(PrivateKey key, PublicKey publicKey) implements SecretValue {
    public PrivateKeyValue {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(publicKey, "publicKey");
      if (key.getEncoded() == null || publicKey.getEncoded() == null) {
        throw new IllegalArgumentException("a private-key value needs encodable keys");
      }
    }

    @Override
    public byte[] encode() {
      return SecretValueCodec.encode(this);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof PrivateKeyValue other
          && MessageDigest.isEqual(key.getEncoded(), other.key.getEncoded())
          && MessageDigest.isEqual(publicKey.getEncoded(), other.publicKey.getEncoded());
    }

    /** Constant: the hash of a secret would say something about it. */
    @Override
    public int hashCode() {
      return PrivateKeyValue.class.hashCode();
    }

    @Override
    public String toString() {
      return "PrivateKeyValue[" + publicKey.getAlgorithm() + ", private key redacted]";
    }
  }

  /**
   * An {@code x509} or {@code x509-ca} secret: a private key and its certificate chain, its own
   * certificate first (for an {@code x509-ca}, the CA certificate alone).
   *
   * @param key the private key of {@code chain[0]}
   * @param chain one to {@value #MAX_CHAIN} certificates, leaf first
   */
  record CertificateValue(PrivateKey key, List<X509Certificate> chain) implements SecretValue {
    public CertificateValue {
      Objects.requireNonNull(key, "key");
      if (key.getEncoded() == null) {
        throw new IllegalArgumentException("a certificate value needs an encodable private key");
      }
      chain = List.copyOf(chain);
      if (chain.isEmpty() || chain.size() > MAX_CHAIN) {
        throw new IllegalArgumentException(
            "a certificate chain has 1 to " + MAX_CHAIN + " certificates, got " + chain.size());
      }
    }

    /** Its own certificate, {@code chain[0]}. */
    public X509Certificate certificate() {
      return chain.get(0);
    }

    /**
     * The CA of an {@code x509-ca} secret.
     *
     * @throws CertificateAuthorityException if the chain is not one self-signed CA certificate
     *     whose key is {@link #key()}
     */
    public CertificateAuthority asAuthority() throws CertificateAuthorityException {
      if (chain.size() != 1) {
        throw new CertificateAuthorityException(
            CertificateAuthorityException.Reason.NOT_A_CA,
            "an x509-ca value holds the CA certificate alone, this one a chain of " + chain.size());
      }
      return CertificateAuthority.of(key, chain.get(0));
    }

    @Override
    public byte[] encode() {
      return SecretValueCodec.encode(this);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof CertificateValue other
          && MessageDigest.isEqual(key.getEncoded(), other.key.getEncoded())
          && chain.equals(other.chain);
    }

    /** Constant: the hash of a secret would say something about it. */
    @Override
    public int hashCode() {
      return CertificateValue.class.hashCode();
    }

    @Override
    public String toString() {
      return "CertificateValue["
          + chain.get(0).getSubjectX500Principal().getName()
          + ", chain of "
          + chain.size()
          + ", private key redacted]";
    }
  }
}
