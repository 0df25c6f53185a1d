package io.coffer.attestation.amd;

/** Which key signed an SEV-SNP report: the SIGNING_KEY bits (4:2) of the report's flags. */
public enum SigningKey {
  /** 0: the Versioned Chip Endorsement Key, certified per chip and TCB by AMD's KDS. */
  VCEK("vcek", "SEV-VCEK"),
  /** 1: the Versioned Loaded Endorsement Key, certified per cloud provider and TCB. */
  VLEK("vlek", "SEV-VLEK"),
  /** 7: none; the report is not signed. */
  NONE("none", "");

  private final String claimName;
  private final String commonName;

  SigningKey(String claimName, String commonName) {
    this.claimName = claimName;
    this.commonName = commonName;
  }

  /** The name in claims: {@code vcek}, {@code vlek}, {@code none}. */
  public String claimName() {
    return claimName;
  }

  /** The CN of the key's certificate ({@code SEV-VCEK}, {@code SEV-VLEK}). */
  String commonName() {
    return commonName;
  }

  /** The CN of the intermediate that issues this kind of key for {@code product}. */
  String issuerCommonName(ProductLine product) {
    return this == VLEK ? "SEV-VLEK-" + product.displayName() : "SEV-" + product.displayName();
  }
}
