package io.coffer.attestation.amd;

import io.coffer.attestation.AttestationException;
import io.coffer.attestation.AttestationException.Reason;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * What binds a signed report to the certificate of its key, beyond the signature: the TCB the key
 * was issued for, and for a VCEK the chip (and CPU stepping) it was issued for. Failures are {@code
 * TCB_MISMATCH}.
 */
final class ReportBinding {

  private ReportBinding() {}

  /**
   * REPORTED_TCB must equal the key's SPL extensions, component by component (KDS specification:
   * the VCEK is derived for the reported TCB; go-sev-guest {@code validateTcb}; trustee {@code
   * verify_report_tcb}, whose order — microcode, SNP, TEE, boot loader, FMC — this follows). The
   * reserved SPLs 4..7 must be zero, as the reserved TCB bytes are. Holds for VLEKs too.
   */
  static void checkTcb(TcbVersion reported, EndorsementKey key) throws AttestationException {
    EndorsementKey.Spls spls = key.spls();
    String who = key.kind().commonName();
    compare("microcode", reported.microcode(), "ucodeSPL", spls.microcode(), who);
    compare("SNP", reported.snp(), "snpSPL", spls.snp(), who);
    compare("TEE", reported.tee(), "teeSPL", spls.tee(), who);
    compare("boot loader", reported.bootloader(), "blSPL", spls.bootloader(), who);
    if (reported.fmc().isPresent()) {
      compare("FMC", reported.fmc().getAsInt(), "fmcSPL", spls.fmc().orElse(-1), who);
    }
    if (!spls.reservedZero()) {
      throw mismatch(who + " has non-zero reserved SPLs 4..7; REPORTED_TCB has none");
    }
  }

  private static void compare(String component, int reported, String ext, int certified, String who)
      throws AttestationException {
    if (reported != certified) {
      throw mismatch(
          "REPORTED_TCB "
              + component
              + " SPL "
              + reported
              + " differs from the "
              + who
              + "'s "
              + ext
              + " "
              + certified);
    }
  }

  /**
   * For a VCEK: the report's CPUID stepping (v3+) must be the one its productName names, and
   * CHIP_ID must be its hwID (Milan, Genoa: all 64 bytes; Turin: the first 8, the rest zero). A
   * CHIP_ID of all zeros means the host set MASK_CHIP_ID: the chip is then proven by the VCEK's
   * signature alone, as go-sev-guest accepts. A VLEK is not bound to a chip (VLEK certificate
   * definition: no hwID), so nothing is compared.
   */
  static void checkChip(SnpReport report, EndorsementKey key) throws AttestationException {
    if (key.kind() != SigningKey.VCEK) {
      return;
    }
    if (report.cpuid().isPresent() && key.stepping().isPresent()) {
      int stepping = report.cpuid().get().stepping();
      if (stepping != key.stepping().getAsInt()) {
        throw mismatch(
            "the VCEK is for "
                + key.productName()
                + " (stepping "
                + key.stepping().getAsInt()
                + ") but the report's CPUID_STEP is "
                + stepping);
      }
    }
    byte[] chipId = report.chipId();
    if (LittleEndian.firstNonZero(chipId, 0, chipId.length) < 0) {
      return;
    }
    byte[] hwId = key.hwId().orElseThrow();
    int n = hwId.length;
    if (LittleEndian.firstNonZero(chipId, n, chipId.length) >= 0
        || !MessageDigest.isEqual(Arrays.copyOf(chipId, n), hwId)) {
      throw mismatch(
          "CHIP_ID "
              + HexFormat.of().formatHex(chipId)
              + " is not the chip the VCEK was issued for (hwID "
              + HexFormat.of().formatHex(hwId)
              + ")");
    }
  }

  private static AttestationException mismatch(String message) {
    return new AttestationException(Reason.TCB_MISMATCH, message);
  }
}
