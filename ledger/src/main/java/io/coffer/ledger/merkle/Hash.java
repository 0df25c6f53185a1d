package io.coffer.ledger.merkle;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * A SHA-256 hash in a Merkle tree: a leaf hash, an interior node hash or a tree root.
 *
 * <p>Always exactly 32 bytes. Decoded once at the edge ({@link #fromBase64}, {@link #fromHex},
 * {@link #parse}) and passed around typed; the bytes are copied in and out, so a {@code Hash} never
 * changes.
 */
public final class Hash {

  /** The length of a SHA-256 hash in bytes. */
  public static final int SIZE_BYTES = 32;

  private final byte[] bytes;

  private Hash(byte[] bytes) {
    this.bytes = bytes;
  }

  /** A hash from its 32 bytes (copied). */
  public static Hash of(byte[] bytes) {
    if (bytes == null || bytes.length != SIZE_BYTES) {
      throw new IllegalArgumentException(
          "a hash is "
              + SIZE_BYTES
              + " bytes, got "
              + (bytes == null ? "none" : bytes.length + " bytes"));
    }
    return new Hash(bytes.clone());
  }

  /** A hash from 32 bytes at {@code offset} in {@code buffer}. */
  public static Hash of(byte[] buffer, int offset) {
    if (offset < 0 || offset > buffer.length - SIZE_BYTES) {
      throw new IllegalArgumentException("no 32-byte hash at offset " + offset);
    }
    return new Hash(Arrays.copyOfRange(buffer, offset, offset + SIZE_BYTES));
  }

  /** Wraps a fresh digest output without copying; only for this package's hashers. */
  static Hash wrap(byte[] digest) {
    return new Hash(digest);
  }

  /** Decodes standard base64 (with padding), as C2SP checkpoints and proofs write hashes. */
  public static Hash fromBase64(String base64) {
    byte[] decoded;
    try {
      decoded = Base64.getDecoder().decode(base64);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("not valid base64: " + e.getMessage(), e);
    }
    return of(decoded);
  }

  /** Decodes 64 hex digits, upper or lower case. */
  public static Hash fromHex(String hex) {
    if (hex.length() != 2 * SIZE_BYTES) {
      throw new IllegalArgumentException(
          "a hex hash is " + 2 * SIZE_BYTES + " digits, got " + hex.length());
    }
    try {
      return new Hash(HexFormat.of().parseHex(hex));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("not valid hex: " + e.getMessage(), e);
    }
  }

  /**
   * Decodes a hash written either as 64 hex digits or as base64 (44 characters with padding),
   * recognised by length.
   */
  public static Hash parse(String text) {
    String t = text.strip();
    if (t.length() == 2 * SIZE_BYTES) {
      return fromHex(t);
    }
    if (t.length() == 44) {
      return fromBase64(t);
    }
    throw new IllegalArgumentException(
        "a hash is 64 hex digits or 44 base64 characters, got " + t.length() + " characters");
  }

  /** A copy of the 32 bytes. */
  public byte[] bytes() {
    return bytes.clone();
  }

  /** Writes the 32 bytes into {@code buffer} at {@code offset}. */
  public void copyTo(byte[] buffer, int offset) {
    System.arraycopy(bytes, 0, buffer, offset, SIZE_BYTES);
  }

  /** Feeds the 32 bytes to a digest without copying them. */
  void updateDigest(MessageDigest digest) {
    digest.update(bytes);
  }

  /** Standard base64 with padding. */
  public String toBase64() {
    return Base64.getEncoder().encodeToString(bytes);
  }

  /** Lower-case hex. */
  public String toHex() {
    return HexFormat.of().formatHex(bytes);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Hash other && MessageDigest.isEqual(bytes, other.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  /** Hex, for logs and messages. */
  @Override
  public String toString() {
    return toHex();
  }
}
