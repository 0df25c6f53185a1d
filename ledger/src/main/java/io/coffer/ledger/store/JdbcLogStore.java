package io.coffer.ledger.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.coffer.ledger.merkle.Hash;
import io.coffer.ledger.merkle.NodeId;
import io.coffer.ledger.store.ConnectionSource.SqlWork;
import io.coffer.ledger.store.StoreException.Reason;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;

/**
 * A {@link LogStore} in a SQL database: SQLite, embedded in the process, by default; PostgreSQL for
 * a highly available deployment.
 *
 * <p>Tables, each name behind an optional prefix so that an application can share its database:
 * {@code log_meta} (one row: schema version, size, latest checkpoint size), {@code log_entries}
 * ({@code idx} primary key, {@code data}), {@code log_nodes} ({@code (level, idx)} primary key,
 * {@code hash}) and {@code log_checkpoints} ({@code size} primary key, {@code root}, {@code note}).
 * Opening creates them in an empty database and otherwise fails closed unless they are schema
 * version {@value LogSchema#VERSION}.
 *
 * <p>Security guarantees:
 *
 * <ul>
 *   <li>An append is one transaction that advances the size in {@code log_meta} with a
 *       compare-and-set: a second writer on the same tables, or a replayed batch, gets {@link
 *       Reason#CONFLICT} and nothing of its batch is written. Stored entries and nodes are never
 *       overwritten.
 *   <li>Checkpoint sizes only grow, by the same compare-and-set.
 *   <li>What the database returns is checked before it is believed to be well-formed: a hash that
 *       is not 32 bytes or a checkpoint row that {@code log_meta} names but that is missing is
 *       {@link Reason#CORRUPT}; a missing row is {@link Reason#NOT_FOUND}, with the node or index.
 *   <li>Error messages name the operation and the database's error code, never SQL, connection
 *       details or credentials; the driver's exception is kept as the cause.
 * </ul>
 *
 * <p>Durability: when {@link #append} returns, its transaction is committed durably. SQLite runs in
 * WAL mode with {@code synchronous=FULL}, so every commit syncs the log file (and uses {@code
 * F_FULLFSYNC} on macOS); PostgreSQL is used with its synchronous commit, and opening fails if the
 * server runs with {@code fsync=off} or {@code synchronous_commit=off}.
 *
 * <p>Not protected against:
 *
 * <ul>
 *   <li>Disks or virtual machines that acknowledge a sync before the data is stable, and a
 *       PostgreSQL standby promoted without synchronous replication: both can lose acknowledged
 *       appends.
 *   <li>An append that fails while committing (the connection to PostgreSQL lost during {@code
 *       COMMIT}, an I/O error during the sync) may or may not have been committed. The caller must
 *       treat the store's size as the truth when it reopens, as {@link io.coffer.ledger.log.Ledger}
 *       does.
 *   <li>Whoever can write the database or the file: they can alter, remove or roll back anything.
 *       Such changes are detected by proofs against signed checkpoints and by witnesses, not here.
 * </ul>
 *
 * <p>Connections: on SQLite, one writing connection and {@value SqliteConnections#READERS}
 * read-only ones, each keeping its prepared statements; on PostgreSQL, the caller's data source or
 * a HikariCP pool of up to {@value #POSTGRES_POOL_SIZE} connections built from a JDBC URL.
 *
 * <p>Thread-safe: writes ({@link #append}, {@link #putCheckpoint}) run one at a time; reads run
 * concurrently and never wait for a write.
 */
public final class JdbcLogStore implements LogStore {

  /** Work in one transaction of the log's database: an application's rows and log appends. */
  @FunctionalInterface
  public interface TransactionWork<T> {
    T run(LogTransaction tx) throws SQLException, StoreException;
  }

  /** Reads of an application's own tables on one committed state of the log's database. */
  @FunctionalInterface
  public interface ReadWork<T> {
    T run(SqlStatements statements) throws SQLException, StoreException;
  }

  /** Connections of a PostgreSQL pool that this class builds from a JDBC URL. */
  public static final int POSTGRES_POOL_SIZE = 8;

  private final SqlDialect dialect;
  private final LogRows rows;
  private final ConnectionSource connections;
  private final ReentrantLock writeLock = new ReentrantLock();
  private volatile boolean closed;

  private JdbcLogStore(SqlDialect dialect, LogSql sql, ConnectionSource connections) {
    this.dialect = dialect;
    this.rows = new LogRows(sql, dialect);
    this.connections = connections;
  }

  /** Opens, or creates, the log in the SQLite database {@code file}. */
  public static JdbcLogStore sqlite(Path file) throws StoreException {
    return sqlite(file, "");
  }

