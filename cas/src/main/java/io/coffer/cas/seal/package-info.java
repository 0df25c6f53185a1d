/**
 * Encryption at rest: the data key, the {@link io.coffer.cas.seal.Barrier} it drives, and the seals
 * that wrap it (a Shamir seal whose shares stakeholders hold, or an insecure key file for
 * development), with the stored form of the wrapped key ({@link io.coffer.cas.seal.SealedDataKey})
 * and the {@link io.coffer.cas.seal.Unsealer} that opens a Shamir seal share by share.
 *
 * <p>Security guarantees: every ciphertext is bound to its table, row key and version. The data key
 * exists in plaintext only inside the CAS process. A wrapped data key is bound to its seal type,
 * seal id, CAS instance and (for Shamir) threshold and share digests; fewer shares than the
 * threshold reveal nothing about the key-encryption key.
 *
 * <p>Not protected against: rollback of whole rows (see the ledger); an operator who holds the key
 * file of an {@code Insecure} seal; whoever reads a threshold of share files, which are written in
 * clear to the directory the operator names (encrypting shares to their holders is not done yet).
 */
package io.coffer.cas.seal;
