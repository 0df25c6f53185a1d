package io.coffer.ledger.store;

import java.sql.Connection;
import java.sql.SQLException;

/** Where a {@link JdbcLogStore} gets its connections, and how it runs a write transaction. */
interface ConnectionSource extends AutoCloseable {

  /** Work on a connection, inside a transaction when it writes. */
  @FunctionalInterface
  interface SqlWork<T> {
    T run(Connection c) throws SQLException, StoreException;
  }

  /** A connection for reads in autocommit mode; closing it gives it back. */
  Connection reader() throws SQLException;

  /**
   * Runs {@code work} in one transaction on a writing connection: committed, and durable, if it
   * returns; rolled back if it throws. Callers run one transaction at a time.
   */
  <T> T transaction(SqlWork<T> work) throws SQLException, StoreException;

  @Override
  void close() throws SQLException;
}
