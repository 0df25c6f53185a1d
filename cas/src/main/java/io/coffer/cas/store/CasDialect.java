package io.coffer.cas.store;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * What differs between the databases a {@link JdbcCasStore} runs on: column types, how a table's
 * existence is asked, and the database's own name for an error. The statements on rows are the same
 * text on both (standard SQL with {@code ON CONFLICT}, which SQLite 3.24+ and PostgreSQL 9.5+
 * share).
 */
enum CasDialect {
  SQLITE("TEXT", "INTEGER", "BLOB") {
    @Override
    String tableExists() {
      return "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?";
    }

    @Override
    String code(SQLException e) {
      return "SQLite code " + e.getErrorCode();
    }
  },

  POSTGRES("TEXT COLLATE \"C\"", "BIGINT", "BYTEA") {
    @Override
    String tableExists() {
      return "SELECT count(*) FROM (SELECT to_regclass(?) AS t) r WHERE r.t IS NOT NULL";
    }

    @Override
    String code(SQLException e) {
      return "SQLState " + e.getSQLState();
    }
  };

  private final String text;
  private final String int64;
  private final String bytes;

  /**
   * @param text text columns; on PostgreSQL in the "C" collation, so that names sort by code point
   *     as on SQLite and a prefix is a contiguous range
   * @param int64 integers: versions, timestamps in epoch microseconds, ledger indices
   * @param bytes opaque bytes: metadata values and barrier ciphertexts
   */
  CasDialect(String text, String int64, String bytes) {
    this.text = text;
    this.int64 = int64;
    this.bytes = bytes;
  }

  /** The statements that create the CAS's tables of the current schema, in order. */
  List<String> createTables() {
    List<String> all = new ArrayList<>(createTablesOfVersion1());
    all.addAll(createTablesOfVersion2());
    return all;
  }

  /** The statements that created the tables of schema version 1 (the first release), in order. */
  List<String> createTablesOfVersion1() {
    return List.of(
        "CREATE TABLE "
            + CasSchema.SCHEMA_TABLE
            + " (id INTEGER PRIMARY KEY CHECK (id = 1), version INTEGER NOT NULL)",
        "CREATE TABLE cas_meta (k " + text + " PRIMARY KEY, v " + bytes + " NOT NULL)",
        "CREATE TABLE cas_policies (name "
            + text
            + " PRIMARY KEY, creator "
            + text
            + " NOT NULL, created_at "
            + int64
            + " NOT NULL, current_version INTEGER NOT NULL, current_hash "
            + text
            + " NOT NULL)",
        "CREATE TABLE cas_policy_versions (name "
            + text
            + " NOT NULL, version INTEGER NOT NULL, hash "
            + text
            + " NOT NULL, predecessor "
            + text
            + ", activated_at "
            + int64
            + " NOT NULL, proposal "
            + text
            + ", ledger_index "
            + int64
            + " NOT NULL, body "
            + bytes
            + " NOT NULL, PRIMARY KEY (name, version))",
        "CREATE TABLE cas_proposals (id "
            + text
            + " PRIMARY KEY, seq "
            + int64
            + " NOT NULL UNIQUE, name "
            + text
            + " NOT NULL, hash "
            + text
            + " NOT NULL, predecessor "
            + text
            + " NOT NULL, proposer "
            + text
            + " NOT NULL, created_at "
            + int64
            + " NOT NULL, expires_at "
            + int64
            + " NOT NULL, state "
            + text
            + " NOT NULL, closed_at "
            + int64
            + ", body "
            + bytes
            + " NOT NULL)",
        "CREATE INDEX cas_proposals_by_name ON cas_proposals (name, seq)",
        "CREATE INDEX cas_proposals_open ON cas_proposals (name, state, seq)",
        "CREATE TABLE cas_ballots (proposal_id "
            + text
            + " NOT NULL, voter "
            + text
            + " NOT NULL, seq "
            + int64
            + " NOT NULL UNIQUE, approve INTEGER NOT NULL CHECK (approve IN (0, 1)), at "
            + int64
            + " NOT NULL, approval "
            + bytes
            + ", reason "
            + text
            + ", ledger_index "
            + int64
            + " NOT NULL, PRIMARY KEY (proposal_id, voter))");
  }

  /**
   * The statements that create the tables schema version 2 adds, in order: a new store runs them
   * after those of version 1, and so does the upgrade of a version-1 store.
   */
  List<String> createTablesOfVersion2() {
    return List.of(
        "CREATE TABLE cas_secrets (policy "
            + text
            + " NOT NULL, name "
            + text
            + " NOT NULL, version INTEGER NOT NULL CHECK (version >= 1), kind "
            + text
            + " NOT NULL, created_at "
            + int64
            + " NOT NULL, body "
            + bytes
            + " NOT NULL, PRIMARY KEY (policy, name, version))",
        "CREATE TABLE cas_volume_tags (policy "
            + text
            + " NOT NULL, volume "
            + text
            + " NOT NULL, generation "
            + int64
            + " NOT NULL CHECK (generation >= 1), tag "
            + bytes
            + " NOT NULL, updated_at "
            + int64
            + " NOT NULL, PRIMARY KEY (policy, volume))",
        "CREATE TABLE cas_used_nonces (nonce_id "
            + text
            + " PRIMARY KEY, expires_at "
            + int64
            + " NOT NULL)",
        // The purge deletes by expiry: a range of this index, not a scan of every used nonce.
        "CREATE INDEX cas_used_nonces_by_expiry ON cas_used_nonces (expires_at)");
  }

  /** A query with one parameter, a table name, that counts 1 if the table exists and 0 if not. */
  abstract String tableExists();

  /** The database's own name for the error, for messages: never the SQL or its values. */
  abstract String code(SQLException e);
}
