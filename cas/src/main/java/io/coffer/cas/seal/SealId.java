package io.coffer.cas.seal;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The random identifier of one seal, made when the seal is made: shares and the sealed data key
 * carry it, so that a share of another seal is recognised as such before it is combined.
 *
 * @param bytes {@value #SIZE_BYTES} bytes
 */
public record SealId(byte[] bytes) {

  /** The size of a seal id. */
  public static final int SIZE_BYTES = 16;

  public SealId {
    if (bytes.length != SIZE_BYTES) {
      throw new IllegalArgumentException("a seal id is 16 bytes, got " + bytes.length);
    }
    bytes = bytes.clone();
  }

  /** A fresh random seal id. */
  public static SealId generate(SecureRandom random) {
    byte[] b = new byte[SIZE_BYTES];
    random.nextBytes(b);
    return new SealId(b);
  }

  /**
   * The seal id written as 32 lower-case hex digits.
   *
   * @throws IllegalArgumentException if it is not exactly that
   */
  public static SealId fromHex(String hex) {
    if (hex.length() != 2 * SIZE_BYTES || !hex.matches("[0-9a-f]+")) {
      throw new IllegalArgumentException("a seal id is 32 lower-case hex digits");
    }
    return new SealId(HexFormat.of().parseHex(hex));
  }

  @Override
  public byte[] bytes() {
    return bytes.clone();
  }

  /** 32 lower-case hex digits. */
  public String hex() {
    return HexFormat.of().formatHex(bytes);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SealId s && Arrays.equals(bytes, s.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return hex();
  }
}
