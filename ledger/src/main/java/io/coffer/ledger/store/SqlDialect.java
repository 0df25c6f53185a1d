package io.coffer.ledger.store;

import io.coffer.ledger.store.StoreException.Reason;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * What differs between the databases a {@link JdbcLogStore} runs on: column types, the batched node
 * lookup, how schema creation is serialised, how durability is checked, and what an error means.
 */
enum SqlDialect {
  SQLITE {
    @Override
    List<String> createTables(LogSql sql) {
      // idx INTEGER PRIMARY KEY is the rowid: entries are stored in index order without a second
      // b-tree. Nodes are clustered by their key (WITHOUT ROWID).
      return List.of(
          "CREATE TABLE "
              + sql.meta()
              + " (id INTEGER PRIMARY KEY CHECK (id = 1), schema_version INTEGER NOT NULL,"
              + " size INTEGER NOT NULL, checkpoint_size INTEGER NOT NULL)",
          "CREATE TABLE " + sql.entries() + " (idx INTEGER PRIMARY KEY, data BLOB NOT NULL)",
          "CREATE TABLE "
              + sql.nodes()
              + " (level INTEGER NOT NULL, idx INTEGER NOT NULL, hash BLOB NOT NULL,"
              + " PRIMARY KEY (level, idx)) WITHOUT ROWID",
          "CREATE TABLE "
              + sql.checkpoints()
              + " (size INTEGER PRIMARY KEY, root BLOB NOT NULL, note BLOB NOT NULL)");
    }

    @Override
    String tableExists() {
      return "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?";
    }

    @Override
    String nodeLookup(String nodes, int count) {
      // SQLite takes a row-value IN only with a subquery on the right: a VALUES list.
      return "SELECT level, idx, hash FROM "
          + nodes
          + " WHERE (level, idx) IN (VALUES "
          + pairs(count)
          + ")";
    }

    @Override
    void lockSchema(SqlSession s, LogSql sql) {
      // The writer's BEGIN IMMEDIATE already holds the database's write lock.
    }

    @Override
    void checkDurability(SqlSession s) {
      // SqliteConnections sets and reads back the pragmas on the writing connection.
    }

    @Override
    Reason reasonOf(SQLException e) {
      int primary = e.getErrorCode() & 0xff;
      if (primary == SQLiteErrorCode.SQLITE_CONSTRAINT.code) {
        return Reason.CONFLICT;
      }
      if (primary == SQLiteErrorCode.SQLITE_CORRUPT.code
          || primary == SQLiteErrorCode.SQLITE_NOTADB.code) {
        return Reason.CORRUPT;
      }
      return Reason.UNAVAILABLE;
    }

    @Override
    String code(SQLException e) {
      return e instanceof SQLiteException s ? s.getResultCode().name() : "code " + e.getErrorCode();
    }
  },

