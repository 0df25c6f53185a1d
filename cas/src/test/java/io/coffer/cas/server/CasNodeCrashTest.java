package io.coffer.cas.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.cas.client.CasClient;
import io.coffer.cas.client.CasClientException;
import io.coffer.cas.client.ClientIdentity;
import io.coffer.cas.events.CasStarted;
import io.coffer.cas.events.PolicyCreated;
import io.coffer.cas.http.TestTls;
import io.coffer.cas.service.PolicyVersion;
import io.coffer.cas.service.SelfDescription;
import io.coffer.policy.governance.Identity;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crash safety of a whole CAS process: a CAS in a child JVM is killed with SIGKILL while many HTTPS
 * clients create policies, then started again on the same data directory. It must pass its own
 * rollback check (the sealed checkpoint file is written before every acknowledgement), keep its
 * identity, and hold every write it acknowledged; its ledger must verify and agree with its
 * policies.
 */
class CasNodeCrashTest {

  private static final int CLIENTS = 16;
  private static final int ACKNOWLEDGED_BEFORE_KILL = 300;
  private static final int SIGKILL_STATUS = 128 + 9;
  private static final int READERS = 8;

  @TempDir Path dir;

  private final ClientIdentity alice = TestTls.identity(Identity.Type.ED25519, "alice");

  private static byte[] policy(String name) {
    return ("name: " + name + "\nversion: 1\n").getBytes(StandardCharsets.UTF_8);
  }

  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void killedDuringConcurrentCreates_restarts_withEveryAcknowledgedPolicy_andAVerifyingLedger()
      throws Exception {
    Path data = dir.resolve("data");
    Path measured = Files.writeString(dir.resolve("measured.txt"), "the CAS's code\n");
    Path platform = dir.resolve("platform.pem");

    Map<String, String> acknowledged = new ConcurrentHashMap<>();
    List<String> unexpected = new CopyOnWriteArrayList<>();
    byte[] tlsKey;
    String verifierKey;
    ChildCas first = ChildCas.start(data, platform, measured, dir.resolve("first.err"));
    try {
      SelfDescription self = CasClient.unpinned(first.url()).describe();
      tlsKey = self.tlsPublicKey();
      verifierKey = self.ledgerVerifierKey();
      CountDownLatch enough = new CountDownLatch(ACKNOWLEDGED_BEFORE_KILL);
      AtomicBoolean killed = new AtomicBoolean();
      List<Thread> clients = new ArrayList<>();
      for (int c = 0; c < CLIENTS; c++) {
        CasClient client = CasClient.pinned(first.url(), tlsKey, Optional.of(alice));
        String prefix = "crash/" + c + "/";
        clients.add(
            Thread.ofPlatform()
                .start(() ->
                    createUntilKilled(client, prefix, acknowledged, enough, killed, unexpected)));
      }

      assertThat(enough.await(60, TimeUnit.SECONDS))
          .as(
              "acknowledged before the kill; failures %s; child errors: %s",
              unexpected, first.errors())
          .isTrue();
      killed.set(true);
      assertThat(first.kill()).as("exit status of a SIGKILLed JVM").isEqualTo(SIGKILL_STATUS);
      for (Thread t : clients) {
        t.join(TimeUnit.SECONDS.toMillis(60));
        assertThat(t.isAlive()).isFalse();
      }
    } finally {
      first.close();
    }
    assertThat(unexpected).as("failures before the kill").isEmpty();
    assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(ACKNOWLEDGED_BEFORE_KILL);

    try (ChildCas second = ChildCas.start(data, platform, measured, dir.resolve("second.err"))) {
      // Pinned to the first run's key: the restarted CAS is the same CAS.
      CasClient client = CasClient.pinned(second.url(), tlsKey, Optional.of(alice));

      LedgerAudit audit =
          LedgerAudit.of(client, ChildCas.ORIGIN, verifierKey, dir.resolve("audit"));
      assertThat(audit.of(CasStarted.class)).hasSize(2);
      Map<String, LedgerAudit.Indexed<PolicyCreated>> created = new HashMap<>();
      for (LedgerAudit.Indexed<PolicyCreated> e : audit.of(PolicyCreated.class)) {
        assertThat(created.put(e.event().name(), e))
            .as("created twice: %s", e.event().name())
            .isNull();
        assertThat(e.event().creator()).isEqualTo(alice.key().identity());
      }
      assertThat(audit.events()).hasSize(created.size() + 2);
      for (Map.Entry<String, String> ack : acknowledged.entrySet()) {
        assertThat(created.get(ack.getKey()))
            .as("the creation of acknowledged %s", ack.getKey())
            .isNotNull()
            .extracting(c -> c.event().hash())
            .isEqualTo(ack.getValue());
      }
      // Every creation in the ledger is a readable policy with its hash and entry, and there is no
      // other policy: so every acknowledged policy is readable too.
      assertThat(new HashSet<>(client.list(Optional.of("crash/")))).isEqualTo(created.keySet());
      Map<String, PolicyVersion> read = readAll(client, created.keySet());
      for (LedgerAudit.Indexed<PolicyCreated> c : created.values()) {
        PolicyVersion current = read.get(c.event().name());
        assertThat(current.version()).isEqualTo(1);
        assertThat(current.hash()).isEqualTo(c.event().hash());
        assertThat(current.ledgerIndex()).isEqualTo(c.index());
      }
    }
  }

  /** Reads the current version of each policy, from several threads. */
  private static Map<String, PolicyVersion> readAll(CasClient client, Set<String> names)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(READERS);
    try {
      Map<String, Future<PolicyVersion>> reads = new HashMap<>();
      for (String name : names) {
        reads.put(name, pool.submit(() -> client.read(name, Optional.empty()).current()));
      }
      Map<String, PolicyVersion> out = new HashMap<>();
      for (Map.Entry<String, Future<PolicyVersion>> r : reads.entrySet()) {
        out.put(r.getKey(), r.getValue().get());
      }
      return out;
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * Creates {@code <prefix><n>} for n = 0, 1, ... and records each acknowledged creation, until the
   * CAS is killed. A failure before the kill is unexpected; after it, every call fails.
   */
  private static void createUntilKilled(
      CasClient client,
      String prefix,
      Map<String, String> acknowledged,
      CountDownLatch enough,
      AtomicBoolean killed,
      List<String> unexpected) {
    for (int n = 0; ; n++) {
      String name = prefix + n;
      try {
        PolicyVersion v = client.create(policy(name), List.of());
        acknowledged.put(name, v.hash());
        enough.countDown();
      } catch (CasClientException e) {
        if (!killed.get()) {
          unexpected.add(name + ": " + e.slug() + " " + e.getMessage());
        }
        return;
      }
    }
  }
}
