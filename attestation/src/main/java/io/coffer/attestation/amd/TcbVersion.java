package io.coffer.attestation.amd;

import io.coffer.attestation.AttestationException;
import io.coffer.attestation.AttestationException.Reason;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * A decoded TCB_VERSION: the security patch levels (SPLs) of the firmware components, read with the
 * layout of the product line. Compare TCBs component by component, never as integers.
 *
 * <p>Layouts (bytes of the little-endian u64):
 *
 * <ul>
 *   <li>Milan, Genoa (SEV-SNP ABI §2.2 Table 3): 0 boot loader, 1 TEE, 2..5 reserved, 6 SNP, 7
 *       microcode;
 *   <li>Turin: 0 FMC, 1 boot loader, 2 TEE, 3 SNP, 4..6 reserved, 7 microcode.
 * </ul>
 *
 * Reserved bytes must be zero.
 *
 * @param raw the TCB_VERSION as the report holds it
 * @param product the product line whose layout was used
 * @param bootloader the boot loader SPL
 * @param tee the PSP OS (TEE) SPL
 * @param snp the SNP firmware SPL
 * @param microcode the CPU microcode SPL
 * @param fmc the FMC SPL (Turin only)
 */
public record TcbVersion(
    long raw,
    ProductLine product,
    int bootloader,
    int tee,
    int snp,
    int microcode,
    OptionalInt fmc) {

  public TcbVersion {
    Objects.requireNonNull(product, "product");
    Objects.requireNonNull(fmc, "fmc");
    if (fmc.isPresent() != product.hasFmc()) {
      throw new IllegalArgumentException("an FMC SPL exists exactly on Turin");
    }
  }

  /**
   * Decodes {@code raw} with the layout of {@code product}.
   *
   * @param field the report field, for messages ({@code REPORTED_TCB}, ...)
   * @throws AttestationException {@code MALFORMED_EVIDENCE} if a reserved byte is not zero
   */
  public static TcbVersion decode(long raw, ProductLine product, String field)
      throws AttestationException {
    int[] b = new int[8];
    for (int i = 0; i < 8; i++) {
      b[i] = (int) (raw >>> (8 * i)) & 0xff;
    }
    int reservedFrom = product.hasFmc() ? 4 : 2;
    int reservedTo = product.hasFmc() ? 6 : 5;
    for (int i = reservedFrom; i <= reservedTo; i++) {
      if (b[i] != 0) {
        throw new AttestationException(
            Reason.MALFORMED_EVIDENCE,
            "malformed SNP report: "
                + field
                + " 0x"
                + Long.toHexString(raw)
                + " has reserved byte "
                + i
                + " set for the "
                + product
                + " layout");
      }
    }
    if (product.hasFmc()) {
      return new TcbVersion(raw, product, b[1], b[2], b[3], b[7], OptionalInt.of(b[0]));
    }
    return new TcbVersion(raw, product, b[0], b[1], b[6], b[7], OptionalInt.empty());
  }

  @Override
  public String toString() {
    return (fmc.isPresent() ? "fmc " + fmc.getAsInt() + ", " : "")
        + "bl "
        + bootloader
        + ", tee "
        + tee
        + ", snp "
        + snp
        + ", ucode "
        + microcode;
  }
}
