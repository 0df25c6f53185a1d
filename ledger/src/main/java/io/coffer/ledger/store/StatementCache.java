package io.coffer.ledger.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * A connection that keeps every statement it prepared, so that SQLite parses each statement text
 * once per connection rather than once per use. A store prepares a fixed, small set of texts.
 *
 * <p>Not thread-safe: one piece of work at a time uses it. A statement kept between uses holds no
 * lock or snapshot, since its result sets are closed after each use.
 */
final class StatementCache implements SqlSession, AutoCloseable {

  private final Connection connection;
  private final Map<String, PreparedStatement> statements = new HashMap<>();

  StatementCache(Connection connection) {
    this.connection = connection;
  }

  @Override
  public PreparedStatement prepare(String sql) throws SQLException {
    PreparedStatement p = statements.get(sql);
    if (p == null) {
      p = connection.prepareStatement(sql);
      statements.put(sql, p);
    } else {
      p.clearParameters();
      p.clearBatch();
    }
    return p;
  }

  @Override
  public Connection connection() {
    return connection;
  }

  /** Closes the statements and the connection. */
  @Override
  public void close() throws SQLException {
    SQLException failure = null;
    for (PreparedStatement p : statements.values()) {
      try {
        p.close();
      } catch (SQLException e) {
        failure = e;
      }
    }
    statements.clear();
    connection.close();
    if (failure != null) {
      throw failure;
    }
  }
}
