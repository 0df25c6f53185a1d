package io.coffer.cas.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.coffer.cas.service.CasException;
import io.coffer.cas.service.CasException.Type;
import io.coffer.cas.service.ProposalState;
import io.coffer.ledger.merkle.CompactRange;
import io.coffer.ledger.merkle.TreeHasher;
import io.coffer.ledger.merkle.TreeHead;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The {@link CasStore} contract, run against every implementation. A subclass says how to open the
 * store under test and whether its data outlives {@link CasStore#close()}.
 */
public abstract class CasStoreContractTest {

  /**
   * Opens the store under test: the first call of a test an empty one; for a {@link #persistent()}
   * store, later calls of the same test the same storage again (after the earlier one closed).
   */
  protected abstract CasStore openStore() throws Exception;

  /** Whether the data survives {@link CasStore#close()}. */
  protected abstract boolean persistent();

  /** Timestamps the tests write: the store keeps microseconds. */
  private static final Instant T0 = Instant.parse("2025-05-01T10:15:30.123456Z");

  private final List<CasStore> opened = new ArrayList<>();

  protected final CasStore open() throws Exception {
    CasStore store = openStore();
    opened.add(store);
    return store;
  }

  @AfterEach
  void closeStores() throws Exception {
    for (CasStore store : opened) {
      store.close();
    }
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static PolicyRow policy(String name) {
    return new PolicyRow(name, "creator-" + name, T0, 1, "hash-1");
  }

  private static PolicyVersionRow version(String name, int version, long ledgerIndex) {
    return new PolicyVersionRow(
        name,
        version,
        "hash-" + version,
        version == 1 ? Optional.empty() : Optional.of("hash-" + (version - 1)),
        T0.plusSeconds(version),
        version == 1 ? Optional.empty() : Optional.of("proposal-" + version),
        ledgerIndex,
        bytes("ciphertext of " + name + "@" + version));
  }

  private static ProposalRow proposal(String id, String name) {
    return new ProposalRow(
        id,
        name,
        "hash-2",
        "hash-1",
        "proposer",
        T0,
        T0.plusSeconds(3600),
        ProposalState.OPEN,
        Optional.empty(),
        bytes("ciphertext of " + id));
  }

  private static void assertRefused(ThrowingCallable call, Type type) {
    assertThatThrownBy(call)
        .isInstanceOf(CasException.class)
        .satisfies(e -> assertThat(((CasException) e).type()).isEqualTo(type));
  }

  private static Optional<byte[]> readMeta(CasStore store, String key) throws CasException {
    return store.read(tx -> tx.meta(key));
  }

  private static Optional<PolicyRow> readPolicy(CasStore store, String name) throws CasException {
    return store.read(tx -> tx.policy(name));
  }

  private static List<String> readNames(CasStore store, String prefix, int limit)
      throws CasException {
    return store.read(tx -> tx.policyNames(prefix, limit));
  }

  private static Optional<PolicyVersionRow> readVersion(CasStore store, String name, int version)
      throws CasException {
    return store.read(tx -> tx.policyVersion(name, version));
  }

  private static List<PolicyVersionRow> readVersions(CasStore store, String name)
      throws CasException {
    return store.read(tx -> tx.policyVersions(name));
  }

  private static Optional<ProposalRow> readProposal(CasStore store, String id) throws CasException {
    return store.read(tx -> tx.proposal(id));
  }

  private static List<ProposalRow> readProposals(CasStore store, String name) throws CasException {
    return store.read(tx -> tx.proposals(name));
  }

  private static List<ProposalRow> readOpenProposals(CasStore store, String name)
      throws CasException {
    return store.read(tx -> tx.openProposals(name));
  }

  private static List<BallotRow> readBallots(CasStore store, String id) throws CasException {
    return store.read(tx -> tx.ballots(id));
  }

  @Test
  void meta_isAbsentUntilPut_andPutReplacesIt() throws Exception {
    CasStore store = open();

    assertThat(readMeta(store, "data-key")).isEmpty();
    store.write(tx -> {
      tx.putMeta("data-key", bytes("wrapped 1"));
      return null;
    });
    store.write(tx -> {
      tx.putMeta("data-key", bytes("wrapped 2"));
      return null;
    });

    assertThat(readMeta(store, "data-key"))
        .hasValueSatisfying(v -> assertThat(v).isEqualTo(bytes("wrapped 2")));
  }

  @Test
  void policy_insertedIsReadBack_andASecondOfTheSameNameAlreadyExists() throws Exception {
    CasStore store = open();
    store.write(tx -> {
      tx.insertPolicy(policy("alpha"));
      return null;
    });

    assertThat(readPolicy(store, "alpha")).contains(policy("alpha"));
    assertThat(readPolicy(store, "beta")).isEmpty();
    assertRefused(
        () ->
            store.write(tx -> {
              tx.insertPolicy(new PolicyRow("alpha", "intruder", T0, 7, "other"));
              return null;
            }),
        Type.ALREADY_EXISTS);
    assertThat(readPolicy(store, "alpha")).contains(policy("alpha"));
  }

  @Test
  void policyNames_areThoseWithThePrefix_inNameOrder_upToTheLimit() throws Exception {
    CasStore store = open();
    store.write(tx -> {
      for (String name : List.of("team/b", "team/a", "teams", "tea", "team/c", "other")) {
        tx.insertPolicy(policy(name));
      }
      return null;
    });

    assertThat(readNames(store, "team/", 10)).containsExactly("team/a", "team/b", "team/c");
    assertThat(readNames(store, "team/", 2)).containsExactly("team/a", "team/b");
    assertThat(readNames(store, "", 100))
        .containsExactly("other", "tea", "team/a", "team/b", "team/c", "teams");
    assertThat(readNames(store, "zzz", 10)).isEmpty();
  }

  @Test
  void advancePolicy_movesFromTheExpectedVersionOnly() throws Exception {
    CasStore store = open();
    store.write(tx -> {
      tx.insertPolicy(policy("alpha"));
      return null;
    });

    store.write(tx -> {
      tx.advancePolicy("alpha", 1, 2, "hash-2");
      return null;
    });

    assertThat(readPolicy(store, "alpha"))
        .hasValueSatisfying(p -> {
          assertThat(p.currentVersion()).isEqualTo(2);
          assertThat(p.currentHash()).isEqualTo("hash-2");
        });
    assertRefused(
        () ->
            store.write(tx -> {
              tx.advancePolicy("alpha", 1, 2, "hash-2b");
              return null;
            }),
        Type.STALE_PREDECESSOR);
    assertRefused(
        () ->
            store.write(tx -> {
              tx.advancePolicy("missing", 1, 2, "h");
              return null;
            }),
        Type.NOT_FOUND);
    assertThat(readPolicy(store, "alpha").orElseThrow().currentHash()).isEqualTo("hash-2");
  }

  @Test
  void policyVersions_areReadBackOldestFirst_andNeverOverwritten() throws Exception {
    CasStore store = open();
    store.write(tx -> {
      tx.insertPolicy(policy("alpha"));
      tx.insertPolicyVersion(version("alpha", 2, 5));
      tx.insertPolicyVersion(version("alpha", 1, 4));
      return null;
    });

    PolicyVersionRow read = readVersion(store, "alpha", 2).orElseThrow();
    assertThat(read).usingRecursiveComparison().isEqualTo(version("alpha", 2, 5));
    assertThat(read.body()).isEqualTo(version("alpha", 2, 5).body());
    assertThat(readVersion(store, "alpha", 1).orElseThrow().predecessor()).isEmpty();
    assertThat(readVersions(store, "alpha"))
        .extracting(PolicyVersionRow::version)
        .containsExactly(1, 2);
    assertThat(readVersion(store, "alpha", 3)).isEmpty();
    assertRefused(
        () ->
            store.write(tx -> {
              tx.insertPolicyVersion(version("alpha", 2, 9));
              return null;
            }),
        Type.INTERNAL);
    assertThat(readVersion(store, "alpha", 2).orElseThrow().ledgerIndex()).isEqualTo(5);
  }

  @Test
  void proposals_areReadBackNewestFirst_andCloseOnce() throws Exception {
    CasStore store = open();
    store.write(tx -> {
      tx.insertProposal(proposal("p1", "alpha"));
      tx.insertProposal(proposal("p2", "alpha"));
      tx.insertProposal(proposal("p3", "beta"));
      return null;
    });

    assertThat(readProposals(store, "alpha"))
        .extracting(ProposalRow::id)
        .containsExactly("p2", "p1");
    assertThat(readOpenProposals(store, "alpha"))
        .extracting(ProposalRow::id)
        .containsExactly("p2", "p1");
    ProposalRow p1 = readProposal(store, "p1").orElseThrow();
    assertThat(p1).usingRecursiveComparison().isEqualTo(proposal("p1", "alpha"));

    Instant closedAt = T0.plusSeconds(60);
    store.write(tx -> {
      tx.closeProposal("p1", ProposalState.REJECTED, closedAt);
      return null;
    });

    ProposalRow closed = readProposal(store, "p1").orElseThrow();
    assertThat(closed.state()).isEqualTo(ProposalState.REJECTED);
    assertThat(readOpenProposals(store, "alpha")).extracting(ProposalRow::id).containsExactly("p2");
    assertThat(readOpenProposals(store, "beta")).extracting(ProposalRow::id).containsExactly("p3");
    assertThat(closed.closedAt()).contains(closedAt);
    for (ProposalState again : List.of(ProposalState.ACTIVATED, ProposalState.WITHDRAWN)) {
      assertRefused(
          () ->
              store.write(tx -> {
                tx.closeProposal("p1", again, closedAt);
                return null;
              }),
          Type.PROPOSAL_CLOSED);
    }
    assertRefused(
        () ->
            store.write(tx -> {
              tx.closeProposal("p9", ProposalState.EXPIRED, closedAt);
              return null;
            }),
        Type.NOT_FOUND);
    assertThat(readProposal(store, "p1").orElseThrow().state()).isEqualTo(ProposalState.REJECTED);
    assertRefused(
        () ->
            store.write(tx -> {
              tx.insertProposal(proposal("p2", "gamma"));
              return null;
            }),
        Type.INTERNAL);
  }

  @Test
  void ballots_areReadBackInTheOrderRecorded_oneVotePerVoter() throws Exception {
    CasStore store = open();
    BallotRow approve =
        new BallotRow(
            "p1", "zed", true, T0, Optional.of(bytes("{\"sig\":1}")), Optional.empty(), 3);
    BallotRow reject =
        new BallotRow(
            "p1", "amy", false, T0.plusSeconds(1), Optional.empty(), Optional.of("no"), 4);
    store.write(tx -> {
      tx.insertProposal(proposal("p1", "alpha"));
      tx.insertBallot(approve);
      tx.insertBallot(reject);
      return null;
    });

    List<BallotRow> ballots = readBallots(store, "p1");
    assertThat(ballots).hasSize(2);
    assertThat(ballots.get(0)).usingRecursiveComparison().isEqualTo(approve);
    assertThat(ballots.get(0).approval().orElseThrow()).isEqualTo(bytes("{\"sig\":1}"));
    assertThat(ballots.get(1)).usingRecursiveComparison().isEqualTo(reject);
    assertRefused(
        () ->
            store.write(tx -> {
              tx.insertBallot(
                  new BallotRow("p1", "zed", false, T0, Optional.empty(), Optional.empty(), 9));
              return null;
            }),
        Type.ALREADY_EXISTS);
    assertThat(readBallots(store, "p1")).hasSize(2);
    assertThat(readBallots(store, "p2")).isEmpty();
  }

  @Test
  void appendEvent_returnsContiguousIndices_andTheLedgerFollows() throws Exception {
    CasStore store = open();

    long first = store.write(tx -> tx.appendEvent(bytes("e0")));
    List<Long> next =
        store.write(tx -> List.of(tx.appendEvent(bytes("e1")), tx.appendEvent(bytes("e2"))));

    assertThat(first).isZero();
    assertThat(next).containsExactly(1L, 2L);
    assertThat(store.ledger().head()).isEqualTo(new TreeHead(3, rootOf("e0", "e1", "e2")));
    assertThat(store.ledger().entries(0, 3)).containsExactly(bytes("e0"), bytes("e1"), bytes("e2"));
  }

  @Test
  void operationThatThrows_storesNothing_andItsEntriesNeverAppear() throws Exception {
    CasStore store = open();
    store.write(tx -> tx.appendEvent(bytes("kept")));

    assertRefused(
        () ->
            store.write(tx -> {
              tx.insertPolicy(policy("ghost"));
              tx.putMeta("ghost", bytes("x"));
              tx.appendEvent(bytes("ghost event"));
              throw new CasException(Type.FORBIDDEN, "refused after writing");
            }),
        Type.FORBIDDEN);
    assertThatThrownBy(() ->
            store.write(tx -> {
              tx.appendEvent(bytes("bug event"));
              throw new IllegalStateException("a bug in the operation");
            }))
        .isInstanceOf(IllegalStateException.class);
    long after = store.write(tx -> tx.appendEvent(bytes("next")));

    assertThat(readPolicy(store, "ghost")).isEmpty();
    assertThat(readMeta(store, "ghost")).isEmpty();
    assertThat(after).isEqualTo(1);
    assertThat(store.ledger().entries(0, 2)).containsExactly(bytes("kept"), bytes("next"));
  }

  @Test
  void concurrentWriters_eachFailedOperationIsUndoneAlone_andIndicesHaveNoGap() throws Exception {
    CasStore store = open();
    int writers = 8;
    int perWriter = 40;
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    Map<Long, String> acknowledged = new HashMap<>();
    try {
      List<Future<Map<Long, String>>> running = new ArrayList<>();
      for (int w = 0; w < writers; w++) {
        int writer = w;
        running.add(
            pool.submit(() -> {
              Map<Long, String> mine = new HashMap<>();
              for (int i = 0; i < perWriter; i++) {
                String name = "w" + writer + "-" + i;
                boolean fail = i % 3 == 1;
                try {
                  long index =
                      store.write(tx -> {
                        tx.insertPolicy(policy(name));
                        long idx = tx.appendEvent(bytes("created " + name));
                        if (fail) {
                          throw new CasException(Type.BAD_REQUEST, "refused " + name);
                        }
                        return idx;
                      });
                  assertThat(fail).as("%s was refused but acknowledged", name).isFalse();
                  mine.put(index, name);
                } catch (CasException e) {
                  assertThat(e.type()).isEqualTo(Type.BAD_REQUEST);
                  assertThat(fail).isTrue();
                }
              }
              return mine;
            }));
      }
      for (Future<Map<Long, String>> f : running) {
        for (Map.Entry<Long, String> e : f.get().entrySet()) {
          assertThat(acknowledged.put(e.getKey(), e.getValue()))
              .as("index %d", e.getKey())
              .isNull();
        }
      }
    } finally {
      pool.shutdownNow();
    }

    int expected = writers * (perWriter - perWriter / 3);
    assertThat(acknowledged).hasSize(expected);
    assertThat(store.ledger().size()).isEqualTo(expected);
    List<byte[]> entries = store.ledger().entries(0, expected);
    for (long i = 0; i < expected; i++) {
      String name = acknowledged.get(i);
      assertThat(name).as("index %d acknowledged", i).isNotNull();
      assertThat(new String(entries.get((int) i), StandardCharsets.UTF_8))
          .isEqualTo("created " + name);
    }
    List<String> names = readNames(store, "w", 10_000);
    assertThat(names).containsExactlyInAnyOrderElementsOf(acknowledged.values());
  }

  @Test
  void commitListener_seesTheNewHead_beforeTheWriteIsAcknowledged() throws Exception {
    CasStore store = open();
    List<TreeHead> heads = new java.util.concurrent.CopyOnWriteArrayList<>();
    store.onCommit(head -> {
      assertThat(store.ledger().head().size()).isGreaterThanOrEqualTo(head.size());
      heads.add(head);
    });

    for (int i = 0; i < 5; i++) {
      long index = store.write(tx -> tx.appendEvent(bytes("event")));

      assertThat(heads).isNotEmpty();
      assertThat(heads.getLast().size()).isGreaterThan(index);
      assertThat(store.ledger().size()).isGreaterThan(index);
    }
  }

  @Test
  void commitListenerThatFails_leavesTheWriteUnknown_andStopsWrites() throws Exception {
    CasStore store = open();
    store.onCommit(head -> {
      throw new java.io.IOException("cannot seal the checkpoint");
    });

    assertThatThrownBy(() -> store.write(tx -> tx.appendEvent(bytes("e"))))
        .isInstanceOf(CasException.class)
        .hasMessageContaining("outcome is unknown");
    assertRefused(() -> store.write(tx -> tx.appendEvent(bytes("f"))), Type.UNAVAILABLE);
    assertThat(readNames(store, "", 1)).isEmpty();
  }

  @Test
  void closedStore_refusesReadsAndWrites() throws Exception {
    CasStore store = open();
    store.close();

    assertRefused(() -> readMeta(store, "k"), Type.UNAVAILABLE);
    assertRefused(() -> store.write(tx -> tx.appendEvent(bytes("e"))), Type.UNAVAILABLE);
  }

  @Test
  void reopened_holdsEveryRowAndEntry() throws Exception {
    assumeTrue(persistent());
    CasStore store = open();
    store.write(tx -> {
      tx.insertPolicy(policy("alpha"));
      tx.insertPolicyVersion(version("alpha", 1, tx.appendEvent(bytes("policy.created alpha"))));
      tx.putMeta("data-key", bytes("wrapped"));
      return null;
    });
    TreeHead head = store.ledger().head();
    store.close();

    CasStore again = open();

    assertThat(readPolicy(again, "alpha")).contains(policy("alpha"));
    assertThat(readVersion(again, "alpha", 1).orElseThrow().ledgerIndex()).isZero();
    assertThat(again.ledger().head()).isEqualTo(head);
    long next = again.write(tx -> tx.appendEvent(bytes("next")));
    assertThat(next).isEqualTo(1);
  }

  private static SecretRow secretRow(String policy, String name, int version) {
    return new SecretRow(
        policy,
        name,
        version,
        "ascii",
        bytes("ciphertext of " + policy + "/" + name + "@" + version),
        T0.plusSeconds(version));
  }

  private static Optional<SecretRow> readLatestSecret(CasStore store, String policy, String name)
      throws CasException {
    return store.read(tx -> tx.latestSecret(policy, name));
  }

  private static Optional<SecretRow> readSecret(
      CasStore store, String policy, String name, int version) throws CasException {
    return store.read(tx -> tx.secret(policy, name, version));
  }

  private static void insertSecret(CasStore store, SecretRow row) throws CasException {
    store.write(tx -> {
      tx.insertSecret(row);
      return null;
    });
  }

  private static void setTag(CasStore store, String volume, long expected, String tag)
      throws CasException {
    store.write(tx -> {
      tx.setVolumeTag(
          "alpha", volume, expected, bytes(tag), T0.plusSeconds(Math.floorMod(expected, 1000)));
      return null;
    });
  }

  private static Optional<VolumeTagRow> readTag(CasStore store, String policy, String volume)
      throws CasException {
    return store.read(tx -> tx.volumeTag(policy, volume));
  }

  private static void useNonce(CasStore store, String id, Instant expiresAt) throws CasException {
    store.write(tx -> {
      tx.useNonce(id, expiresAt);
      return null;
    });
  }

  @Test
  void secrets_areReadBackByVersion_andTheLatestIsTheHighestVersion() throws Exception {
    CasStore store = open();
    store.write(tx -> {
      tx.insertSecret(secretRow("alpha", "db-key", 3));
      tx.insertSecret(secretRow("alpha", "db-key", 1));
      tx.insertSecret(secretRow("alpha", "other", 7));
      tx.insertSecret(secretRow("beta", "db-key", 9));
      return null;
    });

    SecretRow latest = readLatestSecret(store, "alpha", "db-key").orElseThrow();
    assertThat(latest).usingRecursiveComparison().isEqualTo(secretRow("alpha", "db-key", 3));
    assertThat(latest.body()).isEqualTo(secretRow("alpha", "db-key", 3).body());
    assertThat(readSecret(store, "alpha", "db-key", 1))
        .hasValueSatisfying(r ->
            assertThat(r).usingRecursiveComparison().isEqualTo(secretRow("alpha", "db-key", 1)));
    assertThat(readSecret(store, "alpha", "db-key", 2)).isEmpty();
    assertThat(readLatestSecret(store, "alpha", "missing")).isEmpty();
    assertThat(readLatestSecret(store, "gamma", "db-key")).isEmpty();
    assertThat(readLatestSecret(store, "beta", "db-key").orElseThrow().version()).isEqualTo(9);
  }

  @Test
  void secret_ofAPolicyVersionStoredAlready_alreadyExists_andIsNeverOverwritten() throws Exception {
    CasStore store = open();
    insertSecret(store, secretRow("alpha", "db-key", 2));

    assertRefused(
        () -> insertSecret(store, new SecretRow("alpha", "db-key", 2, "binary", bytes("evil"), T0)),
        Type.ALREADY_EXISTS);

    SecretRow kept = readSecret(store, "alpha", "db-key", 2).orElseThrow();
    assertThat(kept.kind()).isEqualTo("ascii");
    assertThat(kept.body()).isEqualTo(secretRow("alpha", "db-key", 2).body());
  }

  @Test
  void secret_bodyChangedByTheCallerAfterTheInsert_isNotChangedInTheStore() throws Exception {
    CasStore store = open();
    SecretRow row = secretRow("alpha", "db-key", 1);
    insertSecret(store, row);

    readSecret(store, "alpha", "db-key", 1).orElseThrow().body()[0] ^= 1;

    assertThat(readSecret(store, "alpha", "db-key", 1).orElseThrow().body()).isEqualTo(row.body());
  }

  @Test
  void volumeTag_isAbsentUntilSet_andEachSetFromTheCurrentGenerationCountsUp() throws Exception {
    CasStore store = open();
    assertThat(readTag(store, "alpha", "data")).isEmpty();

    setTag(store, "data", 0, "tag 1");
    setTag(store, "data", 1, "tag 2");

    VolumeTagRow row = readTag(store, "alpha", "data").orElseThrow();
    assertThat(row.generation()).isEqualTo(2);
    assertThat(row.tag()).isEqualTo(bytes("tag 2"));
    assertThat(row.updatedAt()).isEqualTo(T0.plusSeconds(1));
    assertThat(readTag(store, "beta", "data")).isEmpty();
    assertThat(readTag(store, "alpha", "logs")).isEmpty();
  }

  @Test
  void volumeTag_setByAStaleWriter_isStale_andChangesNothing() throws Exception {
    CasStore store = open();
    setTag(store, "data", 0, "tag 1");
    setTag(store, "data", 1, "tag 2");

    // A writer that read generation 1 (rolled back), one that thinks there is no tag yet, one from
    // the future, and a nonsensical expectation.
    for (long expected : List.of(1L, 0L, 3L, -1L, Long.MAX_VALUE)) {
      assertRefused(() -> setTag(store, "data", expected, "stale " + expected), Type.STALE_TAG);
    }
    assertRefused(() -> setTag(store, "fresh", 1, "no tag yet"), Type.STALE_TAG);

    VolumeTagRow row = readTag(store, "alpha", "data").orElseThrow();
    assertThat(row.generation()).isEqualTo(2);
    assertThat(row.tag()).isEqualTo(bytes("tag 2"));
    assertThat(readTag(store, "alpha", "fresh")).isEmpty();
  }

  @Test
  void volumeTag_concurrentWritersFromOneGeneration_exactlyOneWinsEachGeneration()
      throws Exception {
    CasStore store = open();
    int writers = 4;
    int attempts = 10;
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    int won = 0;
    try {
      List<Future<Integer>> running = new ArrayList<>();
      for (int w = 0; w < writers; w++) {
        int writer = w;
        running.add(
            pool.submit(() -> {
              int mine = 0;
              for (int i = 0; i < attempts; i++) {
                long seen =
                    readTag(store, "alpha", "data").map(VolumeTagRow::generation).orElse(0L);
                try {
                  setTag(store, "data", seen, "w" + writer + " after " + seen);
                  mine++;
                } catch (CasException e) {
                  assertThat(e.type()).isEqualTo(Type.STALE_TAG);
                }
              }
              return mine;
            }));
      }
      for (Future<Integer> f : running) {
        won += f.get();
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(won).isPositive();
    assertThat(readTag(store, "alpha", "data").orElseThrow().generation()).isEqualTo(won);
  }

  @Test
  void useNonce_twice_isAReplay_andTheFirstUseStays() throws Exception {
    CasStore store = open();
    useNonce(store, "n-1", T0.plusSeconds(60));

    assertRefused(() -> useNonce(store, "n-1", T0.plusSeconds(600)), Type.ALREADY_EXISTS);
    assertRefused(
        () ->
            store.write(tx -> {
              tx.useNonce("n-2", T0.plusSeconds(60));
              tx.useNonce("n-2", T0.plusSeconds(60));
              return null;
            }),
        Type.ALREADY_EXISTS);
    // The refused operation used n-2 and then failed: nothing of it stayed.
    useNonce(store, "n-2", T0.plusSeconds(60));
    // The first use's expiry, not the replay's, decides when n-1 may be purged.
    int purged = store.write(tx -> tx.purgeNonces(T0.plusSeconds(61)));
    assertThat(purged).isEqualTo(2);
  }

  @Test
  void useNonce_inAnOperationThatFails_leavesTheNonceUnused() throws Exception {
    CasStore store = open();

    assertRefused(
        () ->
            store.write(tx -> {
              tx.useNonce("n-1", T0.plusSeconds(60));
              tx.appendEvent(bytes("attestation.failed"));
              throw new CasException(Type.FORBIDDEN, "wrong measurement");
            }),
        Type.FORBIDDEN);

    useNonce(store, "n-1", T0.plusSeconds(60));
    assertRefused(() -> useNonce(store, "n-1", T0.plusSeconds(60)), Type.ALREADY_EXISTS);
  }

  @Test
  void purgeNonces_forgetsThoseExpiredStrictlyBefore_andCountsThem() throws Exception {
    CasStore store = open();
    store.write(tx -> {
      for (int i = 0; i < 5; i++) {
        tx.useNonce("n-" + i, T0.plusSeconds(i));
      }
      return null;
    });

    int purged = store.write(tx -> tx.purgeNonces(T0.plusSeconds(2)));
    int again = store.write(tx -> tx.purgeNonces(T0.plusSeconds(2)));

    assertThat(purged).isEqualTo(2);
    assertThat(again).isZero();
    // Expiring at the instant itself: kept, still a replay.
    assertRefused(() -> useNonce(store, "n-2", T0.plusSeconds(2)), Type.ALREADY_EXISTS);
    assertRefused(() -> useNonce(store, "n-4", T0.plusSeconds(4)), Type.ALREADY_EXISTS);
    // Purged: the store forgot it; refusing it is the expiry check's job from now on.
    useNonce(store, "n-0", T0);
  }

  @Test
  void reopened_holdsSecretsTagsAndUsedNonces() throws Exception {
    assumeTrue(persistent());
    CasStore store = open();
    insertSecret(store, secretRow("alpha", "db-key", 1));
    setTag(store, "data", 0, "tag 1");
    useNonce(store, "n-1", T0.plusSeconds(60));
    store.close();

    CasStore again = open();

    assertThat(readLatestSecret(again, "alpha", "db-key").orElseThrow().body())
        .isEqualTo(secretRow("alpha", "db-key", 1).body());
    assertThat(readTag(again, "alpha", "data").orElseThrow().generation()).isEqualTo(1);
    assertRefused(() -> useNonce(again, "n-1", T0.plusSeconds(60)), Type.ALREADY_EXISTS);
  }

  private static io.coffer.ledger.merkle.Hash rootOf(String... entries) {
    CompactRange range = CompactRange.empty();
    for (String e : entries) {
      range.append(TreeHasher.leaf(bytes(e)), (id, h) -> {});
    }
    return range.root();
  }
}
