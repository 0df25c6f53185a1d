package io.coffer.attestation.intel;

import java.util.Arrays;

/**
 * A TD report body: TD 1.0 (584 bytes) or TD 1.5 (648 bytes, adding TEE_TCB_SVN2 and MRSERVICETD).
 * Offsets per Intel's TDX DCAP Quote Generation Library ({@code sgx_report2_body_t} and its v1.5
 * extension).
 */
record TdReport(byte[] raw) {

  static final int SIZE_1_0 = 584;
  static final int SIZE_1_5 = 648;

  TdReport {
    if (raw.length != SIZE_1_0 && raw.length != SIZE_1_5) {
      throw new IllegalArgumentException("a TD report body is 584 or 648 bytes");
    }
    raw = raw.clone();
  }

  private byte[] slice(int offset, int length) {
    return Arrays.copyOfRange(raw, offset, offset + length);
  }

  boolean isV15() {
    return raw.length == SIZE_1_5;
  }

  byte[] teeTcbSvn() {
    return slice(0, 16);
  }

  byte[] mrSeam() {
    return slice(16, 48);
  }

  byte[] mrSignerSeam() {
    return slice(64, 48);
  }

  byte[] seamAttributes() {
    return slice(112, 8);
  }

  byte[] tdAttributes() {
    return slice(120, 8);
  }

  /** Bit 0 of TD attributes (TUD.DEBUG): the trust domain runs in debug mode. */
  boolean debug() {
    return (raw[120] & 0x01) != 0;
  }

  byte[] xfam() {
    return slice(128, 8);
  }

  byte[] mrTd() {
    return slice(136, 48);
  }

  byte[] mrConfigId() {
    return slice(184, 48);
  }

  byte[] mrOwner() {
    return slice(232, 48);
  }

  byte[] mrOwnerConfig() {
    return slice(280, 48);
  }

  byte[] rtmr(int i) {
    if (i < 0 || i > 3) {
      throw new IllegalArgumentException("RTMR index 0..3");
    }
    return slice(328 + 48 * i, 48);
  }

  byte[] reportData() {
    return slice(520, 64);
  }

  byte[] teeTcbSvn2() {
    return isV15() ? slice(584, 16) : new byte[0];
  }

  byte[] mrServiceTd() {
    return isV15() ? slice(600, 48) : new byte[0];
  }

  @Override
  public byte[] raw() {
    return raw.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TdReport r && Arrays.equals(raw, r.raw);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(raw);
  }

  @Override
  public String toString() {
    return "TdReport[" + raw.length + " bytes]";
  }
}
