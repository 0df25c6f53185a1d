package io.coffer.ledger.store;

import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Prepared statements on the connection that one piece of work of a {@link JdbcLogStore} was lent,
 * for an application's own tables in the log's database.
 *
 * <p>A statement belongs to the session, which may keep it for later work on the same connection
 * (SQLite parses each text once per connection): callers bind parameters and close the result sets
 * they open, never the statement, and never keep it past their work.
 */
public interface SqlStatements {

  /** The statement for {@code sql}, with no parameters bound and an empty batch. */
  PreparedStatement prepare(String sql) throws SQLException;
}
