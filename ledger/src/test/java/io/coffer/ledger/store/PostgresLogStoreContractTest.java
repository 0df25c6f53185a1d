package io.coffer.ledger.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coffer.ledger.merkle.Hash;
import io.coffer.ledger.merkle.NodeId;
import io.coffer.ledger.store.StoreException.Reason;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicInteger;
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

  private static final AtomicInteger SCHEMAS = new AtomicInteger();
  private static EmbeddedPostgres postgres;

  private String schema;

  @BeforeAll
  static void startServer() throws IOException {
    // The embedded server turns durability off by default, which the store refuses.
    postgres =
        EmbeddedPostgres.builder()
            .setServerConfig("fsync", "on")
            .setServerConfig("synchronous_commit", "on")
            .setServerConfig("full_page_writes", "on")
            .start();
  }

  @AfterAll
  static void stopServer() throws IOException {
    postgres.close();
  }

  @BeforeEach
  void freshSchema() throws SQLException {
    schema = "test_" + SCHEMAS.incrementAndGet();
    try (Connection c = postgres.getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      s.execute("CREATE SCHEMA " + schema);
    }
  }

  private String url() {
    return "jdbc:postgresql://localhost:"
        + postgres.getPort()
        + "/postgres?currentSchema="
        + schema;
  }

  private static Properties user() {
    Properties p = new Properties();
    p.setProperty("user", "postgres");
    return p;
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
}
