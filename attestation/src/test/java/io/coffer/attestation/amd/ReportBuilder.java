package io.coffer.attestation.amd;

import java.security.PrivateKey;

/** Writes SEV-SNP reports field by field for tests (offsets of the SEV-SNP ABI). */
final class ReportBuilder {

  private final byte[] b = new byte[SnpReport.SIZE];

  /** A report of {@code version}: POLICY 0x30000 (SMT, reserved bit 17), signed with ECDSA. */
  ReportBuilder(int version) {
    u32(0x00, version);
    u32(0x34, 1);
    u64(0x08, 0x30000L);
  }

  /** A TCB_VERSION in the Milan/Genoa layout. */
  static long milanTcb(int bootloader, int tee, int snp, int microcode) {
    return bootloader | (long) tee << 8 | (long) snp << 48 | (long) microcode << 56;
  }

  /** A TCB_VERSION in the Turin layout. */
  static long turinTcb(int fmc, int bootloader, int tee, int snp, int microcode) {
    return fmc
        | (long) bootloader << 8
        | (long) tee << 16
        | (long) snp << 24
        | (long) microcode << 56;
  }

  /** Writes {@code value} as a little-endian u32 at {@code offset} of {@code b}. */
  static void le32(byte[] b, int offset, long value) {
    for (int i = 0; i < 4; i++) {
      b[offset + i] = (byte) (value >>> (8 * i));
    }
  }

  ReportBuilder u32(int offset, long value) {
    for (int i = 0; i < 4; i++) {
      b[offset + i] = (byte) (value >>> (8 * i));
    }
    return this;
  }

  ReportBuilder u64(int offset, long value) {
    for (int i = 0; i < 8; i++) {
      b[offset + i] = (byte) (value >>> (8 * i));
    }
    return this;
  }

  ReportBuilder bytes(int offset, byte[] value) {
    System.arraycopy(value, 0, b, offset, value.length);
    return this;
  }

  ReportBuilder policy(long policy) {
    return u64(0x08, policy);
  }

  ReportBuilder flags(long flags) {
    return u32(0x48, flags);
  }

  /** CURRENT, REPORTED, COMMITTED and LAUNCH TCB all {@code tcb}. */
  ReportBuilder tcb(long tcb) {
    return u64(0x38, tcb).u64(0x180, tcb).u64(0x1E0, tcb).u64(0x1F0, tcb);
  }

  ReportBuilder cpuid(int family, int model, int stepping) {
    b[0x188] = (byte) family;
    b[0x189] = (byte) model;
    b[0x18A] = (byte) stepping;
    return this;
  }

  ReportBuilder chipId(byte[] chipId) {
    return bytes(0x1A0, chipId);
  }

  ReportBuilder reportData(byte[] reportData) {
    return bytes(0x50, reportData);
  }

  /** The bytes, with a zero signature. */
  byte[] unsigned() {
    return b.clone();
  }

  /** The bytes signed by {@code key}. */
  byte[] signedBy(PrivateKey key) {
    return TestAmdPki.sign(b, key);
  }
}
