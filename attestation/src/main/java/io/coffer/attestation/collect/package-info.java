/**
 * Evidence collection inside a TEE: Linux configfs-tsm (TDX, SEV-SNP), Gramine's {@code
 * /dev/attestation} (SGX), and the simulator, detected in that order.
 *
 * <p>Not protected against: a host that answers in place of the TEE. A source returns whatever the
 * interface gives; only verification against vendor roots tells real evidence from forged.
 */
package io.coffer.attestation.collect;
