package io.coffer.ledger.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * SQLite connections: one writing connection that every write transaction uses in turn, and a small
 * pool of read-only connections. In WAL mode readers see the last committed transaction and never
 * wait for the writer.
 *
 * <p>Pragmas of the writer: {@code journal_mode=WAL}, {@code synchronous=FULL} (the WAL is synced
 * at every commit), {@code fullfsync=ON} (macOS: F_FULLFSYNC, where plain fsync does not reach the
 * disk), {@code busy_timeout} and a {@code journal_size_limit}. Both are read back, and opening
 * fails if the file system refuses WAL mode.
 */
final class SqliteConnections implements ConnectionSource {

  /** Read-only connections: enough for concurrent proof requests on a small machine. */
  static final int READERS = 4;

  /** How long a statement waits for a lock held by another process before failing. */
  static final int BUSY_TIMEOUT_MS = 10_000;

  /** Each reader's page cache, in KiB (SQLite's negative cache_size). */
  private static final int READER_CACHE_KIB = 16 * 1024;

  private static final int JOURNAL_SIZE_LIMIT_BYTES = 64 * 1024 * 1024;

  private final Connection writer;
  private final HikariDataSource readers;

  private SqliteConnections(Connection writer, HikariDataSource readers) {
    this.writer = writer;
    this.readers = readers;
  }

  /** Opens (creating if needed) the database in {@code file}. */
  static SqliteConnections open(Path file) throws SQLException {
    String url = "jdbc:sqlite:" + file.toAbsolutePath();
    SQLiteConfig writerConfig = new SQLiteConfig();
    writerConfig.setBusyTimeout(BUSY_TIMEOUT_MS);
    SQLiteDataSource writerSource = new SQLiteDataSource(writerConfig);
    writerSource.setUrl(url);
    Connection writer = writerSource.getConnection();
    try {
      configureWriter(writer);
      SQLiteConfig readerConfig = new SQLiteConfig();
      readerConfig.setReadOnly(true);
      readerConfig.setBusyTimeout(BUSY_TIMEOUT_MS);
      readerConfig.setCacheSize(-READER_CACHE_KIB);
      SQLiteDataSource readerSource = new SQLiteDataSource(readerConfig);
      readerSource.setUrl(url);
      HikariConfig pool = new HikariConfig();
      pool.setDataSource(readerSource);
      pool.setPoolName("coffer-ledger-sqlite-readers");
      pool.setMaximumPoolSize(READERS);
      pool.setMinimumIdle(READERS);
      // The connections open read-only; HikariCP must agree, or it resets the flag, which the
      // driver refuses on an open connection.
      pool.setReadOnly(true);
      return new SqliteConnections(writer, new HikariDataSource(pool));
    } catch (SQLException | RuntimeException e) {
      try {
        writer.close();
      } catch (SQLException closing) {
        e.addSuppressed(closing);
      }
      throw e;
    }
  }

  private static void configureWriter(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      String mode = pragma(s, "journal_mode = WAL");
      if (!"wal".equalsIgnoreCase(mode)) {
        throw new SQLException("the database refuses WAL mode (journal_mode is " + mode + ")");
      }
      s.execute("PRAGMA synchronous = FULL");
      s.execute("PRAGMA fullfsync = ON");
      s.execute("PRAGMA journal_size_limit = " + JOURNAL_SIZE_LIMIT_BYTES);
      String synchronous = pragma(s, "synchronous");
      if (!"2".equals(synchronous)) { // FULL
        throw new SQLException("the database refuses synchronous=FULL (it is " + synchronous + ")");
      }
    }
  }

  private static String pragma(Statement s, String pragma) throws SQLException {
    try (ResultSet r = s.executeQuery("PRAGMA " + pragma)) {
      return r.next() ? r.getString(1) : null;
    }
  }

  @Override
  public Connection reader() throws SQLException {
    return readers.getConnection();
  }

  @Override
  public <T> T transaction(SqlWork<T> work) throws SQLException, StoreException {
    // Explicit statements rather than setAutoCommit(false): the driver would otherwise open the
    // next transaction early and hold the write lock or an old snapshot between appends.
    try (Statement s = writer.createStatement()) {
      s.execute("BEGIN IMMEDIATE");
      try {
        T result = work.run(writer);
        s.execute("COMMIT");
        return result;
      } catch (SQLException | StoreException | RuntimeException e) {
        try {
          s.execute("ROLLBACK");
        } catch (SQLException rollbackFailure) {
          // Also when a failed COMMIT already rolled back: there is no transaction left.
          e.addSuppressed(rollbackFailure);
        }
        throw e;
      }
    }
  }

  @Override
  public void close() throws SQLException {
    try {
      readers.close();
    } finally {
      writer.close();
    }
  }
}
