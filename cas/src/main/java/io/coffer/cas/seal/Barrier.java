package io.coffer.cas.seal;

/**
 * The one encryption barrier between the CAS and its untrusted store: every policy body, secret and
 * private key is encrypted here before it is written, each ciphertext bound to its {@link RowId}.
 *
 * <p>Security guarantees: confidentiality and integrity of each row's content, and its binding to
 * the row (table, key, version): a flipped byte, a ciphertext moved to another row or swapped with
 * another version fails to open.
 *
 * <p>Not protected against: a store that returns an older, complete row (same table, key and
 * version) or drops a row. Freshness is the ledger's and the witnesses' job, not the barrier's.
 */
public interface Barrier {

  /** Encrypts {@code plaintext} for {@code row}. */
  byte[] encrypt(RowId row, byte[] plaintext);

  /** Decrypts a ciphertext read from {@code row}, or fails; never returns wrong plaintext. */
  byte[] decrypt(RowId row, byte[] ciphertext) throws BarrierException;
}
