/**
 * Durable storage for the log, behind one small interface that is documented as untrusted.
 *
 * <p>Implementations: {@link io.coffer.ledger.store.MemoryLogStore} for tests, and {@link
 * io.coffer.ledger.store.JdbcLogStore} for SQLite (embedded default) and PostgreSQL. One contract
 * test suite runs against all of them.
 */
package io.coffer.ledger.store;
