package io.coffer.fsshield;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The random identity of one sealed file: it names the stored object and derives the file's key.
 */
final class FileId {
  /** Bytes of an identity. */
  public static final int SIZE_BYTES = 16;

  private static final SecureRandom RANDOM = new SecureRandom();

  private final byte[] id;

  private FileId(byte[] id) {
    this.id = id;
  }

  /** A fresh random identity. */
  public static FileId random() {
    byte[] b = new byte[SIZE_BYTES];
    RANDOM.nextBytes(b);
    return new FileId(b);
  }

  /**
   * The identity of 32 lower-case hex characters.
   *
   * @throws IllegalArgumentException when the text is not that
   */
  public static FileId parse(String hex) {
    if (hex.length() != 2 * SIZE_BYTES || !hex.chars().allMatch(FileId::lowerHex)) {
      throw new IllegalArgumentException(
          "a file id is " + 2 * SIZE_BYTES + " lower-case hex characters");
    }
    return new FileId(HexFormat.of().parseHex(hex));
  }

  private static boolean lowerHex(int c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
  }

  /** Its bytes (a copy). */
  public byte[] bytes() {
    return id.clone();
  }

  /** Lower-case hex: the stored object's name. */
  public String hex() {
    return HexFormat.of().formatHex(id);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FileId f && Arrays.equals(id, f.id);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(id);
  }

  @Override
  public String toString() {
    return hex();
  }
}
