package io.coffer.cas.witness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coffer.ledger.merkle.Hash;
import io.coffer.ledger.merkle.TreeHasher;
import io.coffer.ledger.merkle.TreeHead;
import io.coffer.ledger.witness.WitnessStoreException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteWitnessStateStoreTest {

  private static final String ORIGIN = "cas.example/log";

  @TempDir Path dir;

  private static TreeHead head(long size, String seed) {
    return new TreeHead(size, TreeHasher.leaf(seed.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void latest_ofAnUnknownLog_isEmpty() throws Exception {
    try (SqliteWitnessStateStore store = SqliteWitnessStateStore.open(dir.resolve("w.db"))) {
      assertThat(store.latest(ORIGIN)).isEmpty();
    }
  }

  @Test
  void compareAndSet_fromTheExpectedState_advancesIt_andSurvivesReopening() throws Exception {
    Path file = dir.resolve("w.db");
    try (SqliteWitnessStateStore store = SqliteWitnessStateStore.open(file)) {
      assertThat(store.compareAndSet(ORIGIN, Optional.empty(), head(5, "a"))).isTrue();
      assertThat(store.compareAndSet(ORIGIN, Optional.of(head(5, "a")), head(9, "b"))).isTrue();
    }
    try (SqliteWitnessStateStore reopened = SqliteWitnessStateStore.open(file)) {
      assertThat(reopened.latest(ORIGIN)).contains(head(9, "b"));
      assertThat(reopened.latest("other.example/log")).isEmpty();
    }
  }

  @Test
  void compareAndSet_fromAStaleState_changesNothing() throws Exception {
    try (SqliteWitnessStateStore store = SqliteWitnessStateStore.open(dir.resolve("w.db"))) {
      store.compareAndSet(ORIGIN, Optional.empty(), head(5, "a"));

      assertThat(store.compareAndSet(ORIGIN, Optional.empty(), head(7, "x"))).isFalse();
      assertThat(store.compareAndSet(ORIGIN, Optional.of(head(5, "other root")), head(7, "x")))
          .isFalse();
      assertThat(store.latest(ORIGIN)).contains(head(5, "a"));
    }
  }

  @Test
  void compareAndSet_toASmallerTree_isRefused() throws Exception {
    try (SqliteWitnessStateStore store = SqliteWitnessStateStore.open(dir.resolve("w.db"))) {
      store.compareAndSet(ORIGIN, Optional.empty(), head(5, "a"));

      assertThatThrownBy(() -> store.compareAndSet(ORIGIN, Optional.of(head(5, "a")), head(4, "a")))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("never shrinks");
      assertThat(store.latest(ORIGIN)).contains(head(5, "a"));
    }
  }

  @Test
  void concurrentCompareAndSet_fromOneState_advancesItOnce() throws Exception {
    Path file = dir.resolve("w.db");
    try (SqliteWitnessStateStore a = SqliteWitnessStateStore.open(file);
        SqliteWitnessStateStore b = SqliteWitnessStateStore.open(file)) {
      a.compareAndSet(ORIGIN, Optional.empty(), head(1, "start"));
      ExecutorService pool = Executors.newFixedThreadPool(4);
      try {
        List<Future<Boolean>> results = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
          SqliteWitnessStateStore store = i % 2 == 0 ? a : b;
          TreeHead next = head(2 + i, "n" + i);
          Callable<Boolean> cas =
              () -> store.compareAndSet(ORIGIN, Optional.of(head(1, "start")), next);
          results.add(pool.submit(cas));
        }
        int won = 0;
        for (Future<Boolean> r : results) {
          won += r.get() ? 1 : 0;
        }
        assertThat(won).isEqualTo(1);
      } finally {
        pool.shutdownNow();
      }
    }
  }

  @Test
  void open_aDatabaseOfAnotherSchemaVersion_fails() throws Exception {
    Path file = dir.resolve("w.db");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement()) {
      s.execute("PRAGMA user_version = 7");
    }

    assertThatThrownBy(() -> SqliteWitnessStateStore.open(file))
        .isInstanceOf(WitnessStoreException.class)
        .hasMessageContaining("schema version 7");
  }

  @Test
  void latest_ofACorruptRow_failsRatherThanReturningAState() throws Exception {
    Path file = dir.resolve("w.db");
    SqliteWitnessStateStore.open(file).close();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement()) {
      // A row written by hand, without the table's checks.
      s.execute("PRAGMA ignore_check_constraints = ON");
      s.execute("INSERT INTO witness_state VALUES ('" + ORIGIN + "', 3, x'0102')");
    }

    try (SqliteWitnessStateStore store = SqliteWitnessStateStore.open(file)) {
      assertThatThrownBy(() -> store.latest(ORIGIN))
          .isInstanceOf(WitnessStoreException.class)
          .hasMessageContaining("corrupt");
    }
  }

  @Test
  void treeHead_keepsTheRootBytesExactly() throws Exception {
    Hash root = Hash.of(new byte[32]);
    try (SqliteWitnessStateStore store = SqliteWitnessStateStore.open(dir.resolve("w.db"))) {
      store.compareAndSet(ORIGIN, Optional.empty(), new TreeHead(0, root));
      assertThat(store.latest(ORIGIN)).contains(new TreeHead(0, root));
    }
  }
}
