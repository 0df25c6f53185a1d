package io.coffer.ledger.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coffer.ledger.merkle.CompactRange;
import io.coffer.ledger.merkle.Hash;
import io.coffer.ledger.merkle.NodeId;
import io.coffer.ledger.merkle.TreeHasher;
import io.coffer.ledger.store.StoreException.Reason;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.AbstractThrowableAssert;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What {@link JdbcLogStore} does beyond the {@link LogStore} contract, on SQLite: a database
 * altered behind its back, schema versions, table prefixes, pragmas.
 */
class JdbcLogStoreTest {

  @TempDir Path dir;

  private Path file() {
    return dir.resolve("log.db");
  }

  /** A store holding {@code count} entries and their nodes, closed again. */
  private void writeLog(int count) throws StoreException {
    try (JdbcLogStore store = JdbcLogStore.sqlite(file())) {
      List<byte[]> entries = new ArrayList<>();
      List<StoredNode> nodes = new ArrayList<>();
      CompactRange range = CompactRange.empty();
      for (int i = 0; i < count; i++) {
        byte[] e = ("entry " + i).getBytes(StandardCharsets.UTF_8);
        entries.add(e);
        range.append(TreeHasher.leaf(e), (id, h) -> nodes.add(new StoredNode(id, h)));
      }
      store.append(0, entries, nodes);
      store.putCheckpoint(new StoredCheckpoint(count, range.root(), new byte[] {1}));
    }
  }

