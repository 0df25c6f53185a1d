package io.coffer.policy.governance;

import io.coffer.policy.governance.GovernanceException.Reason;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.x509.Certificate;

/**
 * A public identity as policies write it: a public key, or the hash of a client certificate's key.
 *
 * <ul>
 *   <li>{@code ed25519:<base64 of the raw 32-byte key>} (RFC 8032 §5.1.5);
 *   <li>{@code p256:<base64 of the DER SubjectPublicKeyInfo>} (RFC 5480, named curve secp256r1);
 *   <li>{@code p384:<base64 of the DER SubjectPublicKeyInfo>} (named curve secp384r1);
 *   <li>{@code cert-sha256:<64 lower-case hex>}: SHA-256 of the DER SubjectPublicKeyInfo of a
 *       client certificate, so that the certificate can be renewed with the same key.
 * </ul>
 *
 * <p>Base64 is the standard alphabet with padding (RFC 4648 §4). Parsing is strict: there is one
 * text per identity ({@link #toString}), and anything else (other case, missing padding, non-zero
 * padding bits, whitespace, a compressed point, explicit curve parameters, a key for another curve
 * than the prefix says) is rejected. Keys are validated: EC points lie on their curve, Ed25519 keys
 * pass RFC 8032 full validation. Two identities are equal when their texts are.
 *
 * <p>Not protected against: a key and the {@code cert-sha256} identity of a certificate for the
 * same key are two different identities; a rule names the one its holder signs with.
 */
public final class Identity {

  /** The longest identity text accepted (a P-384 identity is 165 characters). */
  public static final int MAX_TEXT_LENGTH = 256;

  /** Hex digits in {@link #fingerprint()}. */
  public static final int FINGERPRINT_HEX_DIGITS = 16;

  private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

  /** How many parsed identities {@link #parse} keeps. */
  static final int PARSED_ENTRIES = 4096;

