package io.coffer.cas.store;

import io.coffer.ledger.store.LogTransaction;
import io.coffer.ledger.store.StoreException;
import io.coffer.ledger.store.StoreException.Reason;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * Creates the CAS's tables in a database that has none, or checks that existing ones are the
 * version this code reads. Fails closed: another version, or some tables missing, is an error,
 * never an upgrade or a silent re-creation.
 */
final class CasSchema {

  /** The version of the tables this code reads and writes. */
  static final int VERSION = 1;

  static final String SCHEMA_TABLE = "cas_schema";

  private static final List<String> TABLES =
      List.of(
          SCHEMA_TABLE,
          "cas_meta",
          "cas_policies",
          "cas_policy_versions",
          "cas_proposals",
          "cas_ballots");

  private CasSchema() {}

  /**
   * Runs in a write transaction; takes the log's lock first, so that two processes opening an empty
   * database create the tables once.
   */
  static void createOrCheck(LogTransaction tx, CasDialect dialect)
      throws SQLException, StoreException {
    tx.size();
    if (!exists(tx, dialect, SCHEMA_TABLE)) {
      for (String table : TABLES) {
        if (exists(tx, dialect, table)) {
          throw new StoreException(
              Reason.CORRUPT,
              "table " + table + " exists without " + SCHEMA_TABLE + ": not a CAS store");
        }
      }
      for (String ddl : dialect.createTables()) {
        tx.prepare(ddl).execute();
      }
      PreparedStatement p =
          tx.prepare("INSERT INTO " + SCHEMA_TABLE + " (id, version) VALUES (1, ?)");
      p.setInt(1, VERSION);
      p.executeUpdate();
      return;
    }
    int version;
    try (ResultSet r =
        tx.prepare("SELECT version FROM " + SCHEMA_TABLE + " WHERE id = 1").executeQuery()) {
      if (!r.next()) {
        throw new StoreException(Reason.CORRUPT, "table " + SCHEMA_TABLE + " has no row");
      }
      version = r.getInt(1);
    }
    if (version != VERSION) {
      throw new StoreException(
          Reason.CORRUPT,
          "the CAS tables have schema version "
              + version
              + "; this version of Coffer reads version "
              + VERSION
              + " only");
    }
    for (String table : TABLES) {
      if (!exists(tx, dialect, table)) {
        throw new StoreException(
            Reason.CORRUPT, "table " + table + " is missing from a CAS store of schema " + VERSION);
      }
    }
  }

  private static boolean exists(LogTransaction tx, CasDialect dialect, String table)
      throws SQLException {
    PreparedStatement p = tx.prepare(dialect.tableExists());
    p.setString(1, table);
    try (ResultSet r = p.executeQuery()) {
      return r.next() && r.getLong(1) > 0;
    }
  }
}