  /** Changes the database directly, as whoever holds the file can. */
  private void tamper(String... statements) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file());
        Statement s = c.createStatement()) {
      for (String statement : statements) {
        s.execute(statement);
      }
    }
  }

  private static AbstractThrowableAssert<?, ? extends Throwable> assertFails(
      ThrowingCallable call, Reason reason) {
    AbstractThrowableAssert<?, ? extends Throwable> failure =
        assertThatThrownBy(call).isInstanceOf(StoreException.class);
    failure.satisfies(e -> assertThat(((StoreException) e).reason()).isEqualTo(reason));
    return failure;
  }

  @Test
  void open_ofTablesOfAnUnknownSchemaVersion_failsClosed() throws Exception {
    writeLog(3);
    tamper("UPDATE log_meta SET schema_version = 2");

    assertFails(() -> JdbcLogStore.sqlite(file()), Reason.CORRUPT)
        .hasMessageContaining("schema version 2")
        .hasMessageNotContaining("UPDATE");
  }

  @Test
  void open_ofALogWithATableDropped_failsClosed_ratherThanRecreatingIt() throws Exception {
    writeLog(3);
    tamper("DROP TABLE log_nodes");

    assertFails(() -> JdbcLogStore.sqlite(file()), Reason.CORRUPT)
        .hasMessageContaining("log_nodes is missing");
  }

  @Test
  void open_ofAFileThatIsNotADatabase_fails() throws Exception {
    Files.write(file(), new byte[4096]);
    Files.writeString(file(), "not a database, just some text that fills the header page");

    assertFails(() -> JdbcLogStore.sqlite(file()), Reason.CORRUPT)
        .hasMessageContaining("SQLITE_NOTADB");
  }

  @Test
  void hashes_ofAStoredHashOfTheWrongLength_isCorrupt() throws Exception {
    writeLog(4);
    tamper("UPDATE log_nodes SET hash = substr(hash, 1, 31) WHERE level = 1 AND idx = 1");

    try (JdbcLogStore store = JdbcLogStore.sqlite(file())) {
      assertFails(() -> store.hashes(List.of(new NodeId(1, 1))), Reason.CORRUPT)
          .hasMessageContaining("NodeId[level=1, index=1] has a 31-byte hash");
      assertFails(() -> store.hashRange(1, 0, 2), Reason.CORRUPT);
      assertThat(store.hashes(List.of(new NodeId(1, 0)))).hasSize(1);
    }
  }

  @Test
  void reads_ofDeletedRows_areNotFound_namingTheFirstGap() throws Exception {
    writeLog(8);
    tamper(
        "DELETE FROM log_entries WHERE idx = 5",
        "DELETE FROM log_nodes WHERE level = 0 AND idx = 6");

    try (JdbcLogStore store = JdbcLogStore.sqlite(file())) {
      assertFails(() -> store.entries(2, 6), Reason.NOT_FOUND).hasMessage("entry 5 is not stored");
      assertFails(() -> store.hashRange(0, 0, 8), Reason.NOT_FOUND)
          .hasMessage("node NodeId[level=0, index=6] is not stored");
      assertThat(store.entries(6, 2)).hasSize(2);
    }
  }

  @Test
  void latestCheckpoint_whoseRowWasDeleted_isCorrupt() throws Exception {
    writeLog(2);
    tamper("DELETE FROM log_checkpoints");

    try (JdbcLogStore store = JdbcLogStore.sqlite(file())) {
      assertFails(store::latestCheckpoint, Reason.CORRUPT)
          .hasMessageContaining("at size 2")
          .hasMessageContaining("log_checkpoints");
    }
  }

  @Test
  void latestCheckpoint_withAnAlteredRoot_isCorrupt() throws Exception {
    writeLog(2);
    tamper("UPDATE log_checkpoints SET root = x'00'");

    try (JdbcLogStore store = JdbcLogStore.sqlite(file())) {
      assertFails(store::latestCheckpoint, Reason.CORRUPT).hasMessageContaining("1-byte hash");
    }
  }

  @Test
  void append_onTablesHoldingEntriesPastTheSize_isCorrupt_andWritesNothing() throws Exception {
    writeLog(2);
    tamper("INSERT INTO log_entries (idx, data) VALUES (3, x'01')");

    try (JdbcLogStore store = JdbcLogStore.sqlite(file())) {
      assertFails(
              () -> store.append(2, List.of(new byte[] {2}, new byte[] {3}), List.of()),
              Reason.CORRUPT)
          .hasMessageContaining("past the size 2");
      assertThat(store.size()).isEqualTo(2);
      assertFails(() -> store.entries(2, 1), Reason.NOT_FOUND);
    }
  }

  @Test
  void size_thatWasRolledBack_makesTheNextAppendConflict_notOverwrite() throws Exception {
    writeLog(4);
    tamper("UPDATE log_meta SET size = 2");

    try (JdbcLogStore store = JdbcLogStore.sqlite(file())) {
      Hash replacement = Hash.of(new byte[Hash.SIZE_BYTES]);
      assertFails(
          () ->
              store.append(
                  2,
                  List.of(new byte[] {9}),
                  List.of(new StoredNode(new NodeId(0, 2), replacement))),
          Reason.CORRUPT);
      assertThat(store.entries(2, 1).getFirst())
          .isEqualTo("entry 2".getBytes(StandardCharsets.UTF_8));
      assertThat(store.hashes(List.of(new NodeId(0, 2)))).doesNotContain(replacement);
    }
  }

  @Test
  void tablePrefixes_keepTwoLogsApartInOneDatabase() throws Exception {
    try (JdbcLogStore audit = JdbcLogStore.sqlite(file(), "audit_");
        JdbcLogStore other = JdbcLogStore.sqlite(file(), "other_")) {
      audit.append(0, List.of(new byte[] {1}, new byte[] {2}), List.of());
      other.append(0, List.of(new byte[] {3}), List.of());

      assertThat(audit.size()).isEqualTo(2);
      assertThat(other.size()).isEqualTo(1);
      assertThat(other.entries(0, 1).getFirst()).containsExactly(3);
    }
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file());
        Statement s = c.createStatement();
        ResultSet r =
            s.executeQuery(
                "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name LIKE 'audit_log_%'")) {
      r.next();
      assertThat(r.getInt(1)).isEqualTo(4);
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "x; DROP TABLE log_entries; --",
        "Audit_",
        "1audit",
        "_audit",
        "audit-",
        "audit log",
        "a23456789012345678901234567890123",
        "audit_\n"
      })
  void tablePrefix_thatIsNotAPlainIdentifier_isRejected(String prefix) {
    assertThatThrownBy(() -> JdbcLogStore.sqlite(file(), prefix))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(file()).doesNotExist();
  }

  @Test
  void sqlite_fileNameThatTheDriverWouldReadAsParameters_isRejected() {
    Path file = dir.resolve("log.db?journal_mode=DELETE");

    assertThatThrownBy(() -> JdbcLogStore.sqlite(file))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'?'");
    assertThat(dir).isEmptyDirectory();
  }

  @Test
  void sqlite_keepsItsLogInWalMode() throws Exception {
    writeLog(1);

    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file());
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery("PRAGMA journal_mode")) {
      r.next();
      assertThat(r.getString(1)).isEqualToIgnoringCase("wal");
    }
  }

  @Test
  void reads_doNotWaitForAnotherWritersOpenTransaction() throws Exception {
    writeLog(2);
    try (JdbcLogStore store = JdbcLogStore.sqlite(file());
        Connection other = DriverManager.getConnection("jdbc:sqlite:" + file());
        Statement s = other.createStatement()) {
      s.execute("BEGIN IMMEDIATE");
      s.execute("UPDATE log_meta SET size = 100");

      assertThat(store.size()).isEqualTo(2);
      assertThat(store.entries(0, 2)).hasSize(2);
      s.execute("ROLLBACK");
    }
  }

  /** One entry and the nodes it completes at {@code index}, given the range before it. */
  private static List<StoredNode> nodesOf(CompactRange range, byte[] entry) {
    List<StoredNode> nodes = new ArrayList<>();
    range.append(TreeHasher.leaf(entry), (id, h) -> nodes.add(new StoredNode(id, h)));
    return nodes;
  }

  private static long count(SqlStatements s, String table) throws SQLException {
    try (ResultSet r = s.prepare("SELECT count(*) FROM " + table).executeQuery()) {
      r.next();
      return r.getLong(1);
    }
  }

  @Test
  void transaction_commitsTheApplicationsRowsAndTheAppendTogether() throws Exception {
    try (JdbcLogStore store = JdbcLogStore.sqlite(file())) {
      store.transaction(tx -> {
        tx.prepare("CREATE TABLE app (k TEXT PRIMARY KEY)").execute();
        return null;
      });
      byte[] entry = {7};
      CompactRange range = CompactRange.empty();
      List<StoredNode> nodes = nodesOf(range, entry);

      long size =
          store.transaction(tx -> {
            long before = tx.size();
            tx.prepare("INSERT INTO app (k) VALUES ('a')").executeUpdate();
            tx.append(before, List.of(entry), nodes);
            return tx.size();
          });

      assertThat(size).isEqualTo(1);
      assertThat(store.size()).isEqualTo(1);
      assertThat(store.hashRange(0, 0, 1)).containsExactly(range.root());
      long rows = store.read(s -> count(s, "app"));
      assertThat(rows).isEqualTo(1);
    }
  }

  @Test
  void transaction_whoseWorkThrows_storesNeitherRowsNorEntries() throws Exception {
    try (JdbcLogStore store = JdbcLogStore.sqlite(file())) {
      store.transaction(tx -> {
        tx.prepare("CREATE TABLE app (k TEXT PRIMARY KEY)").execute();
        return null;
      });

      assertFails(
          () ->
              store.transaction(tx -> {
                tx.prepare("INSERT INTO app (k) VALUES ('a')").executeUpdate();
                tx.append(
                    0, List.of(new byte[] {1}), nodesOf(CompactRange.empty(), new byte[] {1}));
                throw new StoreException(Reason.CONFLICT, "the application changed its mind");
              }),
          Reason.CONFLICT);

      assertThat(store.size()).isZero();
      long rows = store.read(s -> count(s, "app"));
      assertThat(rows).isZero();
    }
  }

  @Test
  void transaction_rollbackToASavepoint_undoesOnlyWhatFollowedIt() throws Exception {
    try (JdbcLogStore store = JdbcLogStore.sqlite(file())) {
      store.transaction(tx -> {
        tx.prepare("CREATE TABLE app (k TEXT PRIMARY KEY)").execute();
        return null;
      });
      byte[] entry = {1};

      store.transaction(tx -> {
        tx.prepare("INSERT INTO app (k) VALUES ('kept')").executeUpdate();
        LogTransaction.Savepoint point = tx.savepoint();
        tx.prepare("INSERT INTO app (k) VALUES ('undone')").executeUpdate();
        tx.append(0, List.of(entry), nodesOf(CompactRange.empty(), entry));
        tx.rollbackTo(point);
        tx.release(point);
        assertThat(tx.size()).isZero();
        return null;
      });

      assertThat(store.size()).isZero();
      String kept =
          store.read(s -> {
            try (ResultSet r = s.prepare("SELECT k FROM app").executeQuery()) {
              r.next();
              return r.getString(1);
            }
          });
      assertThat(kept).isEqualTo("kept");
    }
  }

  @Test
  void transaction_appendNotAtTheSize_conflicts_andStoresNothing() throws Exception {
    writeLog(3);
    try (JdbcLogStore store = JdbcLogStore.sqlite(file())) {
      assertFails(
          () ->
              store.transaction(tx -> {
                tx.append(2, List.of(new byte[] {9}), List.of());
                return null;
              }),
          Reason.CONFLICT);

      assertThat(store.size()).isEqualTo(3);
    }
  }

  @Test
  void transaction_keptPastItsWork_isUnusable() throws Exception {
    try (JdbcLogStore store = JdbcLogStore.sqlite(file())) {
      LogTransaction kept = store.transaction(tx -> tx);

      assertThatThrownBy(kept::size).isInstanceOf(IllegalStateException.class);
      assertThatThrownBy(kept::connection).isInstanceOf(IllegalStateException.class);
    }
  }

  @Test
  void transaction_onAClosedStore_isUnavailable() throws Exception {
    JdbcLogStore store = JdbcLogStore.sqlite(file());
    store.close();

    assertFails(() -> store.transaction(LogTransaction::size), Reason.UNAVAILABLE);
    assertFails(() -> store.read(s -> null), Reason.UNAVAILABLE);
  }

  @Test
  void read_seesOneCommittedState_whileAWriterCommits() throws Exception {
    writeLog(2);
    try (JdbcLogStore store = JdbcLogStore.sqlite(file())) {
      long[] sizes =
          store.read(s -> {
            long before = sizeOf(s);
            store.append(2, List.of(new byte[] {3}), List.of());
            return new long[] {before, sizeOf(s)};
          });

      assertThat(sizes).containsExactly(2, 2);
      assertThat(store.size()).isEqualTo(3);
    }
  }

  private static long sizeOf(SqlStatements s) throws SQLException {
    try (ResultSet r = s.prepare("SELECT size FROM log_meta").executeQuery()) {
      r.next();
      return r.getLong(1);
    }
  }
}
