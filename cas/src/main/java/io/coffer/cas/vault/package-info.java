/**
 * What the CAS keeps for policies besides the policies themselves: generated secrets, each policy's
 * certificate authority, volume keys and tags ({@link io.coffer.cas.vault.SecretVault}, {@link
 * io.coffer.cas.vault.VolumeTags}), and the rules of sharing between policies ({@link
 * io.coffer.cas.vault.Sharing}).
 *
 * <p>Security guarantees: every value is stored only as a barrier ciphertext bound to its row; a
 * secret crosses from one policy to another only when both consent as they are now; a volume's tag
 * moves only by compare-and-set, so a writer that read an older tag is refused.
 *
 * <p>Not protected against: a store that drops or rolls back single rows (see the store's
 * contract); the ledger records every tag update, so an auditor can see the latest tag.
 */
package io.coffer.cas.vault;
