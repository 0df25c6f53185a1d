package io.coffer.ledger.store;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Connections from one data source (a pool) for reads and writes: the PostgreSQL mechanism, where
 * the server serialises writers itself.
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

  @Override
  public Connection reader() throws SQLException {
    return dataSource.getConnection();
  }

  @Override
  public <T> T transaction(SqlWork<T> work) throws SQLException, StoreException {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        T result = work.run(c);
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
