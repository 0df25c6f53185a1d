package io.coffer.attestation.intel;

import java.util.Arrays;

/**
 * An SGX enclave report body (384 bytes): the ISV enclave's report in an SGX quote, and the QE
 * report in every quote. Offsets per Intel's SGX ECDSA Quote Library reference ({@code
 * sgx_report_body_t}).
 */
record EnclaveReport(byte[] raw) {

  static final int SIZE = 384;

  EnclaveReport {
    if (raw.length != SIZE) {
      throw new IllegalArgumentException("an enclave report is 384 bytes");
    }
    raw = raw.clone();
  }

  private byte[] slice(int offset, int length) {
    return Arrays.copyOfRange(raw, offset, offset + length);
  }

  byte[] cpuSvn() {
    return slice(0, 16);
  }

  long miscSelect() {
    return (raw[16] & 0xffL)
        | (raw[17] & 0xffL) << 8
        | (raw[18] & 0xffL) << 16
        | (raw[19] & 0xffL) << 24;
  }

  byte[] miscSelectBytes() {
    return slice(16, 4);
  }

  byte[] isvExtProdId() {
    return slice(32, 16);
  }

  /** Flags (8 bytes) then XFRM (8 bytes). */
  byte[] attributes() {
    return slice(48, 16);
  }

  /** Bit 1 of the attribute flags: the enclave runs in debug mode. */
  boolean debug() {
    return (raw[48] & 0x02) != 0;
  }

  byte[] mrEnclave() {
    return slice(64, 32);
  }

  byte[] mrSigner() {
    return slice(128, 32);
  }

  byte[] configId() {
    return slice(192, 64);
  }

  int isvProdId() {
    return LittleEndianReader.u16(raw, 256);
  }

  int isvSvn() {
    return LittleEndianReader.u16(raw, 258);
  }

  int configSvn() {
    return LittleEndianReader.u16(raw, 260);
  }

  byte[] isvFamilyId() {
    return slice(304, 16);
  }

  byte[] reportData() {
    return slice(320, 64);
  }

  @Override
  public byte[] raw() {
    return raw.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof EnclaveReport r && Arrays.equals(raw, r.raw);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(raw);
  }

  @Override
  public String toString() {
    return "EnclaveReport[384 bytes]";
  }
}
