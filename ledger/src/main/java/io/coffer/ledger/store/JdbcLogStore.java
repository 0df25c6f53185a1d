package io.coffer.ledger.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.coffer.ledger.merkle.Hash;
import io.coffer.ledger.merkle.NodeId;
import io.coffer.ledger.store.ConnectionSource.SqlWork;
import io.coffer.ledger.store.StoreException.Reason;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
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
 * <p>Thread-safe: writes ({@link #append}, {@link #putCheckpoint}) run one at a time; reads run
 * concurrently on a pool of connections and never wait for a write.
 */
public final class JdbcLogStore implements LogStore {

  /** Connections of a PostgreSQL pool that this class builds from a JDBC URL. */
  public static final int POSTGRES_POOL_SIZE = 8;

  private static final int MAX_INITIAL_CAPACITY = 4096;

  private final SqlDialect dialect;
  private final LogSql sql;
  private final ConnectionSource connections;
  private final ReentrantLock writeLock = new ReentrantLock();
  private volatile boolean closed;

  private JdbcLogStore(SqlDialect dialect, LogSql sql, ConnectionSource connections) {
    this.dialect = dialect;
    this.sql = sql;
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
   * @throws IllegalArgumentException if the prefix is not of that form
   */
  public static JdbcLogStore sqlite(Path file, String tablePrefix) throws StoreException {
    LogSql sql = new LogSql(tablePrefix, SqlDialect.SQLITE);
    SqliteConnections connections;
    try {
      connections = SqliteConnections.open(file);
    } catch (SQLException e) {
      throw failure(SqlDialect.SQLITE, "opening the SQLite log store", e);
    } catch (RuntimeException e) { // HikariCP's pool initialisation failure
      throw new StoreException(Reason.UNAVAILABLE, "cannot open the SQLite log store", e);
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
      try (Connection c = connections.reader()) {
        dialect.checkDurability(c);
      }
      connections.transaction(c -> {
        LogSchema.createOrCheck(c, dialect, sql);
        return null;
      });
      return store;
    } catch (SQLException e) {
      StoreException failure = failure(dialect, "opening the log store", e);
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
    return read("reading the size", this::readSize);
  }

  private long readSize(Connection c) throws SQLException, StoreException {
    try (PreparedStatement p = c.prepareStatement(sql.size());
        ResultSet r = p.executeQuery()) {
      if (!r.next()) {
        throw new StoreException(Reason.CORRUPT, "table " + sql.meta() + " has no row");
      }
      long size = r.getLong(1);
      if (size < 0) {
        throw new StoreException(
            Reason.CORRUPT, "table " + sql.meta() + " records a negative size: " + size);
      }
      return size;
    }
  }

  @Override
  public void append(long firstIndex, List<byte[]> entries, List<StoredNode> nodes)
      throws StoreException {
    if (firstIndex < 0 || firstIndex > Long.MAX_VALUE - entries.size()) {
      throw new StoreException(Reason.CONFLICT, "append at impossible index " + firstIndex);
    }
    long newSize = firstIndex + entries.size();
    write(
        "append of " + entries.size() + " entries at index " + firstIndex,
        c -> {
          advanceSize(c, firstIndex, newSize);
          insertEntries(c, firstIndex, entries);
          insertNodes(c, firstIndex, nodes);
          return null;
        });
  }

  private void advanceSize(Connection c, long firstIndex, long newSize)
      throws SQLException, StoreException {
    try (PreparedStatement p = c.prepareStatement(sql.advanceSize())) {
      p.setLong(1, newSize);
      p.setLong(2, firstIndex);
      if (p.executeUpdate() == 1) {
        return;
      }
    }
    throw new StoreException(
        Reason.CONFLICT,
        "append at index " + firstIndex + " but the store holds " + readSize(c) + " entries");
  }

  private void insertEntries(Connection c, long firstIndex, List<byte[]> entries)
      throws SQLException, StoreException {
    try (PreparedStatement p = c.prepareStatement(sql.insertEntry())) {
      for (int i = 0; i < entries.size(); i++) {
        p.setLong(1, firstIndex + i);
        p.setBytes(2, entries.get(i));
        p.addBatch();
      }
      p.executeBatch();
    } catch (SQLException e) {
      if (reason(dialect, e) != Reason.CONFLICT) {
        throw e;
      }
      // The size moved from firstIndex, yet rows at or past it exist: the tables disagree.
      throw new StoreException(
          Reason.CORRUPT,
          "table " + sql.entries() + " holds entries past the size " + firstIndex + " it records",
          e);
    }
  }

  private void insertNodes(Connection c, long firstIndex, List<StoredNode> nodes)
      throws SQLException, StoreException {
    try (PreparedStatement p = c.prepareStatement(sql.insertNode())) {
      for (StoredNode node : nodes) {
        p.setInt(1, node.id().level());
        p.setLong(2, node.id().index());
        p.setBytes(3, node.hash().bytes());
        p.addBatch();
      }
      p.executeBatch();
    } catch (SQLException e) {
      if (reason(dialect, e) != Reason.CONFLICT) {
        throw e;
      }
      throw new StoreException(
          Reason.CONFLICT,
          "append at index "
              + firstIndex
              + " carries a subtree hash that is already stored; hashes are never overwritten",
          e);
    }
  }

  @Override
  public List<byte[]> entries(long from, int count) throws StoreException {
    if (from < 0 || count < 0 || from > Long.MAX_VALUE - count) {
      throw new StoreException(
          Reason.NOT_FOUND, "entries " + from + ".." + (from + count - 1) + " cannot exist");
    }
    return read(
        "reading " + count + " entries from index " + from,
        c -> {
          if (count == 0) {
            long size = readSize(c);
            if (from > size) {
              throw new StoreException(
                  Reason.NOT_FOUND, "index " + from + " is beyond the " + size + " entries stored");
            }
            return List.of();
          }
          List<byte[]> out = new ArrayList<>(Math.min(count, MAX_INITIAL_CAPACITY));
          try (PreparedStatement p = c.prepareStatement(sql.entryRange())) {
            p.setLong(1, from);
            p.setLong(2, from + count);
            try (ResultSet r = p.executeQuery()) {
              while (r.next()) {
                long index = r.getLong(1);
                expectNext(index, from + out.size(), "entry", "entry " + (from + out.size()));
                byte[] data = r.getBytes(2);
                if (data == null) {
                  throw new StoreException(Reason.CORRUPT, "entry " + index + " has no data");
                }
                out.add(data);
              }
            }
          }
          if (out.size() < count) {
            throw new StoreException(
                Reason.NOT_FOUND, "entry " + (from + out.size()) + " is not stored");
          }
          return out;
        });
  }

  @Override
  public List<Hash> hashes(List<NodeId> ids) throws StoreException {
    if (ids.isEmpty()) {
      requireOpen();
      return List.of();
    }
    return read(
        "reading " + ids.size() + " subtree hashes",
        c -> {
          List<NodeId> distinct = List.copyOf(new LinkedHashSet<>(ids));
          Map<NodeId, Hash> found = new HashMap<>();
          for (int i = 0; i < distinct.size(); i += LogSql.MAX_NODES_PER_LOOKUP) {
            int end = Math.min(distinct.size(), i + LogSql.MAX_NODES_PER_LOOKUP);
            lookup(c, distinct.subList(i, end), found);
          }
          List<Hash> out = new ArrayList<>(ids.size());
          for (NodeId id : ids) {
            Hash h = found.get(id);
            if (h == null) {
              throw new StoreException(Reason.NOT_FOUND, "node " + id + " is not stored");
            }
            out.add(h);
          }
          return out;
        });
  }

  /** Reads up to 256 nodes in one query, padded to a power of two by repeating the last. */
  private void lookup(Connection c, List<NodeId> ids, Map<NodeId, Hash> found)
      throws SQLException, StoreException {
    int padded = Integer.highestOneBit(ids.size());
    if (padded < ids.size()) {
      padded <<= 1;
    }
    try (PreparedStatement p = c.prepareStatement(sql.nodeLookup(padded))) {
      for (int i = 0; i < padded; i++) {
        NodeId id = ids.get(Math.min(i, ids.size() - 1));
        p.setInt(2 * i + 1, id.level());
        p.setLong(2 * i + 2, id.index());
      }
      try (ResultSet r = p.executeQuery()) {
        while (r.next()) {
          NodeId id = storedNodeId(r.getInt(1), r.getLong(2));
          found.put(id, hash(r.getBytes(3), "node " + id));
        }
      }
    }
  }

  @Override
  public List<Hash> hashRange(int level, long from, int count) throws StoreException {
    if (level < 0 || level > 63) {
      throw new IllegalArgumentException("level must be 0..63, got " + level);
    }
    if (from < 0 || count < 0 || from > Long.MAX_VALUE - count) {
      throw new StoreException(
          Reason.NOT_FOUND,
          "nodes " + from + ".." + (from + count - 1) + " of level " + level + " cannot exist");
    }
    return read(
        "reading " + count + " subtree hashes of level " + level,
        c -> {
          List<Hash> out = new ArrayList<>(Math.min(count, MAX_INITIAL_CAPACITY));
          try (PreparedStatement p = c.prepareStatement(sql.nodeRange())) {
            p.setInt(1, level);
            p.setLong(2, from);
            p.setLong(3, from + count);
            try (ResultSet r = p.executeQuery()) {
              while (r.next()) {
                NodeId id = storedNodeId(level, r.getLong(1));
                NodeId expected = new NodeId(level, from + out.size());
                expectNext(id.index(), expected.index(), "node", "node " + expected);
                out.add(hash(r.getBytes(2), "node " + id));
              }
            }
          }
          if (out.size() < count) {
            throw new StoreException(
                Reason.NOT_FOUND,
                "node " + new NodeId(level, from + out.size()) + " is not stored");
          }
          return out;
        });
  }

  /** Checks that an ordered range query returned the next row, and not a later or repeated one. */
  private static void expectNext(long got, long expected, String kind, String missing)
      throws StoreException {
    if (got > expected) {
      throw new StoreException(Reason.NOT_FOUND, missing + " is not stored");
    }
    if (got < expected) {
      throw new StoreException(
          Reason.CORRUPT, "the store returned " + kind + " " + got + " out of order");
    }
  }

  private static NodeId storedNodeId(int level, long index) throws StoreException {
    try {
      return new NodeId(level, index);
    } catch (IllegalArgumentException e) {
      throw new StoreException(
          Reason.CORRUPT, "the store returned an impossible node: " + e.getMessage(), e);
    }
  }

  private static Hash hash(byte[] bytes, String what) throws StoreException {
    if (bytes == null || bytes.length != Hash.SIZE_BYTES) {
      throw new StoreException(
          Reason.CORRUPT,
          what
              + " has "
              + (bytes == null ? "no hash" : "a " + bytes.length + "-byte hash")
              + ", not one of "
              + Hash.SIZE_BYTES
              + " bytes");
    }
    return Hash.of(bytes);
  }

  @Override
  public void putCheckpoint(StoredCheckpoint checkpoint) throws StoreException {
    long size = checkpoint.size();
    write(
        "recording the checkpoint at size " + size,
        c -> {
          try (PreparedStatement p = c.prepareStatement(sql.advanceCheckpoint())) {
            p.setLong(1, size);
            p.setLong(2, size);
            if (p.executeUpdate() != 1) {
              throw new StoreException(
                  Reason.CONFLICT,
                  "checkpoint at size " + size + " does not grow past " + readCheckpointSize(c));
            }
          }
          try (PreparedStatement p = c.prepareStatement(sql.insertCheckpoint())) {
            p.setLong(1, size);
            p.setBytes(2, checkpoint.root().bytes());
            p.setBytes(3, checkpoint.signedNote());
            p.executeUpdate();
          }
          return null;
        });
  }

  private long readCheckpointSize(Connection c) throws SQLException, StoreException {
    try (PreparedStatement p = c.prepareStatement(sql.checkpointSize());
        ResultSet r = p.executeQuery()) {
      if (!r.next()) {
        throw new StoreException(Reason.CORRUPT, "table " + sql.meta() + " has no row");
      }
      return r.getLong(1);
    }
  }

  @Override
  public Optional<StoredCheckpoint> latestCheckpoint() throws StoreException {
    return read(
        "reading the latest checkpoint",
        c -> {
          try (PreparedStatement p = c.prepareStatement(sql.latestCheckpoint());
              ResultSet r = p.executeQuery()) {
            if (!r.next()) {
              throw new StoreException(Reason.CORRUPT, "table " + sql.meta() + " has no row");
            }
            long recorded = r.getLong(1);
            if (recorded == -1) {
              return Optional.empty();
            }
            long size = r.getLong(2);
            if (recorded < -1 || r.wasNull()) {
              throw new StoreException(
                  Reason.CORRUPT,
                  "the latest checkpoint, at size "
                      + recorded
                      + " by table "
                      + sql.meta()
                      + ", is not in table "
                      + sql.checkpoints());
            }
            Hash root = hash(r.getBytes(3), "the checkpoint at size " + size);
            byte[] note = r.getBytes(4);
            if (note == null) {
              throw new StoreException(
                  Reason.CORRUPT, "the checkpoint at size " + size + " has no note");
            }
            return Optional.of(new StoredCheckpoint(size, root, note));
          }
        });
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
      throw failure(dialect, "closing the log store", e);
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
    try (Connection c = connections.reader()) {
      return work.run(c);
    } catch (SQLException e) {
      throw failure(dialect, what, e);
    }
  }

  private <T> T write(String what, SqlWork<T> work) throws StoreException {
    writeLock.lock();
    try {
      requireOpen();
      return connections.transaction(work);
    } catch (SQLException e) {
      throw failure(dialect, what, e);
    } finally {
      writeLock.unlock();
    }
  }

  /** The reason of a driver error, looking through a batch failure to the error behind it. */
  private static Reason reason(SqlDialect dialect, SQLException e) {
    Reason reason = dialect.reason(e);
    SQLException next = e.getNextException();
    return reason == Reason.UNAVAILABLE && next != null ? dialect.reason(next) : reason;
  }

  private static StoreException failure(SqlDialect dialect, String what, SQLException e) {
    Reason reason = reason(dialect, e);
    String meaning =
        switch (reason) {
          case CONFLICT -> "a record with the same key is already stored";
          case CORRUPT -> "the database reports corruption";
          case NOT_FOUND, UNAVAILABLE -> "the database is unavailable or refused it";
        };
    return new StoreException(
        reason, what + " failed: " + meaning + " (" + dialect.code(e) + ")", e);
  }
}
