package io.coffer.ledger.store;

import io.coffer.ledger.store.StoreException.Reason;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
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
  static void createOrCheck(Connection c, SqlDialect dialect, LogSql sql)
      throws SQLException, StoreException {
    dialect.lockSchema(c, sql);
    List<String> tables = List.of(sql.meta(), sql.entries(), sql.nodes(), sql.checkpoints());
    if (!exists(c, dialect, sql.meta())) {
      try (Statement s = c.createStatement()) {
        for (String ddl : dialect.createTables(sql)) {
          s.execute(ddl);
        }
      }
      try (PreparedStatement p = c.prepareStatement(sql.insertMeta())) {
        p.setInt(1, VERSION);
        p.executeUpdate();
      }
      return;
    }
    int version;
    try (PreparedStatement p = c.prepareStatement(sql.schemaVersion());
        ResultSet r = p.executeQuery()) {
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
      if (!exists(c, dialect, table)) {
        throw new StoreException(
            Reason.CORRUPT, "table " + table + " is missing from a log of schema " + VERSION);
      }
    }
  }

  private static boolean exists(Connection c, SqlDialect dialect, String table)
      throws SQLException {
    try (PreparedStatement p = c.prepareStatement(dialect.tableExists())) {
      p.setString(1, table);
      try (ResultSet r = p.executeQuery()) {
        return r.next() && r.getLong(1) > 0;
      }
    }
  }
}
