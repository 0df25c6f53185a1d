package io.coffer.ledger.store;

import java.sql.SQLException;

/** Where a {@link JdbcLogStore} gets its connections, and how it runs reads and transactions. */
interface ConnectionSource extends AutoCloseable {

  /** Work on a session, inside a transaction when it writes. */
  @FunctionalInterface
  interface SqlWork<T> {
    T run(SqlSession session) throws SQLException, StoreException;
  }

  /** Runs {@code work} on a reading session in autocommit mode; it may run concurrently. */
  <T> T read(SqlWork<T> work) throws SQLException, StoreException;

  /**
   * Runs {@code work} on a reading session inside a read-only transaction, so that all of its
   * statements see one committed state; it may run concurrently and never waits for a writer.
   */
  <T> T snapshot(SqlWork<T> work) throws SQLException, StoreException;

  /**
   * Runs {@code work} in one transaction on a writing session: committed, and durable, if it
   * returns; rolled back if it throws. Callers run one transaction at a time.
   */
  <T> T transaction(SqlWork<T> work) throws SQLException, StoreException;

  @Override
  void close() throws SQLException;
}