  /**
   * Opens, or creates, the log in the SQLite database {@code file}, in tables named with {@code
   * tablePrefix}.
   *
   * @param tablePrefix empty, or a lower-case letter then up to 31 lower-case letters, digits and
   *     underscores
   * @throws IllegalArgumentException if the prefix is not of that form, or the file's path holds a
   *     {@code ?}, which the driver would read as the start of connection parameters
   */
  public static JdbcLogStore sqlite(Path file, String tablePrefix) throws StoreException {
    if (file.toAbsolutePath().toString().indexOf('?') >= 0) {
      throw new IllegalArgumentException("a SQLite log file's path must not contain '?'");
    }
    LogSql sql = new LogSql(tablePrefix, SqlDialect.SQLITE);
    SqliteConnections connections;
    try {
      connections = SqliteConnections.open(file);
    } catch (SQLException e) {
      throw SqlDialect.SQLITE.failure("opening the SQLite log store", e);
    }
    return open(SqlDialect.SQLITE, sql, connections);
  }

  /**
   * Opens, or creates, the log in the PostgreSQL database behind {@code dataSource}, which should
   * be a connection pool; it stays the caller's and is not closed with the store.
   */
  public static JdbcLogStore postgres(DataSource dataSource) throws StoreException {
    return postgres(dataSource, "");
  }

  /**
   * As {@link #postgres(DataSource)}, in tables named with {@code tablePrefix} (see {@link
   * #sqlite(Path, String)}). Unqualified names resolve through the connections' {@code
   * search_path}.
   */
  public static JdbcLogStore postgres(DataSource dataSource, String tablePrefix)
      throws StoreException {
    LogSql sql = new LogSql(tablePrefix, SqlDialect.POSTGRES);
    return open(SqlDialect.POSTGRES, sql, new PooledConnections(dataSource, null));
  }

