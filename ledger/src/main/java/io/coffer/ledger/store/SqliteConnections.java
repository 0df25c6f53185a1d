package io.coffer.ledger.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.Statement;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.sqlite.SQLiteConfig;

/**
 * SQLite connections: one writing connection that every write transaction uses in turn, and a fixed
 * pool of {@value #READERS} read-only connections. In WAL mode readers see the last committed
 * transaction and never wait for the writer. Every connection keeps its prepared statements ({@link
 * StatementCache}), which a general-purpose pool would close on each return.
 *
 * <p>Pragmas of the writer: {@code journal_mode=WAL}, {@code synchronous=FULL} (the WAL is synced
 * at every commit), {@code fullfsync=ON} (macOS: F_FULLFSYNC, where plain fsync does not reach the
 * disk), {@code journal_size_limit} and a {@code busy_timeout} for other processes' locks. WAL mode
 * and FULL are read back: opening fails if the file system refuses them. Readers open the file
 * read-only with their own page cache.
 */
final class SqliteConnections implements ConnectionSource {

  /** Read-only connections: enough for concurrent proof requests on a small machine. */
  static final int READERS = 4;

  /** How long a statement waits for another process's lock, and a read for a free connection. */
  static final int BUSY_TIMEOUT_MS = 10_000;

  /** Each reader's page cache, in KiB (SQLite's negative cache_size). */
  private static final int READER_CACHE_KIB = 16 * 1024;

  private static final int JOURNAL_SIZE_LIMIT_BYTES = 64 * 1024 * 1024;

  private final StatementCache writer;
  private final BlockingQueue<StatementCache> readers;

  private SqliteConnections(StatementCache writer, BlockingQueue<StatementCache> readers) {
    this.writer = writer;
    this.readers = readers;
  }

  /** Opens (creating if needed) the database in {@code file}. */
  static SqliteConnections open(Path file) throws SQLException {
    String url = "jdbc:sqlite:" + file.toAbsolutePath();
    SQLiteConfig writerConfig = new SQLiteConfig();
    writerConfig.setBusyTimeout(BUSY_TIMEOUT_MS);
    StatementCache writer = new StatementCache(configureWriter(writerConfig.createConnection(url)));
    BlockingQueue<StatementCache> readers = new ArrayBlockingQueue<>(READERS);
    SqliteConnections connections = new SqliteConnections(writer, readers);
    try {
      SQLiteConfig readerConfig = new SQLiteConfig();
      readerConfig.setReadOnly(true);
      readerConfig.setBusyTimeout(BUSY_TIMEOUT_MS);
      readerConfig.setCacheSize(-READER_CACHE_KIB);
      for (int i = 0; i < READERS; i++) {
        readers.add(new StatementCache(readerConfig.createConnection(url)));
      }
      return connections;
    } catch (SQLException | RuntimeException e) {
      try {
        for (StatementCache reader : readers) {
          reader.close();
        }
        writer.close();
      } catch (SQLException closing) {
        e.addSuppressed(closing);
      }
      throw e;
    }
  }

  private static Connection configureWriter(Connection c) throws SQLException {
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
      return c;
    } catch (SQLException | RuntimeException e) {
      try {
        c.close();
      } catch (SQLException closing) {
        e.addSuppressed(closing);
      }
      throw e;
    }
  }

  private static String pragma(Statement s, String pragma) throws SQLException {
    try (ResultSet r = s.executeQuery("PRAGMA " + pragma)) {
      return r.next() ? r.getString(1) : null;
    }
  }

  @Override
  public <T> T read(SqlWork<T> work) throws SQLException, StoreException {
    StatementCache reader = takeReader();
    try {
      return work.run(reader);
    } finally {
      readers.add(reader);
    }
  }

  @Override
  public <T> T snapshot(SqlWork<T> work) throws SQLException, StoreException {
    StatementCache reader = takeReader();
    try {
      // A WAL reader's transaction keeps the snapshot of its first read until it ends.
      reader.prepare("BEGIN").execute();
      try {
        return work.run(reader);
      } finally {
        reader.prepare("ROLLBACK").execute();
      }
    } finally {
      readers.add(reader);
    }
  }

  private StatementCache takeReader() throws SQLException {
    StatementCache reader;
    try {
      reader = readers.poll(BUSY_TIMEOUT_MS, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SQLException("interrupted while waiting for a read connection", e);
    }
    if (reader == null) {
      throw new SQLTimeoutException("no read connection became free in " + BUSY_TIMEOUT_MS + " ms");
    }
    return reader;
  }

  @Override
  public <T> T transaction(SqlWork<T> work) throws SQLException, StoreException {
    // Explicit statements rather than setAutoCommit(false): the driver would otherwise open the
    // next transaction early and hold the write lock or an old snapshot between appends.
    writer.prepare("BEGIN IMMEDIATE").execute();
    try {
      T result = work.run(writer);
      writer.prepare("COMMIT").execute();
      return result;
    } catch (SQLException | StoreException | RuntimeException e) {
      try {
        writer.prepare("ROLLBACK").execute();
      } catch (SQLException rollbackFailure) {
        // Also when a failed COMMIT already rolled back: there is no transaction left.
        e.addSuppressed(rollbackFailure);
      }
      throw e;
    }
  }

  /** Closes the readers as reads in progress return them, then the writer. */
  @Override
  public void close() throws SQLException {
    SQLException failure = null;
    for (int i = 0; i < READERS; i++) {
      StatementCache reader;
      try {
        reader = readers.poll(BUSY_TIMEOUT_MS, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        reader = null;
      }
      if (reader == null) {
        break; // still in use, or never opened; its connection closes with the process
      }
      try {
        reader.close();
      } catch (SQLException e) {
        failure = e;
      }
    }
    writer.close();
    if (failure != null) {
      throw failure;
    }
  }
}
