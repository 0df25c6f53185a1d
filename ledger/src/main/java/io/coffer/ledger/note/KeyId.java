package io.coffer.ledger.note;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The 4-byte key ID that starts every signed-note signature (C2SP signed-note, "Signatures"): a
 * short identifier, not a cryptographically strong hash. Only the pair (key name, key ID) selects a
 * key, and the key itself is always configured by the verifier.
 *
 * @param value the four bytes as a big-endian 32-bit integer
 */
public record KeyId(int value) {

  /** The length of a key ID in bytes. */
  public static final int SIZE_BYTES = 4;

  /** The key ID in the first four bytes of {@code buffer} at {@code offset}. */
  public static KeyId of(byte[] buffer, int offset) {
    if (offset < 0 || offset > buffer.length - SIZE_BYTES) {
      throw new IllegalArgumentException("no 4-byte key ID at offset " + offset);
    }
    return new KeyId(
        (buffer[offset] & 0xff) << 24
            | (buffer[offset + 1] & 0xff) << 16
            | (buffer[offset + 2] & 0xff) << 8
            | (buffer[offset + 3] & 0xff));
  }

  /**
   * Parses exactly eight lower-case hex digits, the form vkeys use. Upper case is rejected so that
   * every key ID has one spelling.
   */
  public static KeyId parseHex(String hex) {
    if (hex.length() != 2 * SIZE_BYTES) {
      throw new IllegalArgumentException("a key ID is 8 hex digits, got " + hex.length());
    }
    for (int i = 0; i < hex.length(); i++) {
      char c = hex.charAt(i);
      if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
        throw new IllegalArgumentException("a key ID is lower-case hex, found '" + c + "'");
      }
    }
    return of(HexFormat.of().parseHex(hex), 0);
  }

  /**
   * The key ID the C2SP signed-note spec recommends ("Signatures"): {@code SHA-256(key name || 0x0A
   * || signature type || public key)[:4]}.
   */
  public static KeyId derive(String keyName, int signatureType, byte[] publicKey) {
    MessageDigest sha256 = sha256();
    sha256.update(keyName.getBytes(StandardCharsets.UTF_8));
    sha256.update((byte) '\n');
    sha256.update((byte) signatureType);
    sha256.update(publicKey);
    return of(sha256.digest(), 0);
  }

  /** The first four bytes of {@code SHA-256(data)}, as ECDSA (type 0x02) key IDs are formed. */
  public static KeyId truncatedSha256(byte[] data) {
    return of(sha256().digest(data), 0);
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  /** The four bytes, big-endian. */
  public byte[] bytes() {
    return new byte[] {
      (byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value
    };
  }

  /** Eight lower-case hex digits. */
  public String toHex() {
    return HexFormat.of().toHexDigits(value);
  }

  @Override
  public String toString() {
    return toHex();
  }
}
