package io.coffer.cas.store;

import io.coffer.ledger.store.LogTransaction;
import io.coffer.ledger.store.StoreException;
import io.coffer.ledger.store.StoreException.Reason;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Stream;

/**
 * Creates the CAS's tables in a database that has none, or checks that existing ones are the
 * version this code reads. Fails closed: another version, or some tables missing, is an error,
 * never a silent re-creation.
 *
 * <p>The one upgrade: a store of schema version 1 (the first release: its five tables and {@code
 * cas_schema}) gets the tables of version 2 ({@code cas_secrets}, {@code cas_volume_tags}, {@code
 * cas_used_nonces}) and version 2, once, in the same transaction that checked it; the tables of
 * version 1 are not touched. Any other version, or a version-1 store that misses a table of its
 * version or already has one of version 2, stays an error.
 */
final class CasSchema {

  /** The version of the tables this code reads and writes. */
  static final int VERSION = 2;

  /** The only older version this code upgrades from. */
  static final int UPGRADABLE_VERSION = 1;

  static final String SCHEMA_TABLE = "cas_schema";

  private static final List<String> TABLES_OF_VERSION_1 =
      List.of(
          SCHEMA_TABLE,
          "cas_meta",
          "cas_policies",
          "cas_policy_versions",
          "cas_proposals",
          "cas_ballots");

  private static final List<String> TABLES_ADDED_BY_VERSION_2 =
      List.of("cas_secrets", "cas_volume_tags", "cas_used_nonces");

  private static final List<String> TABLES =
      Stream.concat(TABLES_OF_VERSION_1.stream(), TABLES_ADDED_BY_VERSION_2.stream()).toList();

  private CasSchema() {}

  /**
   * Runs in a write transaction; takes the log's lock first, so that two processes opening an empty
   * (or a version-1) database create (or upgrade) the tables once.
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
      execute(tx, dialect.createTables());
      PreparedStatement p =
          tx.prepare("INSERT INTO " + SCHEMA_TABLE + " (id, version) VALUES (1, ?)");
      p.setInt(1, VERSION);
      p.executeUpdate();
      return;
    }
    int version = version(tx);
    if (version == UPGRADABLE_VERSION) {
      upgradeFromVersion1(tx, dialect);
    } else if (version != VERSION) {
      throw new StoreException(
          Reason.CORRUPT,
          "the CAS tables have schema version "
              + version
              + "; this version of Coffer reads version "
              + VERSION
              + " and upgrades version "
              + UPGRADABLE_VERSION
              + " only");
    }
    requireTables(tx, dialect, TABLES, VERSION);
  }

  /** Adds the tables of version 2 to a complete store of version 1, and moves it to version 2. */
  private static void upgradeFromVersion1(LogTransaction tx, CasDialect dialect)
      throws SQLException, StoreException {
    requireTables(tx, dialect, TABLES_OF_VERSION_1, UPGRADABLE_VERSION);
    for (String table : TABLES_ADDED_BY_VERSION_2) {
      if (exists(tx, dialect, table)) {
        throw new StoreException(
            Reason.CORRUPT,
            "table "
                + table
                + " exists in a CAS store of schema "
                + UPGRADABLE_VERSION
                + ": not upgrading it");
      }
    }
    execute(tx, dialect.createTablesOfVersion2());
    PreparedStatement p =
        tx.prepare("UPDATE " + SCHEMA_TABLE + " SET version = ? WHERE id = 1 AND version = ?");
    p.setInt(1, VERSION);
    p.setInt(2, UPGRADABLE_VERSION);
    if (p.executeUpdate() != 1) {
      throw new StoreException(
          Reason.CORRUPT, "the schema version of the CAS tables changed during the upgrade");
    }
  }

  private static int version(LogTransaction tx) throws SQLException, StoreException {
    try (ResultSet r =
        tx.prepare("SELECT version FROM " + SCHEMA_TABLE + " WHERE id = 1").executeQuery()) {
      if (!r.next()) {
        throw new StoreException(Reason.CORRUPT, "table " + SCHEMA_TABLE + " has no row");
      }
      return r.getInt(1);
    }
  }

  private static void requireTables(
      LogTransaction tx, CasDialect dialect, List<String> tables, int version)
      throws SQLException, StoreException {
    for (String table : tables) {
      if (!exists(tx, dialect, table)) {
        throw new StoreException(
            Reason.CORRUPT, "table " + table + " is missing from a CAS store of schema " + version);
      }
    }
  }

  private static void execute(LogTransaction tx, List<String> statements) throws SQLException {
    for (String ddl : statements) {
      tx.prepare(ddl).execute();
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
