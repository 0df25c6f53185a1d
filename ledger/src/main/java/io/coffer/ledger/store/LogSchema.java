package io.coffer.ledger.store;

import io.coffer.ledger.store.StoreException.Reason;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * Creates a log's tables in an empty database, or checks that existing ones are the version this
 * code reads. Fails closed: tables of another version, or some of the tables missing, are an error,
 * never silently upgraded or recreated empty.
 */
final class LogSchema {

  /** The version of the tables this code reads and writes. */
  static final int VERSION = 1;

  private LogSchema() {}

  /** Runs inside the schema transaction on the writing connection. */
  static void createOrCheck(SqlSession s, SqlDialect dialect, LogSql sql)
      throws SQLException, StoreException {
    dialect.lockSchema(s, sql);
    List<String> tables = List.of(sql.meta(), sql.entries(), sql.nodes(), sql.checkpoints());
    if (!exists(s, dialect, sql.meta())) {
      for (String ddl : dialect.createTables(sql)) {
        s.prepare(ddl).execute();
      }
      PreparedStatement p = s.prepare(sql.insertMeta());
      p.setInt(1, VERSION);
      p.executeUpdate();
      return;
    }
    int version;
    try (ResultSet r = s.prepare(sql.schemaVersion()).executeQuery()) {
      if (!r.next()) {
        throw new StoreException(Reason.CORRUPT, "table " + sql.meta() + " has no row");
      }
      version = r.getInt(1);
    }
    if (version != VERSION) {
      throw new StoreException(
          Reason.CORRUPT,
          "the log tables have schema version "
              + version
              + "; this version of Coffer reads version "
              + VERSION
              + " only");
    }
    for (String table : tables) {
      if (!exists(s, dialect, table)) {
        throw new StoreException(
            Reason.CORRUPT, "table " + table + " is missing from a log of schema " + VERSION);
      }
    }
  }

  private static boolean exists(SqlSession s, SqlDialect dialect, String table)
      throws SQLException {
    PreparedStatement p = s.prepare(dialect.tableExists());
    p.setString(1, table);
    try (ResultSet r = p.executeQuery()) {
      return r.next() && r.getLong(1) > 0;
    }
  }
}
