/**
 * The CAS's untrusted store: its rows and its ledger in one database, SQLite (embedded) or
 * PostgreSQL (several CAS processes on one database), each write one transaction with its ledger
 * entries.
 *
 * <p>Implementation: {@link io.coffer.cas.store.JdbcCasStore} (SQLite or PostgreSQL, with the
 * ledger's {@link io.coffer.ledger.store.JdbcLogStore} tables in the same database), whose writer
 * commits concurrent operations in groups, each operation in its own savepoint.
 *
 * <p>Security guarantees: atomicity of a state change and its ledger entry; writes serialised
 * across processes; confidential columns hold barrier ciphertexts only.
 *
 * <p>Rows of attestation and provisioning: secret values per policy version (never overwritten),
 * volume tags (compare-and-set on a generation count, so that a stale writer is refused), and used
 * challenge nonces (a second use is refused: replay protection, within one database).
 *
 * <p>Not protected against: anything the database's owner does to it; that is detected above
 * (barrier, ledger proofs, sealed checkpoint, witnesses), not here. In particular a store rolled
 * back forgets used nonces and newer volume tags; nonce expiry bounds the replay window, and the
 * sealed checkpoint and witnesses detect the rollback of the store as a whole.
 */
package io.coffer.cas.store;
