package io.coffer.ledger.store;

import io.coffer.ledger.merkle.Hash;
import io.coffer.ledger.merkle.NodeId;
import io.coffer.ledger.store.StoreException.Reason;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * One write transaction of a {@link JdbcLogStore}, lent to {@link JdbcLogStore#transaction}: the
 * application's statements on its own tables and the log's append commit together or not at all.
 *
 * <p>Serialisation: the first call of {@link #size()} locks the log against every other writer, in
 * this process and in others (on PostgreSQL a row lock on the log's meta row, {@code SELECT ... FOR
 * UPDATE}; on SQLite the writer's {@code BEGIN IMMEDIATE} holds the database's write lock from the
 * start). Work that reads the application's tables to decide what to write calls {@link #size()}
 * first, so that it reads the state every earlier writer committed.
 *
 * <p>Restrictions: the transaction is valid only while its work runs. The application must not
 * commit, roll back, close or change the auto-commit mode of {@link #connection()}; it undoes part
 * of its work with {@link #savepoint()} and {@link #rollbackTo}.
 */
public final class LogTransaction implements SqlStatements {

  /** A point in the transaction that its later statements can be rolled back to. */
  public static final class Savepoint {
    private final String name;
    private final LogTransaction owner;

    private Savepoint(String name, LogTransaction owner) {
      this.name = name;
      this.owner = owner;
    }

    @Override
    public String toString() {
      return "Savepoint[" + name + "]";
    }
  }

  private final SqlSession session;
  private final Connection connection;
  private final LogRows rows;
  private final SqlDialect dialect;
  private int savepoints;
  private boolean locked;
  private boolean finished;

  LogTransaction(SqlSession session, LogRows rows, SqlDialect dialect) {
    this.session = session;
    this.connection = session.connection();
    this.rows = rows;
    this.dialect = dialect;
  }

  /**
   * The transaction's connection, for what {@link #prepare} does not cover. Never commit, roll
   * back, close it or change its auto-commit mode.
   */
  public Connection connection() {
    requireActive();
    return connection;
  }

  @Override
  public PreparedStatement prepare(String statement) throws SQLException {
    requireActive();
    return session.prepare(statement);
  }

  /**
   * The number of entries stored; the first call locks the log against other writers until the
   * transaction ends.
   */
  public long size() throws StoreException {
    requireActive();
    try {
      long size = locked ? rows.size(session) : rows.sizeForUpdate(session);
      locked = true;
      return size;
    } catch (SQLException e) {
      throw dialect.failure("reading the size in a transaction", e);
    }
  }

  /** The hashes of {@code nodes}, in the same order, as this transaction sees them. */
  public List<Hash> hashes(List<NodeId> nodes) throws StoreException {
    requireActive();
    if (nodes.isEmpty()) {
      return List.of();
    }
    try {
      return rows.hashes(session, nodes);
    } catch (SQLException e) {
      throw dialect.failure("reading " + nodes.size() + " subtree hashes in a transaction", e);
    }
  }

  /**
   * Appends entries and their subtree hashes, with the same compare-and-set as {@link
   * JdbcLogStore#append}: {@link Reason#CONFLICT} unless {@code firstIndex} is the size.
   */
  public void append(long firstIndex, List<byte[]> entries, List<StoredNode> nodes)
      throws StoreException {
    requireActive();
    if (firstIndex < 0 || firstIndex > Long.MAX_VALUE - entries.size()) {
      throw new StoreException(Reason.CONFLICT, "append at impossible index " + firstIndex);
    }
    try {
      rows.append(session, firstIndex, entries, nodes);
    } catch (SQLException e) {
      throw dialect.failure(
          "append of " + entries.size() + " entries at index " + firstIndex + " in a transaction",
          e);
    }
  }

  /** Marks a point that {@link #rollbackTo} can return to. */
  public Savepoint savepoint() throws StoreException {
    requireActive();
    Savepoint point = new Savepoint("coffer_sp" + savepoints++, this);
    run("SAVEPOINT " + point.name, "setting a savepoint");
    return point;
  }

  /**
   * Undoes every statement since {@code point}, the log's appends included; the savepoint stays
   * set.
   */
  public void rollbackTo(Savepoint point) throws StoreException {
    run("ROLLBACK TO SAVEPOINT " + own(point).name, "rolling back to a savepoint");
  }

  /** Forgets {@code point} (and later ones), keeping what was done since. */
  public void release(Savepoint point) throws StoreException {
    run("RELEASE SAVEPOINT " + own(point).name, "releasing a savepoint");
  }

  private Savepoint own(Savepoint point) {
    if (point.owner != this) {
      throw new IllegalArgumentException(point + " belongs to another transaction");
    }
    return point;
  }

  private void run(String statement, String what) throws StoreException {
    requireActive();
    try {
      session.prepare(statement).execute();
    } catch (SQLException e) {
      throw dialect.failure(what, e);
    }
  }

  /** Ends the transaction's validity: its work returned or threw. */
  void finish() {
    finished = true;
  }

  private void requireActive() {
    if (finished) {
      throw new IllegalStateException("the log transaction has ended; it is valid during its work");
    }
  }
}
