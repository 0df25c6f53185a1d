package io.coffer.ledger.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coffer.ledger.merkle.Hash;
import io.coffer.ledger.merkle.NodeId;
import io.coffer.ledger.store.StoreException.Reason;
import io.coffer.ledger.testing.DurablePostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The contract on {@link JdbcLogStore} over PostgreSQL: one embedded server for the class, a fresh
 * schema per test. Also what only PostgreSQL has: durability settings, credentials, pools.
 */
class PostgresLogStoreContractTest extends LogStoreContractTest {

  private static DurablePostgres postgres;

  private String schema;

  @BeforeAll
  static void startServer() throws IOException {
    postgres = DurablePostgres.start();
  }

  @AfterAll
  static void stopServer() throws IOException {
    postgres.close();
  }

  @BeforeEach
  void freshSchema() throws SQLException {
    schema = postgres.freshSchema("test_");
  }

  private String url() {
    return postgres.url(schema);
  }

  private static Properties user() {
    return DurablePostgres.user();
  }

  @Override
  protected LogStore openStore() throws StoreException {
    return JdbcLogStore.postgres(url(), user(), "");
  }

  @Override
  protected boolean persistent() {
    return true;
  }

  @Test
  void open_refusesAServerWithoutSynchronousCommit() {
    Properties p = user();
    p.setProperty("options", "-c synchronous_commit=off");

    assertThatThrownBy(() -> JdbcLogStore.postgres(url(), p, ""))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("synchronous_commit=off")
        .extracting(e -> ((StoreException) e).reason())
        .isEqualTo(Reason.UNAVAILABLE);
  }

  @Test
  void open_ofAnUnreachableServer_failsWithoutEchoingCredentials() {
    Properties p = user();
    p.setProperty("password", "hunter2-secret");

    assertThatThrownBy(() -> JdbcLogStore.postgres("jdbc:postgresql://127.0.0.1:1/x", p, ""))
        .isInstanceOf(StoreException.class)
        .satisfies(e -> {
          for (Throwable t = e; t != null; t = t.getCause()) {
            assertThat(String.valueOf(t.getMessage())).doesNotContain("hunter2");
          }
        })
        .extracting(e -> ((StoreException) e).reason())
        .isEqualTo(Reason.UNAVAILABLE);
  }

  @Test
  void open_ofAnotherDatabaseUrl_isRejected() {
    assertThatThrownBy(() -> JdbcLogStore.postgres("jdbc:sqlite:/tmp/x.db", user(), ""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining("/tmp/x.db");
  }

  @Test
  void open_concurrentlyOnAnEmptyDatabase_createsTheTablesOnce() throws Exception {
    int openers = 4;
    CyclicBarrier start = new CyclicBarrier(openers);
    List<CompletableFuture<JdbcLogStore>> opening = new ArrayList<>();
    for (int i = 0; i < openers; i++) {
      opening.add(
          CompletableFuture.supplyAsync(() -> {
            try {
              start.await();
              return JdbcLogStore.postgres(url(), user(), "");
            } catch (Exception e) {
              throw new IllegalStateException(e);
            }
          }));
    }
    List<JdbcLogStore> stores = new ArrayList<>();
    for (var f : opening) {
      stores.add(f.join());
    }
    try {
      stores.getFirst().append(0, List.of(new byte[] {1}), List.of());

      for (JdbcLogStore store : stores) {
        assertThat(store.size()).isEqualTo(1);
      }
    } finally {
      for (JdbcLogStore store : stores) {
        store.close();
      }
    }
  }

  @Test
  void postgres_onTheCallersDataSource_leavesItOpen() throws Exception {
    PGSimpleDataSource dataSource = new PGSimpleDataSource();
    dataSource.setUrl(url());
    dataSource.setUser("postgres");
    byte[] hash = new byte[Hash.SIZE_BYTES];

    try (JdbcLogStore store = JdbcLogStore.postgres(dataSource, "audit_")) {
      store.append(
          0, List.of(new byte[] {1}), List.of(new StoredNode(new NodeId(0, 0), Hash.of(hash))));
      assertThat(store.hashRange(0, 0, 1)).containsExactly(Hash.of(hash));
    }

    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement();
        var r = s.executeQuery("SELECT count(*) FROM audit_log_entries")) {
      r.next();
      assertThat(r.getLong(1)).isEqualTo(1);
    }
  }

  @Test
  void transactions_ofTwoStoresOnOneDatabase_serialiseOnTheSize_andLoseNoUpdate() throws Exception {
    try (JdbcLogStore first = JdbcLogStore.postgres(url(), user(), "");
        JdbcLogStore second = JdbcLogStore.postgres(url(), user(), "")) {
      first.transaction(tx -> {
        tx.prepare("CREATE TABLE counter (id INTEGER PRIMARY KEY, n BIGINT NOT NULL)").execute();
        tx.prepare("INSERT INTO counter VALUES (1, 0)").execute();
        return null;
      });
      int writers = 4;
      int increments = 25;
      List<CompletableFuture<Void>> running = new ArrayList<>();
      for (int w = 0; w < writers; w++) {
        JdbcLogStore store = w % 2 == 0 ? first : second;
        running.add(
            CompletableFuture.runAsync(() -> {
              for (int i = 0; i < increments; i++) {
                try {
                  increment(store);
                } catch (StoreException | SQLException e) {
                  throw new IllegalStateException(e);
                }
              }
            }));
      }
      for (var f : running) {
        f.join();
      }

      long total = (long) writers * increments;
      assertThat(first.size()).isEqualTo(total);
      long counted =
          second.read(s -> {
            try (var r = s.prepare("SELECT n FROM counter").executeQuery()) {
              r.next();
              return r.getLong(1);
            }
          });
      assertThat(counted).isEqualTo(total);
      List<byte[]> entries = first.entries(0, (int) total);
      for (int i = 0; i < total; i++) {
        assertThat(entries.get(i)).as("entry %d", i).isEqualTo(Long.toString(i).getBytes());
      }
    }
  }

  /** Read-modify-write of the counter and one log entry holding the count, in one transaction. */
  private static void increment(JdbcLogStore store) throws StoreException, SQLException {
    store.transaction(tx -> {
      long size = tx.size();
      long n;
      try (var r = tx.prepare("SELECT n FROM counter WHERE id = 1").executeQuery()) {
        r.next();
        n = r.getLong(1);
      }
      var update = tx.prepare("UPDATE counter SET n = ? WHERE id = 1");
      update.setLong(1, n + 1);
      update.executeUpdate();
      tx.append(size, List.of(Long.toString(n).getBytes()), List.of());
      return null;
    });
  }
}
