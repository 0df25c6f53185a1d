package io.coffer.cas.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.cas.client.CasClient;
import io.coffer.cas.client.CasClientException;
import io.coffer.cas.client.ClientIdentity;
import io.coffer.cas.events.CasStarted;
import io.coffer.cas.events.PolicyActivated;
import io.coffer.cas.events.PolicyCreated;
import io.coffer.cas.http.TestTls;
import io.coffer.cas.identity.TeeMode;
import io.coffer.cas.rollback.CheckpointFile;
import io.coffer.cas.seal.InsecureKeyFileSeal;
import io.coffer.cas.seal.SealType;
import io.coffer.cas.service.PolicyVersion;
import io.coffer.cas.service.Proposal;
import io.coffer.cas.service.ProposalState;
import io.coffer.ledger.checkpoint.CheckpointVerifier;
import io.coffer.ledger.merkle.TreeHead;
import io.coffer.ledger.note.NoteVerifier;
import io.coffer.ledger.testing.DurablePostgres;
import io.coffer.policy.canonical.PolicyHash;
import io.coffer.policy.governance.ApprovalMessage;
import io.coffer.policy.governance.Identity;
import io.coffer.policy.parse.PolicyParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two CAS processes on one PostgreSQL database (they must serve the same state consistently). Two
 * {@link CasNode}s in this JVM, each with its own data directory, connection pool, store writer and
 * listener, take concurrent governance writes: proposals through one, approvals through the other,
 * racing on shared policies. Then: no lost update, a ledger without gap or duplicate that matches
 * the histories, and the same checkpoint from both.
 */
class CasNodeTwoProcessesTest {

  private static final String ORIGIN = "cas.replicated";
  private static final List<String> POLICIES = List.of("shared-a", "shared-b");
  private static final int WORKERS = 8;
  private static final int ATTEMPTS_PER_WORKER = 8;

  private static DurablePostgres postgres;

  @TempDir Path dir;

  private final List<CasNode> nodes = new ArrayList<>();
  private final ClientIdentity alice = TestTls.identity(Identity.Type.ED25519, "alice");

  @BeforeAll
  static void startDatabase() throws IOException {
    postgres = DurablePostgres.start();
  }

  @AfterAll
  static void stopDatabase() throws IOException {
    postgres.close();
  }

  @AfterEach
  void stopNodes() {
    nodes.forEach(CasNode::close);
  }

  private CasNode start(Path data) throws Exception {
    Path measured = dir.resolve("measured.txt");
    if (!Files.exists(measured)) {
      Files.writeString(measured, "the CAS's code\n");
    }
    CasConfig config =
        new CasConfig(
            data,
            "127.0.0.1",
            0,
            StoreKind.POSTGRES,
            Optional.of(postgres.url()),
            DurablePostgres.user(),
            TeeMode.SIMULATION,
            new CasConfig.Simulation(dir.resolve("platform.pem"), List.of(measured)),
            SealType.KEY_FILE,
            1,
            1,
            Optional.empty(),
            ORIGIN,
            List.of(),
            List.of(),
            Duration.ofMinutes(1),
            Optional.empty());
    CasNode node = CasNode.start(config, Clock.systemUTC(), new SecureRandom());
    nodes.add(node);
    return node;
  }

