package io.coffer.policy.model;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * Minimum security patch levels of an SEV-SNP platform ({@code min_tcb:} in YAML), compared
 * component by component with the report's REPORTED_TCB, never as one number.
 *
 * @param bootloader the lowest boot loader SPL, 0..255
 * @param tee the lowest PSP OS (TEE) SPL, 0..255
 * @param snp the lowest SNP firmware SPL, 0..255
 * @param microcode the lowest microcode SPL, 0..255
 * @param fmc the lowest FMC SPL, 0..255; only Turin reports an FMC, so a minimum here refuses
 *     reports from earlier product lines
 */
public record SnpTcb(int bootloader, int tee, int snp, int microcode, OptionalInt fmc) {

  /** The largest SPL (one byte). */
  public static final int MAX_SPL = 0xff;

  /**
   * @throws InvalidValueException naming the component out of range
   */
  public SnpTcb {
    Objects.requireNonNull(fmc, "fmc");
    Ranges.check(bootloader, 0, MAX_SPL, "bootloader");
    Ranges.check(tee, 0, MAX_SPL, "tee");
    Ranges.check(snp, 0, MAX_SPL, "snp");
    Ranges.check(microcode, 0, MAX_SPL, "microcode");
    Ranges.check(fmc, 0, MAX_SPL, "fmc");
  }
}
