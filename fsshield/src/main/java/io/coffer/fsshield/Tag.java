package io.coffer.fsshield;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The tag of a protected tree: the SHA-256 of its sealed manifest. Every seal makes a new one, so
 * an expected tag names one version of one tree.
 */
public final class Tag {
  /** Bytes of a tag. */
  public static final int SIZE_BYTES = 32;

  private final byte[] sha256;

  private Tag(byte[] sha256) {
    this.sha256 = sha256;
  }

  /**
   * A tag from its 32 bytes.
   *
   * @throws IllegalArgumentException when not 32 bytes
   */
  public static Tag of(byte[] sha256) {
    if (sha256.length != SIZE_BYTES) {
      throw new IllegalArgumentException("a tag is " + SIZE_BYTES + " bytes, not " + sha256.length);
    }
    return new Tag(sha256.clone());
  }

  /**
   * A tag from its 64 hex characters (either case).
   *
   * @throws IllegalArgumentException saying what is wrong with the text
   */
  public static Tag parse(String hex) {
    if (hex.length() != 2 * SIZE_BYTES) {
      throw new IllegalArgumentException(
          "a tag is " + 2 * SIZE_BYTES + " hex characters, not " + hex.length());
    }
    try {
      return new Tag(HexFormat.of().parseHex(hex.toLowerCase(Locale.ROOT)));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("a tag is hex characters only (0-9, a-f)", e);
    }
  }

  /** Its bytes (a copy). */
  public byte[] bytes() {
    return sha256.clone();
  }

  /** Lower-case hex, as printed and as the CAS keeps it. */
  public String hex() {
    return HexFormat.of().formatHex(sha256);
  }

  /** Constant-time comparison. */
  public boolean matches(byte[] sha256) {
    return MessageDigest.isEqual(this.sha256, sha256);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Tag t && MessageDigest.isEqual(sha256, t.sha256);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(sha256);
  }

  @Override
  public String toString() {
    return hex();
  }
}