  POSTGRES {
    @Override
    List<String> createTables(LogSql sql) {
      return List.of(
          "CREATE TABLE "
              + sql.meta()
              + " (id INTEGER PRIMARY KEY CHECK (id = 1), schema_version INTEGER NOT NULL,"
              + " size BIGINT NOT NULL, checkpoint_size BIGINT NOT NULL)",
          "CREATE TABLE " + sql.entries() + " (idx BIGINT PRIMARY KEY, data BYTEA NOT NULL)",
          "CREATE TABLE "
              + sql.nodes()
              + " (level INTEGER NOT NULL, idx BIGINT NOT NULL, hash BYTEA NOT NULL,"
              + " PRIMARY KEY (level, idx))",
          "CREATE TABLE "
              + sql.checkpoints()
              + " (size BIGINT PRIMARY KEY, root BYTEA NOT NULL, note BYTEA NOT NULL)");
    }

    @Override
    String tableExists() {
      // to_regclass resolves the name through the search_path, as unqualified queries do.
      return "SELECT count(*) FROM (SELECT to_regclass(?) AS t) r WHERE r.t IS NOT NULL";
    }

    @Override
    String nodeLookup(String nodes, int count) {
      return "SELECT level, idx, hash FROM "
          + nodes
          + " WHERE (level, idx) IN ("
          + pairs(count)
          + ")";
    }

    @Override
    void lockSchema(SqlSession s, LogSql sql) throws SQLException {
      // Two servers opening the same empty database at once must not both create the tables.
      PreparedStatement p = s.prepare("SELECT pg_advisory_xact_lock(?)");
      p.setLong(1, SCHEMA_LOCK_KEY ^ sql.meta().hashCode());
      p.execute();
    }

    @Override
    void checkDurability(SqlSession s) throws SQLException, StoreException {
      String fsync = show(s, "fsync");
      String synchronousCommit = show(s, "synchronous_commit");
      if (!fsync.equals("on") || synchronousCommit.equals("off")) {
        throw new StoreException(
            Reason.UNAVAILABLE,
            "PostgreSQL runs with fsync="
                + fsync
                + " and synchronous_commit="
                + synchronousCommit
                + ": acknowledged appends could be lost in a crash");
      }
    }

    private static String show(SqlSession s, String setting) throws SQLException {
      try (ResultSet r = s.prepare("SHOW " + setting).executeQuery()) {
        return r.next() ? r.getString(1).toLowerCase(Locale.ROOT) : "";
      }
    }

    @Override
    Reason reasonOf(SQLException e) {
      String state = e.getSQLState() == null ? "" : e.getSQLState();
      if (state.equals("23505")) { // unique_violation
        return Reason.CONFLICT;
      }
      if (state.equals("XX001") || state.equals("XX002")) { // data_corrupted, index_corrupted
        return Reason.CORRUPT;
      }
      return Reason.UNAVAILABLE;
    }

    @Override
    String code(SQLException e) {
      return "SQLState " + e.getSQLState();
    }
  };

  private static final long SCHEMA_LOCK_KEY = 0x436f666665724c67L; // "CofferLg"

  /** The statements that create the log's tables, in order. */
  abstract List<String> createTables(LogSql sql);

  /** A query with one parameter, a table name, that counts 1 if the table exists and 0 if not. */
  abstract String tableExists();

  /**
   * A query for the rows of {@code count} nodes of table {@code nodes} in one round trip, with
   * parameters (level, index) for each node in turn; it returns (level, idx, hash) in any order.
   */
  abstract String nodeLookup(String nodes, int count);

  /** Serialises schema creation with other processes; runs inside the schema transaction. */
  abstract void lockSchema(SqlSession s, LogSql sql) throws SQLException;

  /** Fails unless the database makes commits durable. */
  abstract void checkDurability(SqlSession s) throws SQLException, StoreException;

  /** What one database error means for the caller. */
  abstract Reason reasonOf(SQLException e);

  /** The database's own name for the error, for messages: never the SQL or its values. */
  abstract String code(SQLException e);

  /** What a driver error means, looking through a failed batch to the error behind it. */
  Reason classify(SQLException e) {
    Reason reason = reasonOf(e);
    SQLException next = e.getNextException();
    return reason == Reason.UNAVAILABLE && next != null ? reasonOf(next) : reason;
  }

  /**
   * The store's failure for a driver error during {@code what}: the operation, what the error means
   * and the database's code for it; the driver's message, which may quote SQL or values, stays in
   * the cause.
   */
  StoreException failure(String what, SQLException e) {
    Reason reason = classify(e);
    String meaning =
        switch (reason) {
          case CONFLICT -> "a record with the same key is already stored";
          case CORRUPT -> "the database reports corruption";
          case NOT_FOUND, UNAVAILABLE, OUTCOME_UNKNOWN ->
              "the database is unavailable or refused it";
        };
    return new StoreException(reason, what + " failed: " + meaning + " (" + code(e) + ")", e);
  }

  private static String pairs(int count) {
    StringBuilder b = new StringBuilder(count * 8);
    for (int i = 0; i < count; i++) {
      b.append(i == 0 ? "(?, ?)" : ", (?, ?)");
    }
    return b.toString();
  }
}
