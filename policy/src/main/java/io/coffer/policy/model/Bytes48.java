package io.coffer.policy.model;

import java.util.Arrays;

/**
 * Exactly 48 bytes: a TDX MRTD, RTMR or MRCONFIGID, an SEV-SNP MEASUREMENT or key digest.
 * Immutable; shown as lower-case hex.
 *
 * @param value the bytes (copied in and out)
 */
public record Bytes48(byte[] value) implements FixedBytes {

  /** The length in bytes. */
  public static final int LENGTH = 48;

  /**
   * @throws InvalidValueException unless {@code value} is 48 bytes long
   */
  public Bytes48 {
    value = Hex.copyExactly(value, LENGTH);
  }

  /**
   * The bytes spelled by {@code hex}: exactly 96 hex digits, upper or lower case.
   *
   * @throws InvalidValueException for any other text
   */
  public static Bytes48 fromHex(String hex) {
    return new Bytes48(Hex.decode(hex, LENGTH));
  }

  @Override
  public byte[] value() {
    return value.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Bytes48 other && Arrays.equals(value, other.value);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(value);
  }

  @Override
  public String toString() {
    return hex();
  }
}
