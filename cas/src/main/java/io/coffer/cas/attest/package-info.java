/**
 * Workload admission: the CAS's side of the attestation protocol ({@link
 * io.coffer.cas.attest.Attestations}), its nonces ({@link io.coffer.cas.attest.Nonces}) and the
 * binding of a workload's key to its evidence ({@link io.coffer.cas.attest.WorkloadKey}).
 *
 * <p>Security guarantees: a workload is admitted only with fresh evidence (a nonce of this CAS,
 * unexpired, used once), verified against the vendors' roots and the CAS's collateral, that binds
 * the key it presents, and whose claims satisfy its service's identity and its policy's security
 * section. What it receives is encrypted to that key; every attempt is in the ledger.
 *
 * <p>Not protected against: a compromised TEE vendor root or a vulnerability the policy chose to
 * tolerate; a workload that discloses what it received.
 */
package io.coffer.cas.attest;