  /**
   * Opens, or creates, the log in a PostgreSQL database through a pool of {@value
   * #POSTGRES_POOL_SIZE} connections that the store owns.
   *
   * @param jdbcUrl a {@code jdbc:postgresql:} URL
   * @param connectionProperties driver properties ({@code user}, {@code password}, {@code sslmode},
   *     ...); batched inserts are rewritten into multi-row inserts unless they say otherwise
   * @throws IllegalArgumentException if the URL is not a PostgreSQL one, or the prefix is invalid
   */
  public static JdbcLogStore postgres(
      String jdbcUrl, Properties connectionProperties, String tablePrefix) throws StoreException {
    if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
      throw new IllegalArgumentException("not a PostgreSQL JDBC URL (jdbc:postgresql:...)");
    }
    LogSql sql = new LogSql(tablePrefix, SqlDialect.POSTGRES);
    Properties properties = new Properties();
    properties.putAll(connectionProperties);
    properties.putIfAbsent("reWriteBatchedInserts", "true");
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(jdbcUrl);
    config.setDataSourceProperties(properties);
    config.setPoolName("coffer-ledger-postgres");
    config.setMaximumPoolSize(POSTGRES_POOL_SIZE);
    config.setMinimumIdle(2);
    HikariDataSource pool;
    try {
      pool = new HikariDataSource(config);
    } catch (RuntimeException e) { // HikariCP's pool initialisation failure
      throw new StoreException(Reason.UNAVAILABLE, "cannot connect to PostgreSQL", e);
    }
    return open(SqlDialect.POSTGRES, sql, new PooledConnections(pool, pool));
  }

  private static JdbcLogStore open(SqlDialect dialect, LogSql sql, ConnectionSource connections)
      throws StoreException {
    JdbcLogStore store = new JdbcLogStore(dialect, sql, connections);
    try {
      connections.read(s -> {
        dialect.checkDurability(s);
        return null;
      });
      connections.transaction(s -> {
        LogSchema.createOrCheck(s, dialect, sql);
        return null;
      });
      return store;
    } catch (SQLException e) {
      StoreException failure = dialect.failure("opening the log store", e);
      store.closeAfter(failure);
      throw failure;
    } catch (StoreException | RuntimeException e) {
      store.closeAfter(e);
      throw e;
    }
  }

  private void closeAfter(Exception failure) {
    try {
      close();
    } catch (StoreException e) {
      failure.addSuppressed(e);
    }
  }

  @Override
  public long size() throws StoreException {
    return read("reading the size", rows::size);
  }

  @Override
  public void append(long firstIndex, List<byte[]> entries, List<StoredNode> nodes)
      throws StoreException {
    if (firstIndex < 0 || firstIndex > Long.MAX_VALUE - entries.size()) {
      throw new StoreException(Reason.CONFLICT, "append at impossible index " + firstIndex);
    }
    write(
        "append of " + entries.size() + " entries at index " + firstIndex,
        s -> {
          rows.append(s, firstIndex, entries, nodes);
          return null;
        });
  }

  @Override
  public List<byte[]> entries(long from, int count) throws StoreException {
    if (from < 0 || count < 0 || from > Long.MAX_VALUE - count) {
      throw new StoreException(
          Reason.NOT_FOUND, "entries " + from + ".." + (from + count - 1) + " cannot exist");
    }
    return read(
        "reading " + count + " entries from index " + from,
        s -> {
          if (count > 0) {
            return rows.entries(s, from, count);
          }
          long size = rows.size(s);
          if (from > size) {
            throw new StoreException(
                Reason.NOT_FOUND, "index " + from + " is beyond the " + size + " entries stored");
          }
          return List.of();
        });
  }

  @Override
  public List<Hash> hashes(List<NodeId> nodes) throws StoreException {
    if (nodes.isEmpty()) {
      requireOpen();
      return List.of();
    }
    return read("reading " + nodes.size() + " subtree hashes", s -> rows.hashes(s, nodes));
  }

  @Override
  public List<Hash> hashRange(int level, long from, int count) throws StoreException {
    if (level < 0 || level > 63) {
      throw new IllegalArgumentException("level must be 0..63, got " + level);
    }
    if (from < 0 || count < 0 || (count > 0 && from > (Long.MAX_VALUE >>> level) - count + 1)) {
      throw new StoreException(
          Reason.NOT_FOUND,
          "nodes " + from + ".." + (from + count - 1) + " of level " + level + " cannot exist");
    }
    if (count == 0) {
      requireOpen();
      return List.of();
    }
    return read(
        "reading " + count + " subtree hashes of level " + level,
        s -> rows.hashRange(s, level, from, count));
  }

  @Override
  public void putCheckpoint(StoredCheckpoint checkpoint) throws StoreException {
    write(
        "recording the checkpoint at size " + checkpoint.size(),
        s -> {
          rows.putCheckpoint(s, checkpoint);
          return null;
        });
  }

  @Override
  public Optional<StoredCheckpoint> latestCheckpoint() throws StoreException {
    return read("reading the latest checkpoint", rows::latestCheckpoint);
  }

  /**
   * Runs {@code work} in one transaction that commits an application's statements on its own tables
   * in this database together with the log's appends made through {@link LogTransaction#append}:
   * all of it is stored, or none of it. Durability is that of {@link #append}. Serialised with this
   * store's other writes; across processes, by the lock that {@link LogTransaction#size()} takes.
   *
   * @throws StoreException what the work threw (nothing of it stored); a database failure during
   *     the work as {@link #append} reports it (nothing stored); {@link Reason#OUTCOME_UNKNOWN}
   *     when the commit itself failed and the transaction may or may not be stored
   */
  public <T> T transaction(TransactionWork<T> work) throws StoreException {
    writeLock.lock();
    try {
      requireOpen();
      WorkDone done = new WorkDone();
      try {
        return connections.transaction(s -> {
          LogTransaction tx = new LogTransaction(s, rows, dialect);
          try {
            T result = work.run(tx);
            done.done = true;
            return result;
          } finally {
            tx.finish();
          }
        });
      } catch (SQLException e) {
        if (done.done) {
          throw new StoreException(
              Reason.OUTCOME_UNKNOWN,
              "committing a transaction failed ("
                  + dialect.code(e)
                  + "): it may or may not be stored",
              e);
        }
        throw dialect.failure("a transaction", e);
      }
    } finally {
      writeLock.unlock();
    }
  }

  /** Whether a transaction's work returned, so that a later failure was its commit's. */
  private static final class WorkDone {
    private boolean done;
  }

  /**
   * Runs {@code work} on a reading connection in a read-only transaction: its statements see one
   * committed state. Runs concurrently with other reads and never waits for a writer.
   */
  public <T> T read(ReadWork<T> work) throws StoreException {
    requireOpen();
    try {
      return connections.snapshot(work::run);
    } catch (SQLException e) {
      throw dialect.failure("a read", e);
    }
  }

  /** Closes the connections, after the write in progress if any. Idempotent. */
  @Override
  public void close() throws StoreException {
    writeLock.lock();
    try {
      if (closed) {
        return;
      }
      closed = true;
      connections.close();
    } catch (SQLException e) {
      throw dialect.failure("closing the log store", e);
    } finally {
      writeLock.unlock();
    }
  }

  private void requireOpen() throws StoreException {
    if (closed) {
      throw new StoreException(Reason.UNAVAILABLE, "the store is closed");
    }
  }

  private <T> T read(String what, SqlWork<T> work) throws StoreException {
    requireOpen();
    try {
      return connections.read(work);
    } catch (SQLException e) {
      throw dialect.failure(what, e);
    }
  }

  private <T> T write(String what, SqlWork<T> work) throws StoreException {
    writeLock.lock();
    try {
      requireOpen();
      return connections.transaction(work);
    } catch (SQLException e) {
      throw dialect.failure(what, e);
    } finally {
      writeLock.unlock();
    }
  }
}
