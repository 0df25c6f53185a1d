package io.coffer.attestation.amd;

import io.coffer.attestation.AttestationException;
import io.coffer.attestation.AttestationException.Reason;

/**
 * The guest POLICY of an SEV-SNP report (SEV-SNP ABI, Table "Guest Policy Structure"; bits 21..25
 * from ABI revisions 1.55 to 1.58): what the guest owner allowed or required at launch.
 *
 * <p>Bit 17 is reserved and must be 1; bits 63:26 are reserved and must be zero.
 *
 * @param raw the 64-bit POLICY field
 */
public record GuestPolicy(long raw) {

  static final int SMT = 16;
  static final int RESERVED_MUST_BE_ONE = 17;
  static final int MIGRATE_MA = 18;
  static final int DEBUG = 19;
  static final int SINGLE_SOCKET = 20;
  static final int CXL_ALLOW = 21;
  static final int MEM_AES_256_XTS = 22;
  static final int RAPL_DIS = 23;
  static final int CIPHERTEXT_HIDING = 24;
  static final int PAGE_SWAP_DISABLE = 25;
  static final int FIRST_RESERVED_ZERO = 26;

  /**
   * The policy {@code raw}, checked.
   *
   * @throws AttestationException {@code MALFORMED_EVIDENCE} if a reserved bit is wrong
   */
  public static GuestPolicy parse(long raw) throws AttestationException {
    if (!bit(raw, RESERVED_MUST_BE_ONE)) {
      throw new AttestationException(
          Reason.MALFORMED_EVIDENCE,
          "malformed SNP report: POLICY 0x" + Long.toHexString(raw) + " has reserved bit 17 clear");
    }
    if (raw >>> FIRST_RESERVED_ZERO != 0) {
      throw new AttestationException(
          Reason.MALFORMED_EVIDENCE,
          "malformed SNP report: POLICY 0x" + Long.toHexString(raw) + " sets reserved bits 63:26");
    }
    return new GuestPolicy(raw);
  }

  private static boolean bit(long value, int bit) {
    return (value >>> bit & 1) != 0;
  }

  /** The lowest firmware ABI minor version the guest accepts. */
  public int abiMinor() {
    return (int) (raw & 0xff);
  }

  /** The lowest firmware ABI major version the guest accepts. */
  public int abiMajor() {
    return (int) (raw >>> 8 & 0xff);
  }

  /** Simultaneous multithreading may be enabled on the host. */
  public boolean smt() {
    return bit(raw, SMT);
  }

  /** A migration agent may be associated with the guest. */
  public boolean migrateMa() {
    return bit(raw, MIGRATE_MA);
  }

  /** Debugging is allowed: the host can read and write the guest's memory. */
  public boolean debug() {
    return bit(raw, DEBUG);
  }

  /** The guest may run on one socket only. */
  public boolean singleSocket() {
    return bit(raw, SINGLE_SOCKET);
  }

  /** CXL devices and memory may be populated. */
  public boolean cxlAllow() {
    return bit(raw, CXL_ALLOW);
  }

  /** AES-256-XTS memory encryption is required. */
  public boolean memAes256Xts() {
    return bit(raw, MEM_AES_256_XTS);
  }

  /** Running Average Power Limit must be disabled. */
  public boolean raplDis() {
    return bit(raw, RAPL_DIS);
  }

  /** Ciphertext hiding for DRAM must be enabled. */
  public boolean ciphertextHiding() {
    return bit(raw, CIPHERTEXT_HIDING);
  }

  /** Guest page swapping and moving by the host are disabled (ABI 1.58). */
  public boolean pageSwapDisable() {
    return bit(raw, PAGE_SWAP_DISABLE);
  }

  @Override
  public String toString() {
    return "GuestPolicy[0x" + Long.toHexString(raw) + "]";
  }
}
