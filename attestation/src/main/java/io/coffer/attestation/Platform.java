package io.coffer.attestation;

/** The kind of trusted execution environment that produced evidence. */
public enum Platform {
  /** Intel SGX enclaves (DCAP quotes). */
  SGX,
  /** Intel TDX trust domains (DCAP quotes). */
  TDX,
  /** AMD SEV-SNP confidential VMs (attestation reports). */
  SNP,
  /** No TEE: evidence signed by a local simulated-platform key, for development only. */
  SIMULATION
}
