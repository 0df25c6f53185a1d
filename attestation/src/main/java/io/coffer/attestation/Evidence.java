package io.coffer.attestation;

import java.util.Arrays;
import java.util.Objects;

/**
 * Evidence as produced by a TEE (or the simulator): its bytes and their format. Nothing about it is
 * verified.
 *
 * @param type the format
 * @param bytes the evidence exactly as produced
 */
public record Evidence(EvidenceType type, byte[] bytes) {

  /** The largest evidence accepted (a DCAP quote with its certificate chain is ~5 KB). */
  public static final int MAX_SIZE_BYTES = 64 * 1024;

  public Evidence {
    Objects.requireNonNull(type, "type");
    if (bytes.length > MAX_SIZE_BYTES) {
      throw new IllegalArgumentException(
          "evidence of " + bytes.length + " bytes is larger than " + MAX_SIZE_BYTES);
    }
    bytes = bytes.clone();
  }

  @Override
  public byte[] bytes() {
    return bytes.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Evidence e && type == e.type && Arrays.equals(bytes, e.bytes);
  }

  @Override
  public int hashCode() {
    return type.hashCode() * 31 + Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return "Evidence[" + type.cliName() + ", " + bytes.length + " bytes]";
  }
}
