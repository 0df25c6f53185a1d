package io.coffer.ledger.store;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Connections from one data source (a pool) for reads and writes: the PostgreSQL mechanism, where
 * the server serialises writers itself. Statements are closed after each piece of work; the driver
 * keeps the server-side prepared statements of each connection.
 */
final class PooledConnections implements ConnectionSource {

  private final DataSource dataSource;
  private final HikariDataSource owned;

  /**
   * @param owned the pool built for this source, closed with it; null if the data source belongs to
   *     the caller
   */
  PooledConnections(DataSource dataSource, HikariDataSource owned) {
    this.dataSource = dataSource;
    this.owned = owned;
  }

  /** The statements of one piece of work, closed with it. */
  private static final class Session implements SqlSession, AutoCloseable {
    private final Connection connection;
    private final List<PreparedStatement> statements = new ArrayList<>();

    Session(Connection connection) {
      this.connection = connection;
    }

    @Override
    public PreparedStatement prepare(String sql) throws SQLException {
      PreparedStatement p = connection.prepareStatement(sql);
      statements.add(p);
      return p;
    }

    @Override
    public Connection connection() {
      return connection;
    }

    @Override
    public void close() throws SQLException {
      for (PreparedStatement p : statements) {
        p.close();
      }
    }
  }

  @Override
  public <T> T read(SqlWork<T> work) throws SQLException, StoreException {
    try (Connection c = dataSource.getConnection();
        Session session = new Session(c)) {
      return work.run(session);
    }
  }

  @Override
  public <T> T snapshot(SqlWork<T> work) throws SQLException, StoreException {
    try (Connection c = dataSource.getConnection();
        Session session = new Session(c)) {
      c.setAutoCommit(false);
      try {
        // The first statement of the transaction: one snapshot for all of the work.
        session.prepare("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY").execute();
        return work.run(session);
      } finally {
        c.rollback();
        c.setAutoCommit(true);
      }
    }
  }

  @Override
  public <T> T transaction(SqlWork<T> work) throws SQLException, StoreException {
    try (Connection c = dataSource.getConnection();
        Session session = new Session(c)) {
      c.setAutoCommit(false);
      try {
        T result = work.run(session);
        c.commit();
        c.setAutoCommit(true);
        return result;
      } catch (SQLException | StoreException | RuntimeException e) {
        try {
          c.rollback();
          c.setAutoCommit(true);
        } catch (SQLException rollbackFailure) {
          e.addSuppressed(rollbackFailure);
        }
        throw e;
      }
    }
  }

  @Override
  public void close() {
    if (owned != null) {
      owned.close();
    }
  }
}
