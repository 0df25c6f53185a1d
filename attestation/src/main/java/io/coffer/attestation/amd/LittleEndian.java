package io.coffer.attestation.amd;

/**
 * Little-endian reads at fixed offsets of a buffer whose length the caller has already checked
 * (SEV-SNP ABI: every multi-byte integer of the report is little-endian).
 */
final class LittleEndian {

  private LittleEndian() {}

  static int u8(byte[] b, int offset) {
    return b[offset] & 0xff;
  }

  /** An unsigned 32-bit value, as a long. */
  static long u32(byte[] b, int offset) {
    return (b[offset] & 0xffL)
        | (b[offset + 1] & 0xffL) << 8
        | (b[offset + 2] & 0xffL) << 16
        | (b[offset + 3] & 0xffL) << 24;
  }

  /** A 64-bit value (unsigned in the ABI; read {@link Long#toUnsignedString}). */
  static long u64(byte[] b, int offset) {
    return u32(b, offset) | u32(b, offset + 4) << 32;
  }

  /** The offset of the first non-zero byte in {@code [from, to)}, or -1 if all are zero. */
  static int firstNonZero(byte[] b, int from, int to) {
    for (int i = from; i < to; i++) {
      if (b[i] != 0) {
        return i;
      }
    }
    return -1;
  }
}
