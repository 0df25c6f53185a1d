package io.coffer.ledger.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.coffer.ledger.log.Ledger;
import io.coffer.ledger.log.LedgerOptions;
import io.coffer.ledger.merkle.CompactRange;
import io.coffer.ledger.merkle.Hash;
import io.coffer.ledger.merkle.NodeId;
import io.coffer.ledger.merkle.ProofVerifier;
import io.coffer.ledger.merkle.TreeHasher;
import io.coffer.ledger.store.StoreException.Reason;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The {@link LogStore} contract, run against every implementation. A subclass says how to open the
 * store under test and whether its data outlives {@link LogStore#close()}.
 */
public abstract class LogStoreContractTest {

  /**
   * Opens the store under test. The first call of a test opens an empty store; for a {@link
   * #persistent()} store, later calls of the same test open the same storage again, also while an
   * earlier store is still open. Tests call it once for other stores.
   */
  protected abstract LogStore openStore() throws Exception;

  /**
   * Whether the data survives {@link LogStore#close()} and is shared by stores opened again; false
   * for a store in memory, which skips the tests that need it.
   */
  protected abstract boolean persistent();

  private final List<LogStore> opened = new ArrayList<>();

  /** Opens the store under test and closes it after the test. */
  protected final LogStore open() throws Exception {
    LogStore store = openStore();
    opened.add(store);
    return store;
  }

  @AfterEach
  void closeStores() throws Exception {
    for (LogStore store : opened) {
      store.close();
    }
  }

  /** Entries and the subtree hashes they complete, as the ledger hands them to a store. */
  private record Batch(long first, List<byte[]> entries, List<StoredNode> nodes) {}

  /** The tree the tests write, built alongside the store. */
  private static final class Tree {
    private final CompactRange range = CompactRange.empty();
    private final List<byte[]> entries = new ArrayList<>();
    private final List<StoredNode> nodes = new ArrayList<>();

    Batch next(int count) {
      long first = range.size();
      List<byte[]> batchEntries = new ArrayList<>();
      List<StoredNode> batchNodes = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        byte[] entry = entry(first + i);
        batchEntries.add(entry);
        range.append(TreeHasher.leaf(entry), (id, h) -> batchNodes.add(new StoredNode(id, h)));
      }
      entries.addAll(batchEntries);
      nodes.addAll(batchNodes);
      return new Batch(first, batchEntries, batchNodes);
    }

    Batch appendTo(LogStore store, int count) throws StoreException {
      Batch b = next(count);
      store.append(b.first(), b.entries(), b.nodes());
      return b;
    }
  }

  private static byte[] entry(long index) {
    return ("entry " + index).getBytes(StandardCharsets.UTF_8);
  }

  private static void assertReason(ThrowingCallable call, Reason reason) {
    assertThatThrownBy(call)
        .isInstanceOf(StoreException.class)
        .extracting(e -> ((StoreException) e).reason())
        .isEqualTo(reason);
  }

  private static Hash hashOf(int fill) {
    byte[] b = new byte[Hash.SIZE_BYTES];
    java.util.Arrays.fill(b, (byte) fill);
    return Hash.of(b);
  }

  private static List<NodeId> ids(List<StoredNode> nodes) {
    return nodes.stream().map(StoredNode::id).toList();
  }

  private static List<Hash> hashes(List<StoredNode> nodes) {
    return nodes.stream().map(StoredNode::hash).toList();
  }

  @Test
  void newStore_isEmpty() throws Exception {
    LogStore store = open();

    assertThat(store.size()).isZero();
    assertThat(store.latestCheckpoint()).isEmpty();
    assertThat(store.entries(0, 0)).isEmpty();
    assertReason(() -> store.entries(0, 1), Reason.NOT_FOUND);
    assertReason(() -> store.hashes(List.of(new NodeId(0, 0))), Reason.NOT_FOUND);
  }

  @Test
  void append_storesEntriesAndNodes_thatReadBackUnchanged() throws Exception {
    LogStore store = open();
    Tree tree = new Tree();

    tree.appendTo(store, 5);
    tree.appendTo(store, 3);

    assertThat(store.size()).isEqualTo(8);
    assertThat(store.entries(0, 8)).containsExactlyElementsOf(tree.entries);
    assertThat(store.entries(6, 2)).containsExactlyElementsOf(tree.entries.subList(6, 8));
    assertThat(store.hashes(ids(tree.nodes))).containsExactlyElementsOf(hashes(tree.nodes));
    assertThat(store.hashRange(0, 0, 8))
        .containsExactlyElementsOf(tree.entries.stream().map(TreeHasher::leaf).toList());
    assertThat(store.hashRange(3, 0, 1)).containsExactly(tree.range.root());
  }

  @Test
  void entries_ofAnyBytes_roundTrip() throws Exception {
    LogStore store = open();
    byte[] allValues = new byte[256];
    for (int i = 0; i < 256; i++) {
      allValues[i] = (byte) i;
    }
    byte[] largest = new byte[LedgerOptions.MAX_TILES_ENTRY_BYTES];
    new Random(1).nextBytes(largest);
    List<byte[]> entries = List.of(new byte[0], allValues, largest);

    store.append(0, entries, List.of());

    assertThat(store.entries(0, 3)).containsExactlyElementsOf(entries);
  }

  @Test
  void append_atAnIndexOtherThanTheSize_isConflict_andWritesNothing() throws Exception {
    LogStore store = open();
    Tree tree = new Tree();
    tree.appendTo(store, 4);
    Batch next = tree.next(2);

    for (long wrong : new long[] {0, 3, 5, 1000, -1}) {
      assertReason(() -> store.append(wrong, next.entries(), next.nodes()), Reason.CONFLICT);
    }

    assertThat(store.size()).isEqualTo(4);
    assertReason(() -> store.entries(4, 1), Reason.NOT_FOUND);
    assertReason(() -> store.hashes(List.of(new NodeId(0, 4))), Reason.NOT_FOUND);
    assertThat(store.entries(0, 4)).containsExactlyElementsOf(tree.entries.subList(0, 4));
  }

  @Test
  void append_replayedBatch_isConflict() throws Exception {
    LogStore store = open();
    Batch first = new Tree().appendTo(store, 3);

    assertReason(() -> store.append(0, first.entries(), first.nodes()), Reason.CONFLICT);

    assertThat(store.size()).isEqualTo(3);
    assertThat(store.entries(0, 3)).containsExactlyElementsOf(first.entries());
  }

  @Test
  void append_ofAnAlreadyStoredNode_isConflict_andNoneOfItsBatchIsVisible() throws Exception {
    LogStore store = open();
    Tree tree = new Tree();
    tree.appendTo(store, 4);
    Hash original = store.hashes(List.of(new NodeId(0, 1))).getFirst();
    Batch next = tree.next(2);
    List<StoredNode> withOldNode = new ArrayList<>(next.nodes());
    withOldNode.add(new StoredNode(new NodeId(0, 1), hashOf(7)));

    assertReason(() -> store.append(4, next.entries(), withOldNode), Reason.CONFLICT);

    assertThat(store.size()).isEqualTo(4);
    assertReason(() -> store.entries(4, 1), Reason.NOT_FOUND);
    for (StoredNode node : next.nodes()) {
      assertReason(() -> store.hashes(List.of(node.id())), Reason.NOT_FOUND);
    }
    assertThat(store.hashes(List.of(new NodeId(0, 1)))).containsExactly(original);
    // The same batch without the stale node still goes in: nothing of the failed one remained.
    store.append(4, next.entries(), next.nodes());
    assertThat(store.size()).isEqualTo(6);
  }

  @Test
  void reads_ofWhatIsNotStored_areNotFound() throws Exception {
    LogStore store = open();
    new Tree().appendTo(store, 4);

    assertReason(() -> store.entries(2, 3), Reason.NOT_FOUND);
    assertReason(() -> store.entries(5, 0), Reason.NOT_FOUND);
    assertReason(() -> store.entries(-1, 1), Reason.NOT_FOUND);
    assertReason(() -> store.hashRange(0, 2, 3), Reason.NOT_FOUND);
    assertReason(() -> store.hashRange(3, 0, 1), Reason.NOT_FOUND);
    assertThatThrownBy(() -> store.hashes(List.of(new NodeId(0, 3), new NodeId(1, 2))))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("NodeId[level=1, index=2]")
        .extracting(e -> ((StoreException) e).reason())
        .isEqualTo(Reason.NOT_FOUND);
  }

  @Test
  void hashes_answerInTheRequestedOrder_withRepeats() throws Exception {
    LogStore store = open();
    Tree tree = new Tree();
    tree.appendTo(store, 4);
    Map<NodeId, Hash> stored = new ConcurrentHashMap<>();
    tree.nodes.forEach(n -> stored.put(n.id(), n.hash()));
    List<NodeId> asked =
        List.of(new NodeId(2, 0), new NodeId(0, 3), new NodeId(2, 0), new NodeId(0, 0));

    assertThat(store.hashes(asked))
        .containsExactlyElementsOf(asked.stream().map(stored::get).toList());
  }

  @Test
  void hashes_ofMoreNodesThanOneQueryTakes_areAllAnswered() throws Exception {
    LogStore store = open();
    Tree tree = new Tree();
    tree.appendTo(store, 700);
    List<StoredNode> reversed = new ArrayList<>(tree.nodes);
    Collections.reverse(reversed);

    assertThat(store.hashes(ids(reversed))).containsExactlyElementsOf(hashes(reversed));
  }

  @Test
  void checkpoints_onlyGrow() throws Exception {
    LogStore store = open();
    StoredCheckpoint first =
        new StoredCheckpoint(5, hashOf(1), "note 5".getBytes(StandardCharsets.UTF_8));
    StoredCheckpoint later =
        new StoredCheckpoint(9, hashOf(3), "note 9".getBytes(StandardCharsets.UTF_8));

    store.putCheckpoint(first);
    assertReason(
        () -> store.putCheckpoint(new StoredCheckpoint(5, hashOf(2), new byte[0])),
        Reason.CONFLICT);
    assertReason(
        () -> store.putCheckpoint(new StoredCheckpoint(3, hashOf(2), new byte[0])),
        Reason.CONFLICT);
    assertThat(store.latestCheckpoint()).contains(first);
    store.putCheckpoint(later);

    assertThat(store.latestCheckpoint()).contains(later);
    assertReason(() -> store.putCheckpoint(first), Reason.CONFLICT);
  }

  @Test
  void checkpoint_ofTheEmptyTree_isKept() throws Exception {
    LogStore store = open();
    StoredCheckpoint empty = new StoredCheckpoint(0, TreeHasher.emptyRoot(), new byte[] {1});

    store.putCheckpoint(empty);

    assertThat(store.latestCheckpoint()).contains(empty);
  }

  @Test
  void everything_survivesCloseAndReopen() throws Exception {
    assumeTrue(persistent(), "the store keeps nothing after close");
    LogStore store = open();
    Tree tree = new Tree();
    tree.appendTo(store, 10);
    tree.appendTo(store, 7);
    StoredCheckpoint checkpoint = new StoredCheckpoint(17, tree.range.root(), new byte[] {42});
    store.putCheckpoint(checkpoint);
    store.close();

    LogStore again = open();

    assertThat(again.size()).isEqualTo(17);
    assertThat(again.entries(0, 17)).containsExactlyElementsOf(tree.entries);
    assertThat(again.hashes(ids(tree.nodes))).containsExactlyElementsOf(hashes(tree.nodes));
    assertThat(again.latestCheckpoint()).contains(checkpoint);
    tree.appendTo(again, 1);
    assertThat(again.size()).isEqualTo(18);
  }

  @Test
  void closedStore_isUnavailable() throws Exception {
    LogStore store = open();
    Tree tree = new Tree();
    tree.appendTo(store, 2);
    Batch next = tree.next(1);

    store.close();
    store.close();

    assertReason(store::size, Reason.UNAVAILABLE);
    assertReason(() -> store.append(2, next.entries(), next.nodes()), Reason.UNAVAILABLE);
    assertReason(() -> store.entries(0, 1), Reason.UNAVAILABLE);
    assertReason(() -> store.hashes(List.of(new NodeId(0, 0))), Reason.UNAVAILABLE);
    assertReason(() -> store.hashRange(0, 0, 1), Reason.UNAVAILABLE);
    assertReason(
        () -> store.putCheckpoint(new StoredCheckpoint(1, hashOf(1), new byte[0])),
        Reason.UNAVAILABLE);
    assertReason(store::latestCheckpoint, Reason.UNAVAILABLE);
  }

  @Test
  void secondWriter_onTheSameStorage_getsConflict_andWritesNothing() throws Exception {
    assumeTrue(persistent(), "a store in memory cannot be opened twice");
    LogStore first = open();
    LogStore second = open();
    Tree tree = new Tree();
    Batch mine = tree.appendTo(first, 3);
    Tree other = new Tree();
    Batch theirs = other.next(1);

    assertReason(
        () -> second.append(theirs.first(), List.of(new byte[] {9}), theirs.nodes()),
        Reason.CONFLICT);

    assertThat(second.size()).isEqualTo(3);
    assertThat(second.entries(0, 3)).containsExactlyElementsOf(mine.entries());
    assertThat(first.hashes(List.of(new NodeId(0, 0))))
        .containsExactly(mine.nodes().getFirst().hash());
  }

  @Test
  void concurrentWriters_atTheSameIndex_oneWins_andTheOtherWritesNothing() throws Exception {
    assumeTrue(persistent(), "a store in memory cannot be opened twice");
    List<LogStore> writers = List.of(open(), open());
    for (int round = 0; round < 10; round++) {
      long index = round;
      CyclicBarrier start = new CyclicBarrier(writers.size());
      List<CompletableFuture<Boolean>> outcomes = new ArrayList<>();
      for (int w = 0; w < writers.size(); w++) {
        LogStore writer = writers.get(w);
        byte[] mine = {(byte) w, (byte) round};
        outcomes.add(
            CompletableFuture.supplyAsync(() -> {
              try {
                start.await();
                writer.append(index, List.of(mine), List.of());
                return true;
              } catch (StoreException e) {
                assertThat(e.reason()).isEqualTo(Reason.CONFLICT);
                return false;
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            }));
      }
      List<Boolean> won = outcomes.stream().map(CompletableFuture::join).toList();

      assertThat(won).as("round %d", round).containsOnlyOnce(true);
      int winner = won.indexOf(true);
      assertThat(writers.get(1 - winner).size()).isEqualTo(round + 1);
      assertThat(writers.get(1 - winner).entries(index, 1).getFirst())
          .containsExactly(winner, round);
    }
  }

  @Test
  void readers_concurrentWithAnAppender_seeWholeBatchesOnly() throws Exception {
    LogStore store = open();
    Tree tree = new Tree();
    int batches = 60;
    int batchSize = 7;
    List<Batch> planned = new ArrayList<>();
    for (int i = 0; i < batches; i++) {
      planned.add(tree.next(batchSize));
    }
    AtomicBoolean done = new AtomicBoolean();
    try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
      List<Future<Integer>> readers = new ArrayList<>();
      for (int r = 0; r < 3; r++) {
        readers.add(
            pool.submit(() -> {
              int reads = 0;
              while (!done.get() || reads == 0) {
                long size = store.size();
                assertThat(size % batchSize).as("size %d", size).isZero();
                if (size > 0) {
                  int last = (int) size - 1;
                  assertThat(store.entries(last, 1)).containsExactly(entry(last));
                  assertThat(store.hashes(List.of(new NodeId(0, last))))
                      .containsExactly(TreeHasher.leaf(entry(last)));
                }
                reads++;
              }
              return reads;
            }));
      }
      Future<?> appender =
          pool.submit(() -> {
            try {
              for (Batch b : planned) {
                store.append(b.first(), b.entries(), b.nodes());
              }
            } finally {
              done.set(true);
            }
            return null;
          });
      appender.get();
      for (Future<Integer> reader : readers) {
        assertThat(reader.get()).isPositive();
      }
    }

    assertThat(store.size()).isEqualTo((long) batches * batchSize);
    assertThat(store.entries(0, batches * batchSize)).containsExactlyElementsOf(tree.entries);
  }

  @Test
  void ledger_withThousandsOfConcurrentAppends_servesProofsThatVerify() throws Exception {
    LogStore store = open();
    int threads = 8;
    int perThread = 300;
    int total = threads * perThread;
    Map<Long, byte[]> acknowledged = new ConcurrentHashMap<>();
    try (Ledger ledger = Ledger.open(store, LedgerOptions.defaults())) {
      try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
        List<CompletableFuture<Void>> all = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
          int thread = t;
          all.add(
              CompletableFuture.runAsync(
                  () -> {
                    List<CompletableFuture<Void>> mine = new ArrayList<>();
                    for (int i = 0; i < perThread; i++) {
                      byte[] e =
                          ("thread " + thread + " event " + i).getBytes(StandardCharsets.UTF_8);
                      mine.add(ledger.append(e).thenAccept(index -> acknowledged.put(index, e)));
                    }
                    mine.forEach(CompletableFuture::join);
                  },
                  pool));
        }
        all.forEach(CompletableFuture::join);
      }

      assertThat(acknowledged).hasSize(total);
      assertThat(store.size()).isEqualTo(total);
      List<byte[]> stored = store.entries(0, total);
      Hash[] roots = new Hash[total + 1];
      CompactRange range = CompactRange.empty();
      roots[0] = range.root();
      for (int i = 0; i < total; i++) {
        assertThat(stored.get(i)).as("entry %d", i).isEqualTo(acknowledged.get((long) i));
        range.append(TreeHasher.leaf(stored.get(i)), (id, h) -> {});
        roots[i + 1] = range.root();
      }
      assertThat(ledger.head().root()).isEqualTo(roots[total]);
      Random random = new Random(7);
      for (int k = 0; k < 200; k++) {
        int size = 1 + random.nextInt(total);
        int index = random.nextInt(size);
        var inclusion = ledger.inclusionProof(index, size);
        Hash leaf = TreeHasher.leaf(stored.get(index));
        Hash root = roots[size];
        assertThatNoException()
            .isThrownBy(() -> ProofVerifier.verifyInclusion(leaf, inclusion, root));
        int size1 = 1 + random.nextInt(size);
        var consistency = ledger.consistencyProof(size1, size);
        Hash root1 = roots[size1];
        assertThatNoException()
            .isThrownBy(() -> ProofVerifier.verifyConsistency(consistency, root1, root));
      }
    }
  }

  @Test
  void ledger_reopened_continuesTheSameTree() throws Exception {
    LogStore store = open();
    Tree expected = new Tree();
    Ledger first = Ledger.open(store, LedgerOptions.defaults());
    for (int i = 0; i < 100; i++) {
      first.appendAndWait(entry(i));
    }
    var signed = first.checkpoint(head -> ("size " + head.size()).getBytes(StandardCharsets.UTF_8));
    first.close();
    expected.next(100);
    if (persistent()) {
      store.close();
      store = open();
    }

    try (Ledger second = Ledger.open(store, LedgerOptions.defaults())) {
      assertThat(second.head().root()).isEqualTo(expected.range.root());
      assertThat(second.latestCheckpoint()).contains(signed);
      for (int i = 100; i < 150; i++) {
        assertThat(second.appendAndWait(entry(i))).isEqualTo(i);
      }
      Hash old = expected.range.root();
      expected.next(50);

      assertThat(second.head().root()).isEqualTo(expected.range.root());
      var proof = second.consistencyProof(100, 150);
      Hash now = expected.range.root();
      assertThatNoException().isThrownBy(() -> ProofVerifier.verifyConsistency(proof, old, now));
      assertThat(store.latestCheckpoint()).isEqualTo(Optional.of(signed));
    }
  }
}
