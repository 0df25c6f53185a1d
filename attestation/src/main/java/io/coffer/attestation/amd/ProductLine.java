package io.coffer.attestation.amd;

import java.util.Optional;

/**
 * An AMD EPYC product line with its own SEV-SNP certificate chain (ARK, ASK, ASVK) and its own
 * TCB_VERSION layout.
 *
 * <p>Sources: AMD VCEK/KDS specification (pub. 57230) Table 4 "Determining the product name" and
 * §3.1 (hwID is 64 bytes on Milan and Genoa, 8 bytes on Turin); the SEV-SNP firmware ABI (pub.
 * 56860) §2.2 Table 3 for the Milan/Genoa TCB_VERSION and the Turin layout that adds an FMC SPL.
 */
public enum ProductLine {
  /** EPYC 7003 (Zen 3): family 19h, models 00h..0Fh. */
  MILAN("Milan", 64),
  /** EPYC 9004 and the Zen 4 parts that use its chain: family 19h, models 10h..1Fh, A0h..AFh. */
  GENOA("Genoa", 64),
  /** EPYC 9005 (Zen 5): family 1Ah, models 00h..11h. */
  TURIN("Turin", 8);

  private final String displayName;
  private final int hwIdLength;

  ProductLine(String displayName, int hwIdLength) {
    this.displayName = displayName;
    this.hwIdLength = hwIdLength;
  }

  /** The name AMD uses in certificate names and KDS URLs: {@code Milan}, {@code Genoa}, ... */
  public String displayName() {
    return displayName;
  }

  /** The length of the VCEK's hwID extension, and of the chip ID it certifies. */
  public int hwIdLength() {
    return hwIdLength;
  }

  /** Whether TCB_VERSION has the Turin layout (FMC SPL in byte 0). */
  public boolean hasFmc() {
    return this == TURIN;
  }

  /**
   * The product line of a report's CPUID_FAM_ID and CPUID_MOD_ID (combined family and model), or
   * empty for one this library does not know (for example Venice, whose TCB layout differs).
   *
   * <p>Turin models: the widest range two sources agree on (trustee and virtee/sev: 00h..11h).
   */
  public static Optional<ProductLine> fromCpuid(int family, int model) {
    if (family == 0x19 && model <= 0x0F) {
      return Optional.of(MILAN);
    }
    if (family == 0x19 && (model >= 0x10 && model <= 0x1F || model >= 0xA0 && model <= 0xAF)) {
      return Optional.of(GENOA);
    }
    if (family == 0x1A && model <= 0x11) {
      return Optional.of(TURIN);
    }
    return Optional.empty();
  }

  /** The product line named exactly {@code name} ({@code Milan}, {@code Genoa}, {@code Turin}). */
  public static Optional<ProductLine> fromDisplayName(String name) {
    for (ProductLine p : values()) {
      if (p.displayName.equals(name)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    return displayName;
  }
}
