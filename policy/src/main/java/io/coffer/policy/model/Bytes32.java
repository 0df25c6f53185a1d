package io.coffer.policy.model;

import java.util.Arrays;

/**
 * Exactly 32 bytes: an SGX MRENCLAVE or MRSIGNER, an SEV-SNP HOST_DATA, a simulated measurement, a
 * SHA-256 digest. Immutable; shown as lower-case hex.
 *
 * @param value the bytes (copied in and out)
 */
public record Bytes32(byte[] value) implements FixedBytes {

  /** The length in bytes. */
  public static final int LENGTH = 32;

  /**
   * @throws InvalidValueException unless {@code value} is 32 bytes long
   */
  public Bytes32 {
    value = Hex.copyExactly(value, LENGTH);
  }

  /**
   * The bytes spelled by {@code hex}: exactly 64 hex digits, upper or lower case.
   *
   * @throws InvalidValueException for any other text
   */
  public static Bytes32 fromHex(String hex) {
    return new Bytes32(Hex.decode(hex, LENGTH));
  }

  @Override
  public byte[] value() {
    return value.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Bytes32 other && Arrays.equals(value, other.value);
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
