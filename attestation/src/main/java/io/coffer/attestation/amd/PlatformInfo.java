package io.coffer.attestation.amd;

/**
 * PLATFORM_INFO of an SEV-SNP report: how the host was configured when the report was made (SEV-SNP
 * ABI, Table "PLATFORM_INFO Field"; bit 5 from ABI 1.56, bit 7 from ABI 1.58).
 *
 * <p>Unknown bits are not rejected: they describe the host, and a policy decides what to require.
 *
 * @param raw the 64-bit PLATFORM_INFO field
 */
public record PlatformInfo(long raw) {

  private boolean bit(int bit) {
    return (raw >>> bit & 1) != 0;
  }

  /** Simultaneous multithreading is enabled. */
  public boolean smtEn() {
    return bit(0);
  }

  /** Transparent SME is enabled. */
  public boolean tsmeEn() {
    return bit(1);
  }

  /** The platform uses error-correcting memory. */
  public boolean eccEn() {
    return bit(2);
  }

  /** Running Average Power Limit is disabled. */
  public boolean raplDis() {
    return bit(3);
  }

  /** Ciphertext hiding for DRAM is enabled. */
  public boolean ciphertextHidingEn() {
    return bit(4);
  }

  /** The alias check (BadRAM mitigation, AMD-SB-3015) completed. */
  public boolean aliasCheckComplete() {
    return bit(5);
  }

  /** SEV-TIO is enabled. */
  public boolean tioEn() {
    return bit(7);
  }

  @Override
  public String toString() {
    return "PlatformInfo[0x" + Long.toHexString(raw) + "]";
  }
}
