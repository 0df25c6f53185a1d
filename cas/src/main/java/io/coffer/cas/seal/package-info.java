/**
 * Encryption at rest: the data key, the {@link io.coffer.cas.seal.Barrier} it drives, and the seals
 * that wrap it (a Shamir seal whose shares stakeholders hold, or an insecure key file for
 * development).
 *
 * <p>Security guarantees: every ciphertext is bound to its table, row key and version. The data key
 * exists in plaintext only inside the CAS process.
 *
 * <p>Not protected against: rollback of whole rows (see the ledger) and an operator who holds the
 * key file of an {@code Insecure} seal.
 */
package io.coffer.cas.seal;