  /**
   * Identities already parsed, by their exact text. Validating a key (an Ed25519 subgroup check, an
   * EC point check) costs about as much as verifying a signature, and policies name the same few
   * identities again and again. Only texts that parsed are kept; an identity is immutable, so one
   * instance serves every caller.
   */
  private static final Map<String, Identity> PARSED =
      new LinkedHashMap<>(PARSED_ENTRIES * 2, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Identity> eldest) {
          return size() > PARSED_ENTRIES;
        }
      };

  /** The kinds of identity, each with its text prefix. */
  public enum Type {
    ED25519("ed25519"),
    P256("p256"),
    P384("p384"),
    CERT_SHA256("cert-sha256");

    private final String prefix;

    Type(String prefix) {
      this.prefix = prefix;
    }

    /** The prefix before the colon in the identity text. */
    public String prefix() {
      return prefix;
    }
  }

  private final Type type;
  private final String text;
  private final byte[] keyHash;
  private final byte[] spki;
  private final PublicKey publicKey;

  private Identity(Type type, String text, byte[] keyHash, byte[] spki, PublicKey publicKey) {
    this.type = type;
    this.text = text;
    this.keyHash = keyHash;
    this.spki = spki;
    this.publicKey = publicKey;
  }

  /**
   * Parses an identity string.
   *
   * @throws GovernanceException {@code MALFORMED_IDENTITY} for text that is not exactly the
   *     canonical form, {@code INVALID_KEY} for a key that is not a valid key of its type, {@code
   *     UNSUPPORTED_KEY} for another key type than the prefix names
   */
  public static Identity parse(String text) throws GovernanceException {
    Objects.requireNonNull(text, "text");
    if (text.length() > MAX_TEXT_LENGTH) {
      throw malformed(text, "longer than " + MAX_TEXT_LENGTH + " characters");
    }
    synchronized (PARSED) {
      Identity known = PARSED.get(text);
      if (known != null) {
        return known;
      }
    }
    Identity parsed = parseUncached(text);
    synchronized (PARSED) {
      PARSED.put(text, parsed);
    }
    return parsed;
  }

  private static Identity parseUncached(String text) throws GovernanceException {
    int colon = text.indexOf(':');
    if (colon < 0) {
      throw malformed(text, "no type prefix (ed25519:, p256:, p384: or cert-sha256:)");
    }
    String prefix = text.substring(0, colon);
    String value = text.substring(colon + 1);
    Type type = typeOf(prefix, text);
    if (type == Type.CERT_SHA256) {
      if (!SHA256_HEX.matcher(value).matches()) {
        throw malformed(text, "cert-sha256 takes 64 lower-case hex digits");
      }
      return new Identity(type, text, HexFormat.of().parseHex(value), null, null);
    }
    byte[] bytes = canonicalBase64(value, text);
    PublicKeyDecoder.Decoded key;
    try {
      key = type == Type.ED25519 ? PublicKeyDecoder.ed25519(bytes) : PublicKeyDecoder.spki(bytes);
    } catch (GovernanceException e) {
      throw new GovernanceException(
          e.reason(), "identity " + Quoted.of(text) + ": " + e.getMessage(), e);
    }
    if (key.type() != type) {
      throw new GovernanceException(
          Reason.UNSUPPORTED_KEY,
          "identity "
              + Quoted.of(text)
              + ": a "
              + key.type().prefix()
              + " key under the prefix "
              + prefix);
    }
    return ofDecoded(key);
  }

  /**
   * The identity of an Ed25519, P-256 or P-384 public key.
   *
   * @throws GovernanceException {@code UNSUPPORTED_KEY} for other keys, {@code INVALID_KEY} for a
   *     key that does not validate
   */
  public static Identity of(PublicKey key) throws GovernanceException {
    Objects.requireNonNull(key, "key");
    byte[] encoded = key.getEncoded();
    if (encoded == null || !"X.509".equals(key.getFormat())) {
      throw new GovernanceException(
          Reason.UNSUPPORTED_KEY, "public key has no SubjectPublicKeyInfo encoding");
    }
    return ofSpki(encoded);
  }

  /**
   * The {@code cert-sha256} identity of a certificate: SHA-256 of the DER SubjectPublicKeyInfo the
   * certificate carries. The certificate's key may be of any type; its validity is not checked.
   *
   * @throws GovernanceException {@code MALFORMED_CERTIFICATE} when it cannot be encoded
   */
  public static Identity ofCertificate(X509Certificate certificate) throws GovernanceException {
    Objects.requireNonNull(certificate, "certificate");
    return ofCertificateSpki(subjectPublicKeyInfo(certificate));
  }

  /** The {@code cert-sha256} identity for a certificate's DER SubjectPublicKeyInfo. */
  static Identity ofCertificateSpki(byte[] spki) {
    byte[] hash = sha256(spki);
    return new Identity(
        Type.CERT_SHA256,
        Type.CERT_SHA256.prefix() + ":" + HexFormat.of().formatHex(hash),
        hash,
        null,
        null);
  }

  /** The key identity of a DER SubjectPublicKeyInfo. */
  static Identity ofSpki(byte[] spki) throws GovernanceException {
    return ofDecoded(PublicKeyDecoder.spki(spki));
  }

  /** The DER SubjectPublicKeyInfo as it appears in {@code certificate}. */
  static byte[] subjectPublicKeyInfo(X509Certificate certificate) throws GovernanceException {
    try {
      return Certificate.getInstance(certificate.getEncoded())
          .getSubjectPublicKeyInfo()
          .getEncoded(ASN1Encoding.DER);
    } catch (CertificateEncodingException | IOException | RuntimeException e) {
      throw new GovernanceException(
          Reason.MALFORMED_CERTIFICATE, "certificate cannot be encoded", e);
    }
  }

  private static Identity ofDecoded(PublicKeyDecoder.Decoded key) {
    Base64.Encoder b64 = Base64.getEncoder();
    String value =
        key.type() == Type.ED25519
            ? b64.encodeToString(
                Arrays.copyOfRange(
                    key.spki(),
                    key.spki().length - PublicKeyDecoder.ED25519_KEY_BYTES,
                    key.spki().length))
            : b64.encodeToString(key.spki());
    return new Identity(
        key.type(), key.type().prefix() + ":" + value, sha256(key.spki()), key.spki(), key.key());
  }

  private static Type typeOf(String prefix, String text) throws GovernanceException {
    for (Type t : Type.values()) {
      if (t.prefix.equals(prefix)) {
        return t;
      }
    }
    throw malformed(
        text,
        "unknown type " + Quoted.of(prefix) + " (expected ed25519, p256, p384 or cert-sha256)");
  }

  private static byte[] canonicalBase64(String value, String text) throws GovernanceException {
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(value);
    } catch (IllegalArgumentException e) {
      throw malformed(text, "not base64 (RFC 4648 §4, with padding)");
    }
    if (bytes.length == 0 || !Base64.getEncoder().encodeToString(bytes).equals(value)) {
      throw malformed(text, "not canonical base64 (RFC 4648 §4, with padding)");
    }
    return bytes;
  }

  private static GovernanceException malformed(String text, String why) {
    return new GovernanceException(
        Reason.MALFORMED_IDENTITY, "identity " + Quoted.of(text) + ": " + why);
  }

  static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JDK", e);
    }
  }

  /** The kind of identity. */
  public Type type() {
    return type;
  }

  /**
   * The first 16 hex digits of SHA-256 of the key's DER SubjectPublicKeyInfo (for a {@code
   * cert-sha256} identity, of its hash): a short name for people, not for security decisions. A key
   * and a certificate for it have the same fingerprint.
   */
  public String fingerprint() {
    return HexFormat.of().formatHex(keyHash, 0, FINGERPRINT_HEX_DIGITS / 2);
  }

  /**
   * The type prefix and the fingerprint, e.g. {@code ed25519:1f2e3d4c5b6a7988...}, for messages.
   */
  public String shortForm() {
    return type.prefix + ":" + fingerprint() + "...";
  }

  /** The public key that verifies this identity's signatures; empty for {@code cert-sha256}. */
  public Optional<PublicKey> publicKey() {
    return Optional.ofNullable(publicKey);
  }

  /** A copy of the key's DER SubjectPublicKeyInfo; only for key identities. */
  byte[] subjectPublicKeyInfo() {
    if (spki == null) {
      throw new IllegalStateException("a cert-sha256 identity has no key of its own");
    }
    return spki.clone();
  }

  /** The canonical identity text. */
  @Override
  public String toString() {
    return text;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Identity other && text.equals(other.text);
  }

  @Override
  public int hashCode() {
    return text.hashCode();
  }
}
