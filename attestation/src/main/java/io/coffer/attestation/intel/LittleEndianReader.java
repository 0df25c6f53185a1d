package io.coffer.attestation.intel;

import io.coffer.attestation.AttestationException;
import io.coffer.attestation.AttestationException.Reason;
import java.util.Arrays;

/**
 * Reads little-endian fields from evidence bytes, checking every length against what remains before
 * using it: a short or inconsistent input becomes {@code MALFORMED_EVIDENCE} naming the field and
 * offset, never an index exception.
 */
final class LittleEndianReader {

  private final byte[] bytes;
  private final int end;
  private int position;

  LittleEndianReader(byte[] bytes, int start, int end) {
    this.bytes = bytes;
    this.position = start;
    this.end = end;
  }

  int position() {
    return position;
  }

  int remaining() {
    return end - position;
  }

  byte[] bytes(int n, String field) throws AttestationException {
    require(n, field);
    byte[] out = Arrays.copyOfRange(bytes, position, position + n);
    position += n;
    return out;
  }

  int u16(String field) throws AttestationException {
    require(2, field);
    int v = (bytes[position] & 0xff) | (bytes[position + 1] & 0xff) << 8;
    position += 2;
    return v;
  }

  long u32(String field) throws AttestationException {
    require(4, field);
    long v =
        (bytes[position] & 0xffL)
            | (bytes[position + 1] & 0xffL) << 8
            | (bytes[position + 2] & 0xffL) << 16
            | (bytes[position + 3] & 0xffL) << 24;
    position += 4;
    return v;
  }

  /** A u32 length, checked to fit in what remains. */
  int length32(String field) throws AttestationException {
    long n = u32(field);
    if (n > remaining()) {
      throw malformed(
          field
              + " is "
              + n
              + " bytes at offset "
              + (position - 4)
              + " but only "
              + remaining()
              + " remain");
    }
    return (int) n;
  }

  /** A u16 length, checked to fit in what remains. */
  int length16(String field) throws AttestationException {
    int n = u16(field);
    if (n > remaining()) {
      throw malformed(
          field
              + " is "
              + n
              + " bytes at offset "
              + (position - 2)
              + " but only "
              + remaining()
              + " remain");
    }
    return n;
  }

  private void require(int n, String field) throws AttestationException {
    if (n < 0 || n > remaining()) {
      throw malformed(
          "truncated at "
              + field
              + " (offset "
              + position
              + ", "
              + n
              + " bytes needed, "
              + remaining()
              + " left)");
    }
  }

  static AttestationException malformed(String detail) {
    return new AttestationException(Reason.MALFORMED_EVIDENCE, "malformed quote: " + detail);
  }

  /** Reads a little-endian unsigned 16-bit value at {@code offset} of {@code b}. */
  static int u16(byte[] b, int offset) {
    return (b[offset] & 0xff) | (b[offset + 1] & 0xff) << 8;
  }

  /** Reads a little-endian 64-bit value at {@code offset} of {@code b}. */
  static long u64(byte[] b, int offset) {
    long v = 0;
    for (int i = 7; i >= 0; i--) {
      v = v << 8 | (b[offset + i] & 0xffL);
    }
    return v;
  }
}
