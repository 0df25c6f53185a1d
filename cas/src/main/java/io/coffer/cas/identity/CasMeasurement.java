package io.coffer.cas.identity;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * The measurement of the CAS's code as its evidence reports it: SGX {@code mrEnclave} and simulated
 * {@code measurement} (32 bytes), TDX {@code mrTd} and SEV-SNP {@code measurement} (48 bytes).
 *
 * @param bytes 32 or 48 bytes
 */
public record CasMeasurement(byte[] bytes) {

  public CasMeasurement {
    if (bytes.length != 32 && bytes.length != 48) {
      throw new IllegalArgumentException("a measurement is 32 or 48 bytes, got " + bytes.length);
    }
    bytes = bytes.clone();
  }

  /**
   * The measurement written as 64 or 96 hex digits (either case), as {@code --expect-measurement}
   * takes it.
   *
   * @throws IllegalArgumentException if it is not that
   */
  public static CasMeasurement fromHex(String hex) {
    if (!hex.matches("[0-9a-fA-F]{64}|[0-9a-fA-F]{96}")) {
      throw new IllegalArgumentException("a measurement is 64 or 96 hex digits");
    }
    return new CasMeasurement(HexFormat.of().parseHex(hex));
  }

  @Override
  public byte[] bytes() {
    return bytes.clone();
  }

  /** Lower-case hex. */
  public String hex() {
    return HexFormat.of().formatHex(bytes);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CasMeasurement m && Arrays.equals(bytes, m.bytes);
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
