package io.coffer.cas.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coffer.cas.service.CasException;
import io.coffer.cas.service.CasException.Type;
import io.coffer.cas.service.ProposalState;
import io.coffer.ledger.merkle.TreeHead;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MemoryCasStoreTest {

  private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");
  private static final String H1 = "11".repeat(32);
  private static final String H2 = "22".repeat(32);

  private final MemoryCasStore store = new MemoryCasStore();

  @AfterEach
  void close() {
    store.close();
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static PolicyVersionRow version(String name, int v, String hash) {
    return new PolicyVersionRow(
        name, v, hash, Optional.empty(), T, Optional.empty(), 0, bytes("body"));
  }

  private static ProposalRow proposal(String id, String name) {
    return new ProposalRow(
        id,
        name,
        H2,
        H1,
        "p",
        T,
        T.plusSeconds(60),
        ProposalState.OPEN,
        Optional.empty(),
        bytes("b"));
  }

  private Optional<PolicyRow> policy(String name) throws CasException {
    return store.read(tx -> tx.policy(name));
  }

  private Optional<PolicyVersionRow> version(String name) throws CasException {
    return store.read(tx -> tx.policyVersion(name, 1));
  }

  private Optional<byte[]> meta(String key) throws CasException {
    return store.read(tx -> tx.meta(key));
  }

  private List<BallotRow> ballots(String id) throws CasException {
    return store.read(tx -> tx.ballots(id));
  }

  private List<ProposalRow> proposals(String name) throws CasException {
    return store.read(tx -> tx.proposals(name));
  }

  private List<String> names(String prefix, int limit) throws CasException {
    return store.read(tx -> tx.policyNames(prefix, limit));
  }

  private void createPolicy(String name) throws CasException {
    store.write(tx -> {
      tx.insertPolicy(new PolicyRow(name, "creator", T, 1, H1));
      tx.insertPolicyVersion(version(name, 1, H1));
      return tx.appendEvent(bytes("created " + name));
    });
  }

  @Test
  void write_storesRowsAndLedgerEntriesTogether_withTheIndicesItPromised() throws Exception {
    createPolicy("a");
    long index = store.write(tx -> tx.appendEvent(bytes("second")));

    assertThat(index).isEqualTo(1);
    assertThat(store.ledger().size()).isEqualTo(2);
    assertThat(store.ledger().entries(1, 1).get(0)).isEqualTo(bytes("second"));
    assertThat(policy("a")).map(PolicyRow::currentHash).contains(H1);
    assertThat(version("a")).isPresent();
  }

  @Test
  void write_thatThrows_leavesNoTrace_inRowsOrLedger() throws Exception {
    createPolicy("a");

    assertThatThrownBy(() ->
            store.write(tx -> {
              tx.insertPolicy(new PolicyRow("b", "c", T, 1, H1));
              tx.putMeta("k", bytes("v"));
              tx.appendEvent(bytes("lost"));
              tx.advancePolicy("a", 1, 2, H2);
              throw new CasException(Type.FORBIDDEN, "no");
            }))
        .extracting(e -> ((CasException) e).type())
        .isEqualTo(Type.FORBIDDEN);

    assertThat(policy("b")).isEmpty();
    assertThat(meta("k")).isEmpty();
    assertThat(store.read(tx -> tx.policy("a")).orElseThrow().currentVersion()).isEqualTo(1);
    assertThat(store.ledger().size()).isEqualTo(1);
  }

  @Test
  void insertPolicy_ofATakenName_isAlreadyExists() throws Exception {
    createPolicy("a");

    assertThatThrownBy(() -> createPolicy("a"))
        .extracting(e -> ((CasException) e).type())
        .isEqualTo(Type.ALREADY_EXISTS);
  }

  @Test
  void advancePolicy_fromAnotherVersion_isStale() throws Exception {
    createPolicy("a");
    store.write(tx -> {
      tx.advancePolicy("a", 1, 2, H2);
      return null;
    });

    assertThatThrownBy(() ->
            store.write(tx -> {
              tx.advancePolicy("a", 1, 2, H1);
              return null;
            }))
        .extracting(e -> ((CasException) e).type())
        .isEqualTo(Type.STALE_PREDECESSOR);
    assertThat(store.read(tx -> tx.policy("a")).orElseThrow().currentHash()).isEqualTo(H2);
  }

  @Test
  void overwritingAVersionOrAProposal_isInternal() throws Exception {
    createPolicy("a");
    store.write(tx -> {
      tx.insertProposal(proposal("p1", "a"));
      return null;
    });

    assertThatThrownBy(() ->
            store.write(tx -> {
              tx.insertPolicyVersion(version("a", 1, H2));
              return null;
            }))
        .extracting(e -> ((CasException) e).type())
        .isEqualTo(Type.INTERNAL);
    assertThatThrownBy(() ->
            store.write(tx -> {
              tx.insertProposal(proposal("p1", "a"));
              return null;
            }))
        .extracting(e -> ((CasException) e).type())
        .isEqualTo(Type.INTERNAL);
    assertThat(store.read(tx -> tx.policyVersion("a", 1)).orElseThrow().hash()).isEqualTo(H1);
  }

  @Test
  void closeProposal_twice_isProposalClosed_andTheFirstStateStays() throws Exception {
    createPolicy("a");
    store.write(tx -> {
      tx.insertProposal(proposal("p1", "a"));
      tx.closeProposal("p1", ProposalState.WITHDRAWN, T);
      return null;
    });

    assertThatThrownBy(() ->
            store.write(tx -> {
              tx.closeProposal("p1", ProposalState.ACTIVATED, T);
              return null;
            }))
        .extracting(e -> ((CasException) e).type())
        .isEqualTo(Type.PROPOSAL_CLOSED);
    ProposalRow row = store.read(tx -> tx.proposal("p1")).orElseThrow();
    assertThat(row.state()).isEqualTo(ProposalState.WITHDRAWN);
    assertThat(row.closedAt()).contains(T);
  }

  @Test
  void insertBallot_twiceByOneVoter_isAlreadyExists() throws Exception {
    BallotRow ballot =
        new BallotRow("p1", "v", true, T, Optional.of(bytes("{}")), Optional.empty(), 0);
    store.write(tx -> {
      tx.insertBallot(ballot);
      return null;
    });

    assertThatThrownBy(() ->
            store.write(tx -> {
              tx.insertBallot(ballot);
              return null;
            }))
        .extracting(e -> ((CasException) e).type())
        .isEqualTo(Type.ALREADY_EXISTS);
    assertThat(ballots("p1")).hasSize(1);
  }

  @Test
  void proposals_areNewestFirst_andNamesInOrderUnderAPrefix() throws Exception {
    for (String n : List.of("b/2", "a", "b/1", "c")) {
      createPolicy(n);
    }
    store.write(tx -> {
      tx.insertProposal(proposal("p1", "a"));
      tx.insertProposal(proposal("p2", "a"));
      return null;
    });

    assertThat(proposals("a")).extracting(ProposalRow::id).containsExactly("p2", "p1");
    assertThat(names("b/", 10)).containsExactly("b/1", "b/2");
    assertThat(names("", 2)).containsExactly("a", "b/1");
  }

  @Test
  void commitListeners_seeTheNewHead_andAFailingOneStopsWrites() throws Exception {
    List<TreeHead> heads = new ArrayList<>();
    store.onCommit(heads::add);
    createPolicy("a");
    assertThat(heads).extracting(TreeHead::size).containsExactly(1L);

    store.onCommit(head -> {
      throw new IllegalStateException("disk full");
    });
    assertThatThrownBy(() -> createPolicy("b"))
        .extracting(e -> ((CasException) e).type())
        .isEqualTo(Type.UNAVAILABLE);
    assertThatThrownBy(() -> createPolicy("c"))
        .extracting(e -> ((CasException) e).type())
        .isEqualTo(Type.UNAVAILABLE);
    assertThat(policy("b")).isPresent();
  }

  @Test
  void aTransactionUsedAfterItsWrite_refusesToChangeAnything() throws Exception {
    WriteTransaction[] leaked = new WriteTransaction[1];
    store.write(tx -> {
      leaked[0] = tx;
      return null;
    });

    assertThatThrownBy(() -> leaked[0].putMeta("k", bytes("v")))
        .isInstanceOf(IllegalStateException.class);
    assertThat(meta("k")).isEmpty();
  }

  @Test
  void concurrentWrites_loseNoUpdate_andLeaveNoGapInTheLedger() throws Exception {
    createPolicy("a");
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Future<Long>> results = new ArrayList<>();
    try {
      for (int i = 0; i < 200; i++) {
        results.add(
            pool.submit(() ->
                store.write(tx -> {
                  PolicyRow row = tx.policy("a").orElseThrow();
                  int v = row.currentVersion();
                  tx.advancePolicy("a", v, v + 1, H2);
                  return tx.appendEvent(bytes("v" + (v + 1)));
                })));
      }
      List<Long> indices = new ArrayList<>();
      for (Future<Long> f : results) {
        indices.add(f.get());
      }
      assertThat(indices).doesNotHaveDuplicates().allMatch(i -> i >= 1 && i <= 200);
    } finally {
      pool.shutdown();
    }

    assertThat(store.read(tx -> tx.policy("a")).orElseThrow().currentVersion()).isEqualTo(201);
    assertThat(store.ledger().size()).isEqualTo(201);
  }

  @Test
  void aClosedStore_isUnavailable() {
    store.close();

    assertThatThrownBy(() -> store.read(tx -> tx.policy("a")))
        .extracting(e -> ((CasException) e).type())
        .isEqualTo(Type.UNAVAILABLE);
    assertThatThrownBy(() -> createPolicy("a"))
        .extracting(e -> ((CasException) e).type())
        .isEqualTo(Type.UNAVAILABLE);
  }
}
