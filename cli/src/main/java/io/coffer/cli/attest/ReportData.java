package io.coffer.cli.attest;

import java.util.Arrays;
import java.util.HexFormat;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * The 64 bytes a workload binds into its evidence (SGX and TDX {@code REPORTDATA}, SNP {@code
 * REPORT_DATA}, the simulator's report data).
 *
 * @param bytes exactly {@value #SIZE_BYTES} bytes
 */
record ReportData(byte[] bytes) {

  /** The size of the report-data field on every supported platform. */
  static final int SIZE_BYTES = 64;

  ReportData {
    if (bytes.length != SIZE_BYTES) {
      throw new IllegalArgumentException(
          "report data is " + SIZE_BYTES + " bytes, got " + bytes.length);
    }
    bytes = bytes.clone();
  }

  @Override
  public byte[] bytes() {
    return bytes.clone();
  }

  /**
   * Report data from 2 to 128 hex digits (either case), zero-padded on the right to 64 bytes: the
   * platforms carry a fixed 64-byte field, and a 32-byte nonce or hash is commonly given alone.
   *
   * @throws IllegalArgumentException for no digits (an unset shell variable, most likely), an odd
   *     number of digits, a non-hex character, or more than 64 bytes
   */
  static ReportData fromHex(String hex) {
    if (hex.isEmpty()) {
      throw new IllegalArgumentException(
          "no report data; give 1 to " + SIZE_BYTES + " bytes as hex");
    }
    if (hex.length() % 2 != 0) {
      throw new IllegalArgumentException(
          "an even number of hex digits is needed, got " + hex.length());
    }
    if (hex.length() > 2 * SIZE_BYTES) {
      throw new IllegalArgumentException(
          (hex.length() / 2) + " bytes is more than the " + SIZE_BYTES + " bytes of report data");
    }
    byte[] given;
    try {
      given = HexFormat.of().parseHex(hex);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("not hex: " + e.getMessage(), e);
    }
    return new ReportData(Arrays.copyOf(given, SIZE_BYTES));
  }

  /** Lower-case hex of all 64 bytes. */
  String hex() {
    return HexFormat.of().formatHex(bytes);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ReportData r && Arrays.equals(bytes, r.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return "ReportData[" + hex() + "]";
  }

  /** Reads {@code --report-data}. */
  static final class Converter implements ITypeConverter<ReportData> {
    @Override
    public ReportData convert(String value) {
      try {
        return fromHex(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }
}
