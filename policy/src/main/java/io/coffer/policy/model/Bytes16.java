package io.coffer.policy.model;

import java.util.Arrays;

/**
 * Exactly 16 bytes: a TDX TEE_TCB_SVN. Immutable; shown as lower-case hex.
 *
 * @param value the bytes (copied in and out)
 */
public record Bytes16(byte[] value) implements FixedBytes {

  /** The length in bytes. */
  public static final int LENGTH = 16;

  /**
   * @throws InvalidValueException unless {@code value} is 16 bytes long
   */
  public Bytes16 {
    value = Hex.copyExactly(value, LENGTH);
  }

  /**
   * The bytes spelled by {@code hex}: exactly 32 hex digits, upper or lower case.
   *
   * @throws InvalidValueException for any other text
   */
  public static Bytes16 fromHex(String hex) {
    return new Bytes16(Hex.decode(hex, LENGTH));
  }

  @Override
  public byte[] value() {
    return value.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Bytes16 other && Arrays.equals(value, other.value);
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
