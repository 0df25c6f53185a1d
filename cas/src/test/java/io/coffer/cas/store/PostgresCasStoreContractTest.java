package io.coffer.cas.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.cas.service.CasException;
import io.coffer.cas.service.CasException.Type;
import io.coffer.ledger.log.TreeHeadSigner;
import io.coffer.ledger.store.StoredCheckpoint;
import io.coffer.ledger.testing.DurablePostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract on {@link JdbcCasStore} over PostgreSQL (one embedded server for the class, a fresh
 * schema per test), and two stores with separate pools on one database, as two CAS processes.
 */
class PostgresCasStoreContractTest extends CasStoreContractTest {

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
    schema = postgres.freshSchema("cas_test_");
  }

  private String url() {
    return postgres.url(schema);
  }

  private static Properties user() {
    return DurablePostgres.user();
  }

  @Override
  protected CasStore openStore() throws CasException {
    return JdbcCasStore.postgres(url(), user());
  }

  @Override
  protected boolean persistent() {
    return true;
  }

  private static final TreeHeadSigner SIGNER =
      head -> (head.size() + " " + head.root()).getBytes(StandardCharsets.UTF_8);

  @Test
  void twoStoresOnOneDatabase_loseNoUpdate_leaveNoLedgerGap_andAgreeOnTheCheckpoint()
      throws Exception {
    CasStore first = open();
    CasStore second = open();
    first.write(tx -> {
      tx.insertPolicy(new PolicyRow("shared", "creator", Instant.EPOCH, 1, "v1"));
      return null;
    });
    int writers = 6;
    int advancesPerWriter = 15;
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    Map<Long, Integer> acknowledged = new HashMap<>();
    try {
      List<Future<Map<Long, Integer>>> running = new ArrayList<>();
      for (int w = 0; w < writers; w++) {
        CasStore store = w % 2 == 0 ? first : second;
        running.add(pool.submit(() -> advanceRepeatedly(store, advancesPerWriter)));
      }
      for (Future<Map<Long, Integer>> f : running) {
        for (Map.Entry<Long, Integer> e : f.get().entrySet()) {
          assertThat(acknowledged.put(e.getKey(), e.getValue())).isNull();
        }
      }
    } finally {
      pool.shutdownNow();
    }

    int total = writers * advancesPerWriter;
    // No lost update: every acknowledged advance is a version, and versions are contiguous.
    List<PolicyVersionRow> versions = second.read(tx -> tx.policyVersions("shared"));
    assertThat(versions).hasSize(total);
    for (int i = 0; i < total; i++) {
      PolicyVersionRow v = versions.get(i);
      assertThat(v.version()).isEqualTo(i + 2);
      assertThat(v.predecessor()).contains("v" + (i + 1));
      assertThat(acknowledged.get(v.ledgerIndex())).isEqualTo(v.version());
    }
    int current = first.read(tx -> tx.policy("shared")).orElseThrow().currentVersion();
    assertThat(current).isEqualTo(total + 1);
    // The ledger: entries 0..n-1, each exactly once, matching the acknowledged operations.
    first.ledger().refresh();
    second.ledger().refresh();
    assertThat(first.ledger().size()).isEqualTo(total);
    List<byte[]> entries = first.ledger().entries(0, total);
    for (long i = 0; i < total; i++) {
      assertThat(new String(entries.get((int) i), StandardCharsets.UTF_8))
          .isEqualTo("policy.activated shared " + acknowledged.get(i));
    }
    // Both agree on the checkpoint, whichever records it first.
    StoredCheckpoint a = first.ledger().checkpoint(SIGNER);
    StoredCheckpoint b = second.ledger().checkpoint(head -> new byte[] {1});
    assertThat(b).isEqualTo(a);
    assertThat(a.size()).isEqualTo(total);
    assertThat(second.ledger().head()).isEqualTo(first.ledger().head());
  }

  /** Read-modify-write advances of policy "shared", retried when another writer moved first. */
  private static Map<Long, Integer> advanceRepeatedly(CasStore store, int count)
      throws CasException {
    Map<Long, Integer> mine = new HashMap<>();
    int done = 0;
    while (done < count) {
      try {
        long[] result =
            store.write(tx -> {
              PolicyRow p = tx.policy("shared").orElseThrow();
              int next = p.currentVersion() + 1;
              tx.advancePolicy("shared", p.currentVersion(), next, "v" + next);
              long index =
                  tx.appendEvent(
                      ("policy.activated shared " + next).getBytes(StandardCharsets.UTF_8));
              tx.insertPolicyVersion(
                  new PolicyVersionRow(
                      "shared",
                      next,
                      "v" + next,
                      java.util.Optional.of(p.currentHash()),
                      Instant.EPOCH,
                      java.util.Optional.empty(),
                      index,
                      new byte[] {1}));
              return new long[] {index, next};
            });
        mine.put(result[0], (int) result[1]);
        done++;
      } catch (CasException e) {
        if (e.type() != Type.STALE_PREDECESSOR) {
          throw e;
        }
      }
    }
    return mine;
  }

  @Test
  void postgres_onTheCallersDataSource_sharesItsDatabase() throws Exception {
    org.postgresql.ds.PGSimpleDataSource dataSource = new org.postgresql.ds.PGSimpleDataSource();
    dataSource.setUrl(url());
    dataSource.setUser("postgres");
    CasStore store = open();
    store.write(tx -> tx.appendEvent(new byte[] {1}));

    try (JdbcCasStore other = JdbcCasStore.postgres(dataSource)) {
      assertThat(other.ledger().size()).isEqualTo(1);
      long index = other.write(tx -> tx.appendEvent(new byte[] {2}));
      assertThat(index).isEqualTo(1);
    }
  }

  @Test
  void open_ofAStoreOfSchemaVersion1_addsTheTablesOfVersion2_once() throws Exception {
    CasStore first = open();
    first.write(tx -> {
      tx.insertPolicy(new PolicyRow("alpha", "creator", Instant.EPOCH, 1, "v1"));
      return null;
    });
    first.close();
    // What a store of the first release holds: the tables of version 1 only.
    postgres.execute(
        "DROP TABLE "
            + schema
            + ".cas_secrets, "
            + schema
            + ".cas_volume_tags, "
            + schema
            + ".cas_used_nonces");
    postgres.execute("UPDATE " + schema + ".cas_schema SET version = 1");

    CasStore upgraded = open();
    upgraded.write(tx -> {
      tx.useNonce("n-1", Instant.EPOCH);
      tx.setVolumeTag("alpha", "data", 0, new byte[] {1}, Instant.EPOCH);
      return null;
    });
    upgraded.close();
    CasStore again = open();

    assertThat(again.read(tx -> tx.policy("alpha")).orElseThrow().creator()).isEqualTo("creator");
    assertThat(again.read(tx -> tx.volumeTag("alpha", "data")).orElseThrow().generation())
        .isEqualTo(1);
    try (java.sql.Connection c = java.sql.DriverManager.getConnection(url(), user());
        java.sql.ResultSet r =
            c.createStatement().executeQuery("SELECT version FROM cas_schema WHERE id = 1")) {
      assertThat(r.next()).isTrue();
      assertThat(r.getInt(1)).isEqualTo(2);
    }
  }

  @Test
  void open_ofCasTablesOfAnUnknownSchemaVersion_failsClosed() throws Exception {
    open().close();
    postgres.execute("UPDATE " + schema + ".cas_schema SET version = 3");

    org.assertj.core.api.Assertions.assertThatThrownBy(this::openStore)
        .isInstanceOf(CasException.class)
        .hasMessageContaining("schema version 3");
  }
}
