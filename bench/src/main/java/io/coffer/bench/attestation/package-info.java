/**
 * Benchmarks of attestation: verifying published Intel SGX and TDX quotes (and AMD SEV-SNP reports)
 * with cached collateral, against the signature checks they are built on.
 */
package io.coffer.bench.attestation;
