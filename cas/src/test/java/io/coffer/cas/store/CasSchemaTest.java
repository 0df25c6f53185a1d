package io.coffer.cas.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coffer.cas.service.CasException;
import io.coffer.ledger.log.Ledger;
import io.coffer.ledger.log.LedgerOptions;
import io.coffer.ledger.store.JdbcLogStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CAS tables' schema on SQLite: created at version 2, a store of the first release (version 1)
 * upgraded in place once, everything else refused without a change.
 */
class CasSchemaTest {

  /**
   * The tables of schema version 1 on SQLite, as the first release created them: a frozen copy, so
   * that the upgrade is tested against what exists in the field, not against today's code.
   */
  private static final List<String> VERSION_1_DDL =
      List.of(
          "CREATE TABLE cas_schema (id INTEGER PRIMARY KEY CHECK (id = 1), version INTEGER NOT"
              + " NULL)",
          "CREATE TABLE cas_meta (k TEXT PRIMARY KEY, v BLOB NOT NULL)",
          "CREATE TABLE cas_policies (name TEXT PRIMARY KEY, creator TEXT NOT NULL, created_at"
              + " INTEGER NOT NULL, current_version INTEGER NOT NULL, current_hash TEXT NOT NULL)",
          "CREATE TABLE cas_policy_versions (name TEXT NOT NULL, version INTEGER NOT NULL, hash"
              + " TEXT NOT NULL, predecessor TEXT, activated_at INTEGER NOT NULL, proposal TEXT,"
              + " ledger_index INTEGER NOT NULL, body BLOB NOT NULL, PRIMARY KEY (name, version))",
          "CREATE TABLE cas_proposals (id TEXT PRIMARY KEY, seq INTEGER NOT NULL UNIQUE, name"
              + " TEXT NOT NULL, hash TEXT NOT NULL, predecessor TEXT NOT NULL, proposer TEXT NOT"
              + " NULL, created_at INTEGER NOT NULL, expires_at INTEGER NOT NULL, state TEXT NOT"
              + " NULL, closed_at INTEGER, body BLOB NOT NULL)",
          "CREATE INDEX cas_proposals_by_name ON cas_proposals (name, seq)",
          "CREATE INDEX cas_proposals_open ON cas_proposals (name, state, seq)",
          "CREATE TABLE cas_ballots (proposal_id TEXT NOT NULL, voter TEXT NOT NULL, seq INTEGER"
              + " NOT NULL UNIQUE, approve INTEGER NOT NULL CHECK (approve IN (0, 1)), at INTEGER"
              + " NOT NULL, approval BLOB, reason TEXT, ledger_index INTEGER NOT NULL, PRIMARY"
              + " KEY (proposal_id, voter))",
          "INSERT INTO cas_schema (id, version) VALUES (1, 1)");

  @TempDir Path dir;

  private Path file() {
    return dir.resolve("cas.db");
  }

