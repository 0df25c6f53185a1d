package io.coffer.cas.witness;

import io.coffer.ledger.merkle.Hash;
import io.coffer.ledger.merkle.TreeHead;
import io.coffer.ledger.witness.WitnessStateStore;
import io.coffer.ledger.witness.WitnessStoreException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import org.sqlite.SQLiteConfig;

/**
 * A durable {@link WitnessStateStore}: one SQLite database, one row per log origin with the size
 * and root hash of the latest cosigned checkpoint.
 *
 * <p>Why SQLite rather than a file per log: the compare-and-set is one {@code BEGIN IMMEDIATE}
 * transaction, atomic against concurrent requests of this process and of any other process that
 * opens the same file by mistake; a commit in WAL mode with {@code synchronous=FULL} is on disk
 * before it returns (tlog-witness: "The witness MUST persist the new checkpoint before
 * responding"), and a crash leaves the old or the new state, never a torn one. Origins are free
 * text, which would need an encoding to become file names.
 *
 * <p>Security guarantees: a state is replaced only if it is still the expected one and the new size
 * is not smaller; what the file holds is checked when read (a root that is not 32 bytes or a
 * negative size is a failure, never a state).
 *
 * <p>Not protected against: the file being deleted or replaced by an older copy. A witness whose
 * state is lost must be retired with its key, not restarted. Thread-safe.
 */
public final class SqliteWitnessStateStore implements WitnessStateStore, AutoCloseable {

  /** The schema version kept in {@code PRAGMA user_version}. */
  static final int SCHEMA_VERSION = 1;

  private static final int BUSY_TIMEOUT_MS = 10_000;

  private final Connection connection;
  private final ReentrantLock lock = new ReentrantLock();

  private SqliteWitnessStateStore(Connection connection) {
    this.connection = connection;
  }

  /**
   * Opens, or creates, the state in the SQLite database {@code file}.
   *
   * @throws WitnessStoreException if the file cannot be opened, refuses durable settings, or holds
   *     another schema
   */
  public static SqliteWitnessStateStore open(Path file) throws WitnessStoreException {
    if (file.toAbsolutePath().toString().indexOf('?') >= 0) {
      throw new IllegalArgumentException("the state file's path must not contain '?'");
    }
    SQLiteConfig config = new SQLiteConfig();
    config.setBusyTimeout(BUSY_TIMEOUT_MS);
    Connection c;
    try {
      c = config.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
    } catch (SQLException e) {
      throw failure("opening the witness state " + file.getFileName(), e);
    }
    try {
      configure(c);
      return new SqliteWitnessStateStore(c);
    } catch (SQLException e) {
      closeQuietly(c, e);
      throw failure("preparing the witness state " + file.getFileName(), e);
    } catch (WitnessStoreException | RuntimeException e) {
      closeQuietly(c, e);
      throw e;
    }
  }

  private static void configure(Connection c) throws SQLException, WitnessStoreException {
    try (Statement s = c.createStatement()) {
      String mode = pragma(s, "journal_mode = WAL");
      s.execute("PRAGMA synchronous = FULL");
      s.execute("PRAGMA fullfsync = ON");
      String synchronous = pragma(s, "synchronous");
      if (!"wal".equalsIgnoreCase(mode) || !"2".equals(synchronous)) {
        throw new WitnessStoreException(
            "the file system refuses durable SQLite settings (journal_mode "
                + mode
                + ", synchronous "
                + synchronous
                + ")",
            null);
      }
      s.execute("BEGIN IMMEDIATE");
      try {
        int version = Integer.parseInt(pragma(s, "user_version"));
        if (version == 0) {
          s.execute(
              "CREATE TABLE witness_state ("
                  + "origin TEXT PRIMARY KEY NOT NULL, "
                  + "size INTEGER NOT NULL CHECK (size >= 0), "
                  + "root BLOB NOT NULL CHECK (length(root) = 32))");
          s.execute("PRAGMA user_version = " + SCHEMA_VERSION);
        } else if (version != SCHEMA_VERSION) {
          throw new WitnessStoreException(
              "the witness state has schema version " + version + ", expected " + SCHEMA_VERSION,
              null);
        }
        s.execute("COMMIT");
      } catch (SQLException | WitnessStoreException | RuntimeException e) {
        s.execute("ROLLBACK");
        throw e;
      }
    }
  }

  private static String pragma(Statement s, String pragma) throws SQLException {
    try (ResultSet r = s.executeQuery("PRAGMA " + pragma)) {
      return r.next() ? r.getString(1) : null;
    }
  }

  @Override
  public Optional<TreeHead> latest(String origin) throws WitnessStoreException {
    lock.lock();
    try {
      return read(origin);
    } catch (SQLException e) {
      throw failure("reading the state of a log", e);
    } finally {
      lock.unlock();
    }
  }

  @Override
  public boolean compareAndSet(String origin, Optional<TreeHead> expected, TreeHead next)
      throws WitnessStoreException {
    if (expected.isPresent() && next.size() < expected.get().size()) {
      throw new IllegalArgumentException(
          "the witness state never shrinks: " + expected.get().size() + " -> " + next.size());
    }
    lock.lock();
    try (Statement s = connection.createStatement()) {
      s.execute("BEGIN IMMEDIATE");
      try {
        Optional<TreeHead> current = read(origin);
        if (!current.equals(expected)) {
          s.execute("ROLLBACK");
          return false;
        }
        try (PreparedStatement upsert =
            connection.prepareStatement(
                "INSERT INTO witness_state (origin, size, root) VALUES (?, ?, ?) "
                    + "ON CONFLICT (origin) DO UPDATE SET size = excluded.size, root = excluded.root")) {
          upsert.setString(1, origin);
          upsert.setLong(2, next.size());
          upsert.setBytes(3, next.root().bytes());
          upsert.executeUpdate();
        }
        s.execute("COMMIT");
        return true;
      } catch (SQLException | WitnessStoreException | RuntimeException e) {
        try {
          s.execute("ROLLBACK");
        } catch (SQLException rollback) {
          e.addSuppressed(rollback);
        }
        throw e;
      }
    } catch (SQLException e) {
      throw failure("updating the state of a log", e);
    } finally {
      lock.unlock();
    }
  }

  private Optional<TreeHead> read(String origin) throws SQLException, WitnessStoreException {
    try (PreparedStatement select =
        connection.prepareStatement("SELECT size, root FROM witness_state WHERE origin = ?")) {
      select.setString(1, origin);
      try (ResultSet r = select.executeQuery()) {
        if (!r.next()) {
          return Optional.empty();
        }
        long size = r.getLong(1);
        byte[] root = r.getBytes(2);
        if (size < 0 || root == null || root.length != Hash.SIZE_BYTES) {
          throw new WitnessStoreException("the witness state holds a corrupt row", null);
        }
        return Optional.of(new TreeHead(size, Hash.of(root)));
      }
    }
  }

  @Override
  public void close() throws WitnessStoreException {
    lock.lock();
    try {
      connection.close();
    } catch (SQLException e) {
      throw failure("closing the witness state", e);
    } finally {
      lock.unlock();
    }
  }

  /** Names the operation and SQLite's error code, never SQL or paths beyond the file name. */
  private static WitnessStoreException failure(String what, SQLException e) {
    return new WitnessStoreException(what + " failed (SQLite error " + e.getErrorCode() + ")", e);
  }

  private static void closeQuietly(Connection c, Exception failure) {
    try {
      c.close();
    } catch (SQLException e) {
      failure.addSuppressed(e);
    }
  }
}
