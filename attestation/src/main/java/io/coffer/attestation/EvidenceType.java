package io.coffer.attestation;

import java.util.Locale;

/** The format of a piece of evidence, as the command line names it. */
public enum EvidenceType {
  /** An Intel SGX DCAP quote (v3, or v4/v5 with an SGX body). */
  SGX("sgx", Platform.SGX),
  /** An Intel TDX DCAP quote (v4, v5). */
  TDX("tdx", Platform.TDX),
  /** An AMD SEV-SNP attestation report. */
  SNP("snp", Platform.SNP),
  /** An AMD SEV-SNP attestation report inside an Azure vTPM HCL report. */
  SNP_AZURE_HCL("snp-azure-hcl", Platform.SNP),
  /** Coffer's simulated evidence. */
  SIMULATION("simulation", Platform.SIMULATION);

  private final String cliName;
  private final Platform platform;

  EvidenceType(String cliName, Platform platform) {
    this.cliName = cliName;
    this.platform = platform;
  }

  /** The name used on the command line and in JSON ({@code sgx}, {@code snp-azure-hcl}, ...). */
  public String cliName() {
    return cliName;
  }

  /** The platform this evidence comes from. */
  public Platform platform() {
    return platform;
  }

  /**
   * The type named {@code name} on the command line.
   *
   * @throws IllegalArgumentException naming the accepted values
   */
  public static EvidenceType fromCliName(String name) {
    String wanted = name.toLowerCase(Locale.ROOT);
    for (EvidenceType t : values()) {
      if (t.cliName.equals(wanted)) {
        return t;
      }
    }
    throw new IllegalArgumentException(
        "unknown evidence type '"
            + name
            + "'; expected sgx, tdx, snp, snp-azure-hcl or simulation");
  }
}