  /**
   * A replica's data directory, provisioned from an existing replica's: the store is shared, the
   * files of the data directory are not. A key-file seal's key file must be present on every
   * replica (it wraps the data key all replicas share). The sealed checkpoint gives the new
   * replica's rollback check its floor: without it a replica refuses a non-empty log, since it
   * cannot tell a new data directory from one whose checkpoint was deleted.
   */
  private static Path provisionReplica(Path from, Path to) throws IOException {
    Files.createDirectory(
        to, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    for (String file : List.of(InsecureKeyFileSeal.FILE_NAME, CheckpointFile.FILE_NAME)) {
      Files.copy(from.resolve(file), to.resolve(file), StandardCopyOption.COPY_ATTRIBUTES);
    }
    return to;
  }

  private static byte[] policy(String name, Optional<String> predecessor, String marker) {
    StringBuilder b = new StringBuilder();
    b.append("name: ").append(name).append("\nversion: 1\n");
    predecessor.ifPresent(p -> b.append("predecessor: \"").append(p).append("\"\n"));
    b.append("secrets:\n  - {name: ").append(marker).append(", kind: ascii, size: 16}\n");
    return b.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static String hash(byte[] yaml) throws Exception {
    return PolicyHash.of(PolicyParser.parse("policy.yaml", yaml));
  }

  /** An activation a client saw acknowledged. */
  private record Activation(String name, String proposal, String hash, String predecessor) {}

  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void concurrentGovernanceThroughTwoNodes_losesNoUpdate_andBothServeTheSameLedger()
      throws Exception {
    CasNode first = start(dir.resolve("a"));
    CasNode second = start(provisionReplica(dir.resolve("a"), dir.resolve("b")));
    assertThat(second.fingerprint()).isEqualTo(first.fingerprint());
    byte[] tlsKey = CasClient.unpinned(first.url()).describe().tlsPublicKey();
    String verifierKey = CasClient.unpinned(second.url()).describe().ledgerVerifierKey();
    List<CasClient> clients =
        List.of(
            CasClient.pinned(first.url(), tlsKey, Optional.of(alice)),
            CasClient.pinned(second.url(), tlsKey, Optional.of(alice)));
    for (String name : POLICIES) {
      clients.get(0).create(policy(name, Optional.empty(), "v1"), List.of());
    }

    List<Activation> acknowledged = new CopyOnWriteArrayList<>();
    AtomicInteger lostRaces = new AtomicInteger();
    CountDownLatch go = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(WORKERS);
    try {
      List<Future<?>> workers = new ArrayList<>();
      for (int w = 0; w < WORKERS; w++) {
        String name = POLICIES.get((w / 2) % POLICIES.size());
        CasClient proposer = clients.get(w % 2);
        CasClient approver = clients.get((w + 1) % 2);
        String worker = "w" + w;
        workers.add(
            pool.submit(() -> {
              go.await();
              govern(name, worker, proposer, approver, acknowledged, lostRaces);
              return null;
            }));
      }
      go.countDown();
      for (Future<?> f : workers) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(acknowledged).isNotEmpty();

    Map<String, List<PolicyVersion>> histories = new HashMap<>();
    for (String name : POLICIES) {
      List<PolicyVersion> history = clients.get(1).history(name);
      assertThat(clients.get(0).history(name)).isEqualTo(history);
      checkNoLostUpdate(name, history, acknowledged, lostRaces.get());
      assertThat(clients.get(0).read(name, Optional.empty()).current())
          .isEqualTo(history.getLast());
      histories.put(name, history);
    }

    // After quiescence both report the same checkpoint, whichever wrote last.
    CheckpointVerifier verifier =
        CheckpointVerifier.forLog(ORIGIN, NoteVerifier.parse(verifierKey), List.of());
    TreeHead head = verifier.verify(clients.get(0).checkpoint()).treeHead();
    assertThat(verifier.verify(clients.get(1).checkpoint()).treeHead()).isEqualTo(head);
    LedgerAudit audit = LedgerAudit.of(clients.get(1), ORIGIN, verifierKey, dir.resolve("audit"));
    assertThat(audit.head()).isEqualTo(head);
    assertThat(LedgerAudit.of(clients.get(0), ORIGIN, verifierKey, dir.resolve("audit-a")))
        .isEqualTo(audit);
    checkLedger(audit, histories, acknowledged);
  }

  /**
   * Proposes the next version of {@code name} through one node and approves it through the other,
   * {@value #ATTEMPTS_PER_WORKER} times. Losing a race to another worker (a stale predecessor, a
   * superseded proposal) is correct behaviour; any other failure fails the test.
   */
  private void govern(
      String name,
      String worker,
      CasClient proposer,
      CasClient approver,
      List<Activation> acknowledged,
      AtomicInteger lostRaces)
      throws Exception {
    for (int attempt = 0; attempt < ATTEMPTS_PER_WORKER; attempt++) {
      PolicyVersion current = proposer.read(name, Optional.empty()).current();
      byte[] next = policy(name, Optional.of(current.hash()), worker + "-" + attempt);
      String hash = hash(next);
      try {
        Proposal proposed = proposer.propose(next, List.of(), Optional.empty());
        assertThat(proposed.state()).isEqualTo(ProposalState.OPEN);
        Proposal approved =
            approver.approve(
                proposed.id(),
                alice.key().approve(ApprovalMessage.of(name, hash, Optional.of(current.hash()))));
        assertThat(approved.state()).isEqualTo(ProposalState.ACTIVATED);
        acknowledged.add(new Activation(name, approved.id(), hash, current.hash()));
      } catch (CasClientException e) {
        if (!Set.of("stale-predecessor", "proposal-closed").contains(e.slug())) {
          throw e;
        }
        lostRaces.incrementAndGet();
      }
    }
  }

  /** Versions 1..n chained by their predecessors; versions 2..n are the acknowledged ones. */
  private static void checkNoLostUpdate(
      String name, List<PolicyVersion> history, List<Activation> acknowledged, int lostRaces) {
    for (int i = 0; i < history.size(); i++) {
      PolicyVersion v = history.get(i);
      assertThat(v.version()).as("%s: versions are contiguous", name).isEqualTo(i + 1);
      assertThat(v.predecessor())
          .as("%s version %d", name, v.version())
          .isEqualTo(i == 0 ? Optional.empty() : Optional.of(history.get(i - 1).hash()));
    }
    Set<Activation> activated = new HashSet<>();
    for (PolicyVersion v : history.subList(1, history.size())) {
      activated.add(
          new Activation(
              name, v.proposal().orElseThrow(), v.hash(), v.predecessor().orElseThrow()));
    }
    Set<Activation> mine = new HashSet<>();
    acknowledged.stream().filter(a -> a.name().equals(name)).forEach(mine::add);
    assertThat(activated)
        .as(
            "%s: the activations in its history are the acknowledged ones (%d races lost)",
            name, lostRaces)
        .isEqualTo(mine);
  }

  /**
   * The ledger: two starts, each creation and activation exactly once, at the index its version
   * names, and nothing else.
   */
  private static void checkLedger(
      LedgerAudit audit, Map<String, List<PolicyVersion>> histories, List<Activation> acks) {
    assertThat(audit.of(CasStarted.class)).hasSize(2);
    int versions = 0;
    for (List<PolicyVersion> history : histories.values()) {
      for (PolicyVersion v : history) {
        versions++;
        if (v.version() == 1) {
          assertThat(audit.events().get((int) v.ledgerIndex()))
              .isInstanceOfSatisfying(
                  PolicyCreated.class,
                  e -> {
                    assertThat(e.name()).isEqualTo(v.name());
                    assertThat(e.hash()).isEqualTo(v.hash());
                  });
        } else {
          assertThat(audit.events().get((int) v.ledgerIndex()))
              .isInstanceOfSatisfying(
                  PolicyActivated.class,
                  e -> {
                    assertThat(e.name()).isEqualTo(v.name());
                    assertThat(e.version()).isEqualTo(v.version());
                    assertThat(e.hash()).isEqualTo(v.hash());
                    assertThat(e.proposal()).isEqualTo(v.proposal().orElseThrow());
                  });
        }
      }
    }
    assertThat(audit.of(PolicyCreated.class)).hasSize(histories.size());
    assertThat(audit.of(PolicyActivated.class))
        .hasSize(acks.size())
        .hasSize(versions - histories.size());
  }
}