  /** A store as the first release left it: its tables, a policy and one ledger entry. */
  private void createVersion1Store() throws Exception {
    try (JdbcLogStore log = JdbcLogStore.sqlite(file())) {
      log.transaction(tx -> {
        for (String sql : VERSION_1_DDL) {
          tx.prepare(sql).execute();
        }
        tx.prepare(
                "INSERT INTO cas_policies (name, creator, created_at, current_version,"
                    + " current_hash) VALUES ('alpha', 'creator', 0, 1, 'hash-1')")
            .execute();
        return null;
      });
      Ledger ledger = Ledger.open(log, LedgerOptions.defaults());
      try {
        ledger.append(bytes("policy.created alpha")).join();
      } finally {
        ledger.close();
      }
    }
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private void execute(String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file());
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  private int storedVersion() throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file());
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT version FROM cas_schema WHERE id = 1")) {
      assertThat(r.next()).isTrue();
      return r.getInt(1);
    }
  }

  private boolean tableExists(String table) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file());
        Statement s = c.createStatement();
        ResultSet r =
            s.executeQuery(
                "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '"
                    + table
                    + "'")) {
      return r.next() && r.getInt(1) == 1;
    }
  }

  private void assertOpenFails(String message) {
    assertThatThrownBy(() -> JdbcCasStore.sqlite(file()).close())
        .isInstanceOf(CasException.class)
        .hasMessageContaining(message);
  }

  @Test
  void open_emptyDatabase_createsSchemaVersion2() throws Exception {
    JdbcCasStore.sqlite(file()).close();

    assertThat(storedVersion()).isEqualTo(2);
    for (String table : List.of("cas_secrets", "cas_volume_tags", "cas_used_nonces")) {
      assertThat(tableExists(table)).as(table).isTrue();
    }
  }

  @Test
  void open_version1Store_upgradesItInPlace_keepingItsRowsAndLedger() throws Exception {
    createVersion1Store();

    try (JdbcCasStore store = JdbcCasStore.sqlite(file())) {
      assertThat(store.read(tx -> tx.policy("alpha")).orElseThrow().creator()).isEqualTo("creator");
      assertThat(store.ledger().entries(0, 1)).containsExactly(bytes("policy.created alpha"));
      long index =
          store.write(tx -> {
            tx.insertSecret(new SecretRow("alpha", "k", 1, "ascii", bytes("c"), Instant.EPOCH));
            tx.setVolumeTag("alpha", "data", 0, bytes("t"), Instant.EPOCH);
            tx.useNonce("n-1", Instant.EPOCH);
            return tx.appendEvent(bytes("next"));
          });
      assertThat(index).isEqualTo(1);
      assertThat(store.<Optional<SecretRow>>read(tx -> tx.latestSecret("alpha", "k"))).isPresent();
      assertThat(store.<Optional<VolumeTagRow>>read(tx -> tx.volumeTag("alpha", "data")))
          .isPresent();
    }

    assertThat(storedVersion()).isEqualTo(2);
  }

  @Test
  void open_upgradedStoreAgain_isVersion2AndKeepsTheNewRows() throws Exception {
    createVersion1Store();
    try (JdbcCasStore store = JdbcCasStore.sqlite(file())) {
      store.write(tx -> {
        tx.useNonce("n-1", Instant.EPOCH);
        return null;
      });
    }

    try (JdbcCasStore store = JdbcCasStore.sqlite(file())) {
      assertThatThrownBy(() ->
              store.write(tx -> {
                tx.useNonce("n-1", Instant.EPOCH);
                return null;
              }))
          .isInstanceOf(CasException.class);
    }
    assertThat(storedVersion()).isEqualTo(2);
  }

  @Test
  void open_version1StoreMissingATable_failsClosed_andIsLeftAsItWas() throws Exception {
    createVersion1Store();
    execute("DROP TABLE cas_ballots");

    assertOpenFails("table cas_ballots is missing from a CAS store of schema 1");

    assertThat(storedVersion()).isEqualTo(1);
    assertThat(tableExists("cas_secrets")).isFalse();
  }

  @Test
  void open_version1StoreThatHasATableOfVersion2_failsClosed_andIsLeftAsItWas() throws Exception {
    createVersion1Store();
    execute("CREATE TABLE cas_used_nonces (nonce_id TEXT PRIMARY KEY, expires_at INTEGER)");

    assertOpenFails("table cas_used_nonces exists in a CAS store of schema 1");

    assertThat(storedVersion()).isEqualTo(1);
    assertThat(tableExists("cas_secrets")).isFalse();
  }

  @Test
  void open_version2StoreMissingATableOfVersion2_failsClosed() throws Exception {
    JdbcCasStore.sqlite(file()).close();
    execute("DROP TABLE cas_volume_tags");

    assertOpenFails("table cas_volume_tags is missing from a CAS store of schema 2");
  }

  @Test
  void open_storeOfAnotherVersion_failsClosed() throws Exception {
    for (int version : List.of(0, 3)) {
      JdbcCasStore.sqlite(file()).close();
      execute("UPDATE cas_schema SET version = " + version);

      assertOpenFails("schema version " + version);

      assertThat(storedVersion()).isEqualTo(version);
      execute("UPDATE cas_schema SET version = 2");
    }
  }
}
