/**
 * The CAS's untrusted store: its rows and its ledger in one database, SQLite (embedded) or
 * PostgreSQL (several CAS processes on one database), each write one transaction with its ledger
 * entries.
 *
 * <p>Security guarantees: atomicity of a state change and its ledger entry; writes serialised
 * across processes; confidential columns hold barrier ciphertexts only.
 *
 * <p>Not protected against: anything the database's owner does to it; that is detected above
 * (barrier, ledger proofs, sealed checkpoint, witnesses), not here.
 */
package io.coffer.cas.store;
