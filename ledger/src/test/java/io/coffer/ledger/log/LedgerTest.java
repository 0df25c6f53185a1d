package io.coffer.ledger.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coffer.ledger.log.LedgerException.Reason;
import io.coffer.ledger.merkle.CompactRange;
import io.coffer.ledger.merkle.Hash;
import io.coffer.ledger.merkle.NodeId;
import io.coffer.ledger.merkle.ProofVerifier;
import io.coffer.ledger.merkle.TreeHasher;
import io.coffer.ledger.merkle.TreeHead;
import io.coffer.ledger.store.LogStore;
import io.coffer.ledger.store.MemoryLogStore;
import io.coffer.ledger.store.StoreException;
import io.coffer.ledger.store.StoredCheckpoint;
import io.coffer.ledger.store.StoredNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LedgerTest {

  private final MemoryLogStore store = new MemoryLogStore();
  private final List<Ledger> opened = new ArrayList<>();

  /** A stand-in signer: the note is the head in text, which is all the ledger stores. */
  private static final TreeHeadSigner SIGNER =
      head -> (head.size() + " " + head.root()).getBytes(StandardCharsets.UTF_8);

  @AfterEach
  void closeAll() {
    opened.forEach(Ledger::close);
  }

  private Ledger open(LogStore s) throws LedgerException {
    Ledger l = Ledger.open(s, new LedgerOptions(1024, 64, 2));
    opened.add(l);
    return l;
  }

  private static byte[] entry(int i) {
    return ("event " + i).getBytes(StandardCharsets.UTF_8);
  }

  private static Hash rootOf(int count) {
    CompactRange r = CompactRange.empty();
    for (int i = 0; i < count; i++) {
      r.append(TreeHasher.leaf(entry(i)), (id, h) -> {});
    }
    return r.root();
  }

  @Test
  void emptyLog_hasTheEmptyRoot() throws Exception {
    Ledger ledger = open(store);

    assertThat(ledger.head()).isEqualTo(new TreeHead(0, TreeHasher.emptyRoot()));
  }

  @Test
  void subtreeHashes_fromStoreAndCache_areTheRfc9162SubtreeRoots() throws Exception {
    Ledger ledger = open(store);
    for (int i = 0; i < 37; i++) {
      ledger.appendAndWait(entry(i));
    }
    Hash four = TreeHasher.leaf(entry(4));
    Hash five = TreeHasher.leaf(entry(5));
    Hash six = TreeHasher.leaf(entry(6));
    Hash seven = TreeHasher.leaf(entry(7));

    assertThat(ledger.subtreeHashes(0, 4, 2)).containsExactly(four, five);
    assertThat(ledger.subtreeHashes(2, 1, 1))
        .containsExactly(TreeHasher.node(TreeHasher.node(four, five), TreeHasher.node(six, seven)));
    assertThat(ledger.subtreeHashes(5, 0, 1)).containsExactly(rootOf(32));
    assertThat(ledger.subtreeHashes(0, 37, 0)).isEmpty();
  }

  @Test
  void subtreeHashes_ofIncompleteOrNegativeNodes_areOutOfRange() throws Exception {
    Ledger ledger = open(store);
    for (int i = 0; i < 37; i++) {
      ledger.appendAndWait(entry(i));
    }

    for (long[] bad :
        new long[][] {{0, 36, 2}, {5, 1, 1}, {6, 0, 1}, {0, -1, 1}, {-1, 0, 1}, {64, 0, 1}}) {
      assertThatThrownBy(() -> ledger.subtreeHashes((int) bad[0], bad[1], (int) bad[2]))
          .isInstanceOfSatisfying(
              LedgerException.class, e -> assertThat(e.reason()).isEqualTo(Reason.OUT_OF_RANGE));
    }
  }

  @Test
  void appends_getConsecutiveIndices_andTheRfc9162Root() throws Exception {
    Ledger ledger = open(store);

    for (int i = 0; i < 37; i++) {
      assertThat(ledger.appendAndWait(entry(i))).isEqualTo(i);
    }

    assertThat(ledger.head()).isEqualTo(new TreeHead(37, rootOf(37)));
    assertThat(store.size()).isEqualTo(37);
  }

  @Test
  void concurrentAppends_areAllDurable_withUniqueIndices() throws Exception {
    Ledger ledger = open(store);
    int threads = 8;
    int perThread = 250;
    List<CompletableFuture<Long>> futures = new ArrayList<>();
    try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
      List<CompletableFuture<List<CompletableFuture<Long>>>> submitted = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int base = t * perThread;
        submitted.add(
            CompletableFuture.supplyAsync(
                () -> {
                  List<CompletableFuture<Long>> mine = new ArrayList<>();
                  for (int i = 0; i < perThread; i++) {
                    mine.add(ledger.append(entry(base + i)));
                  }
                  return mine;
                },
                pool));
      }
      for (var s : submitted) {
        futures.addAll(s.join());
      }
    }
    Set<Long> indices = new HashSet<>();
    for (CompletableFuture<Long> f : futures) {
      indices.add(f.join());
    }

    assertThat(indices).hasSize(threads * perThread);
    assertThat(ledger.size()).isEqualTo(threads * perThread);
    // The root is the RFC 9162 root of the entries in the order the store holds them.
    List<byte[]> stored = store.entries(0, threads * perThread);
    CompactRange r = CompactRange.empty();
    stored.forEach(e -> r.append(TreeHasher.leaf(e), (id, h) -> {}));
    assertThat(ledger.head().root()).isEqualTo(r.root());
  }

  @Test
  void everyInclusionProof_atEveryPastSize_verifies() throws Exception {
    Ledger ledger = open(store);
    for (int i = 0; i < 40; i++) {
      ledger.appendAndWait(entry(i));
    }

    for (int size = 1; size <= 40; size++) {
      Hash root = ledger.root(size);
      assertThat(root).isEqualTo(rootOf(size));
      for (int index = 0; index < size; index++) {
        Hash leaf = TreeHasher.leaf(entry(index));
        var proof = ledger.inclusionProof(index, size);
        assertThatNoException().isThrownBy(() -> ProofVerifier.verifyInclusion(leaf, proof, root));
      }
    }
  }

  @Test
  void everyConsistencyProof_verifies() throws Exception {
    Ledger ledger = open(store);
    for (int i = 0; i < 33; i++) {
      ledger.appendAndWait(entry(i));
    }

    for (int size1 = 1; size1 <= 33; size1++) {
      for (int size2 = size1; size2 <= 33; size2++) {
        var proof = ledger.consistencyProof(size1, size2);
        Hash r1 = ledger.root(size1);
        Hash r2 = ledger.root(size2);
        assertThatNoException().isThrownBy(() -> ProofVerifier.verifyConsistency(proof, r1, r2));
      }
    }
  }

  @Test
  void proofsBeyondTheLog_areOutOfRange() throws Exception {
    Ledger ledger = open(store);
    ledger.appendAndWait(entry(0));

    assertThatThrownBy(() -> ledger.inclusionProof(1, 1))
        .isInstanceOf(LedgerException.class)
        .extracting(e -> ((LedgerException) e).reason())
        .isEqualTo(Reason.OUT_OF_RANGE);
    assertThatThrownBy(() -> ledger.root(2))
        .extracting(e -> ((LedgerException) e).reason())
        .isEqualTo(Reason.OUT_OF_RANGE);
    assertThatThrownBy(() -> ledger.consistencyProof(1, 2))
        .extracting(e -> ((LedgerException) e).reason())
        .isEqualTo(Reason.OUT_OF_RANGE);
  }

  @Test
  void tooLargeEntry_isRefused_andNothingIsStored() throws Exception {
    Ledger ledger = open(store);

    assertThatThrownBy(() -> ledger.appendAndWait(new byte[1025]))
        .isInstanceOf(LedgerException.class)
        .extracting(e -> ((LedgerException) e).reason())
        .isEqualTo(Reason.ENTRY_TOO_LARGE);
    assertThat(store.size()).isZero();
  }

  @Test
  void reopening_continuesTheSameTree() throws Exception {
    Ledger first = open(store);
    for (int i = 0; i < 21; i++) {
      first.appendAndWait(entry(i));
    }
    first.close();

    Ledger second = open(store);
    for (int i = 21; i < 30; i++) {
      second.appendAndWait(entry(i));
    }

    assertThat(second.head()).isEqualTo(new TreeHead(30, rootOf(30)));
    var proof = second.inclusionProof(3, 30);
    assertThatNoException()
        .isThrownBy(
            () -> ProofVerifier.verifyInclusion(TreeHasher.leaf(entry(3)), proof, rootOf(30)));
  }

  @Test
  void checkpoint_signsTheCurrentHead_once() throws Exception {
    Ledger ledger = open(store);
    ledger.appendAndWait(entry(0));
    List<TreeHead> signed = new ArrayList<>();
    TreeHeadSigner recording =
        head -> {
          signed.add(head);
          return SIGNER.sign(head);
        };

    StoredCheckpoint first = ledger.checkpoint(recording);
    StoredCheckpoint again = ledger.checkpoint(recording);
    ledger.appendAndWait(entry(1));
    StoredCheckpoint later = ledger.checkpoint(recording);

    assertThat(first.size()).isEqualTo(1);
    assertThat(again).isEqualTo(first);
    assertThat(later.size()).isEqualTo(2);
    assertThat(signed).containsExactly(new TreeHead(1, rootOf(1)), new TreeHead(2, rootOf(2)));
    assertThat(store.latestCheckpoint()).contains(later);
  }

  @Test
  void open_refusesAStoreRolledBackBelowItsCheckpoint() throws Exception {
    Ledger ledger = open(store);
    for (int i = 0; i < 5; i++) {
      ledger.appendAndWait(entry(i));
    }
    StoredCheckpoint signed = ledger.checkpoint(SIGNER);
    ledger.close();
    // An older backup of the entries, with the newer checkpoint record.
    MemoryLogStore rolledBack = new MemoryLogStore();
    Ledger old = open(rolledBack);
    for (int i = 0; i < 3; i++) {
      old.appendAndWait(entry(i));
    }
    old.close();
    rolledBack.putCheckpoint(signed);

    assertThatThrownBy(() -> open(rolledBack))
        .isInstanceOf(LedgerException.class)
        .hasMessageContaining("rolled back")
        .extracting(e -> ((LedgerException) e).reason())
        .isEqualTo(Reason.INCONSISTENT_STORE);
  }

  @Test
  void open_refusesAStoreWhoseTreeDiffersFromItsCheckpoint() throws Exception {
    Ledger ledger = open(store);
    for (int i = 0; i < 4; i++) {
      ledger.appendAndWait(entry(i));
    }
    StoredCheckpoint signed = ledger.checkpoint(SIGNER);
    ledger.close();
    // The same size, but a different history (a fork).
    MemoryLogStore forked = new MemoryLogStore();
    Ledger other = open(forked);
    for (int i = 0; i < 4; i++) {
      other.appendAndWait(entry(100 + i));
    }
    other.close();
    forked.putCheckpoint(signed);

    assertThatThrownBy(() -> open(forked))
        .isInstanceOf(LedgerException.class)
        .hasMessageContaining("altered")
        .extracting(e -> ((LedgerException) e).reason())
        .isEqualTo(Reason.INCONSISTENT_STORE);
  }

  @Test
  void storeFailure_failsTheBatch_andStopsAppends() throws Exception {
    AtomicBoolean broken = new AtomicBoolean();
    LogStore failing = new FailingStore(store, broken);
    Ledger ledger = open(failing);
    ledger.appendAndWait(entry(0));
    broken.set(true);

    assertThatThrownBy(() -> ledger.appendAndWait(entry(1)))
        .extracting(e -> ((LedgerException) e).reason())
        .isEqualTo(Reason.STORE_FAILED);
    broken.set(false);
    assertThat(ledger.state()).isEqualTo(Ledger.State.FAILED);
    assertThatThrownBy(() -> ledger.appendAndWait(entry(2)))
        .extracting(e -> ((LedgerException) e).reason())
        .isEqualTo(Reason.STORE_FAILED);
    assertThat(ledger.size()).isEqualTo(1);
    assertThat(store.size()).isEqualTo(1);
  }

  @Test
  void close_commitsWhatWasAccepted_andRefusesTheRest() throws Exception {
    Ledger ledger = open(store);
    List<CompletableFuture<Long>> accepted = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      accepted.add(ledger.append(entry(i)));
    }

    ledger.close();

    accepted.forEach(f -> assertThat(f).isCompleted());
    assertThat(accepted.stream().map(CompletableFuture::join)).hasSize(100);
    assertThat(store.size()).isEqualTo(100);
    assertThatThrownBy(() -> ledger.append(entry(100)).join())
        .isInstanceOf(CompletionException.class)
        .hasCauseInstanceOf(LedgerException.class);
    assertThat(ledger.state()).isEqualTo(Ledger.State.CLOSED);
  }

  /** Appends entries {@code from .. to - 1} to {@code target} directly, as another writer does. */
  private static void appendBehindItsBack(LogStore target, int from, int to, int offset)
      throws Exception {
    CompactRange range = CompactRange.empty();
    for (int i = 0; i < from; i++) {
      range.append(TreeHasher.leaf(entry(offset + i)), (id, h) -> {});
    }
    List<byte[]> entries = new ArrayList<>();
    List<StoredNode> nodes = new ArrayList<>();
    for (int i = from; i < to; i++) {
      entries.add(entry(offset + i));
      range.append(TreeHasher.leaf(entry(offset + i)), (id, h) -> nodes.add(new StoredNode(id, h)));
    }
    target.append(from, entries, nodes);
  }

  @Test
  void refresh_catchesUpWithAnotherWritersEntries_andProofsCoverThem() throws Exception {
    Ledger ledger = open(store);
    ledger.appendAndWait(entry(0));
    appendBehindItsBack(store, 1, 40, 0);

    TreeHead refreshed = ledger.refresh();

    assertThat(refreshed).isEqualTo(new TreeHead(40, rootOf(40)));
    assertThat(ledger.head()).isEqualTo(refreshed);
    var proof = ledger.inclusionProof(37, 40);
    assertThatNoException()
        .isThrownBy(
            () -> ProofVerifier.verifyInclusion(TreeHasher.leaf(entry(37)), proof, rootOf(40)));
    var consistency = ledger.consistencyProof(1, 40);
    assertThatNoException()
        .isThrownBy(() -> ProofVerifier.verifyConsistency(consistency, rootOf(1), rootOf(40)));
    // Its own appends continue after what it caught up with.
    assertThat(ledger.appendAndWait(entry(40))).isEqualTo(40);
    assertThat(ledger.head()).isEqualTo(new TreeHead(41, rootOf(41)));
  }

  @Test
  void refresh_withNothingNew_returnsTheSameHead() throws Exception {
    Ledger ledger = open(store);
    ledger.appendAndWait(entry(0));

    assertThat(ledger.refresh()).isEqualTo(new TreeHead(1, rootOf(1)));
  }

  @Test
  void refresh_ofAStoreThatShrank_isInconsistent_andKeepsTheHead() throws Exception {
    appendBehindItsBack(store, 0, 6, 0);
    MemoryLogStore older = new MemoryLogStore();
    appendBehindItsBack(older, 0, 4, 0);
    AtomicReference<LogStore> current = new AtomicReference<>(store);
    Ledger ledger = open(new SwitchingStore(current));
    current.set(older);

    assertThatThrownBy(ledger::refresh)
        .isInstanceOf(LedgerException.class)
        .hasMessageContaining("fewer than the 6")
        .extracting(e -> ((LedgerException) e).reason())
        .isEqualTo(Reason.INCONSISTENT_STORE);
    assertThat(ledger.head()).isEqualTo(new TreeHead(6, rootOf(6)));
  }

  @Test
  void refresh_ofAStoreWhoseHistoryWasRewritten_isInconsistent() throws Exception {
    appendBehindItsBack(store, 0, 5, 0);
    MemoryLogStore forked = new MemoryLogStore();
    appendBehindItsBack(forked, 0, 9, 100);
    AtomicReference<LogStore> current = new AtomicReference<>(store);
    Ledger ledger = open(new SwitchingStore(current));
    current.set(forked);

    assertThatThrownBy(ledger::refresh)
        .isInstanceOf(LedgerException.class)
        .hasMessageContaining("does not extend")
        .extracting(e -> ((LedgerException) e).reason())
        .isEqualTo(Reason.INCONSISTENT_STORE);
    assertThat(ledger.size()).isEqualTo(5);
  }

  @Test
  void refresh_ofAForkAtTheSameSize_isInconsistent() throws Exception {
    appendBehindItsBack(store, 0, 5, 0);
    MemoryLogStore forked = new MemoryLogStore();
    appendBehindItsBack(forked, 0, 5, 100);
    AtomicReference<LogStore> current = new AtomicReference<>(store);
    Ledger ledger = open(new SwitchingStore(current));
    current.set(forked);

    assertThatThrownBy(ledger::refresh)
        .extracting(e -> ((LedgerException) e).reason())
        .isEqualTo(Reason.INCONSISTENT_STORE);
  }

  @Test
  void refresh_concurrentWithReaders_neverServesAWrongProof() throws Exception {
    Ledger ledger = open(store);
    ExecutorService readers = Executors.newFixedThreadPool(2);
    AtomicBoolean stop = new AtomicBoolean();
    try {
      List<java.util.concurrent.Future<?>> reading = new ArrayList<>();
      for (int r = 0; r < 2; r++) {
        reading.add(
            readers.submit(() -> {
              while (!stop.get()) {
                TreeHead head = ledger.head();
                if (head.size() > 1) {
                  var proof = ledger.inclusionProof(head.size() - 1, head.size());
                  ProofVerifier.verifyInclusion(
                      TreeHasher.leaf(entry((int) head.size() - 1)), proof, head.root());
                }
              }
              return null;
            }));
      }
      for (int n = 0; n < 200; n += 7) {
        appendBehindItsBack(store, n, n + 7, 0);
        ledger.refresh();
      }
      stop.set(true);
      for (var f : reading) {
        f.get();
      }
    } finally {
      stop.set(true);
      readers.shutdownNow();
    }
    assertThat(ledger.head()).isEqualTo(new TreeHead(203, rootOf(203)));
  }

  @Test
  void checkpoint_afterAnotherWriterRecordedTheSameSize_returnsTheRecordedOne() throws Exception {
    Ledger first = open(store);
    Ledger second = open(store);
    for (int i = 0; i < 5; i++) {
      first.appendAndWait(entry(i));
    }
    second.refresh();
    StoredCheckpoint recorded = first.checkpoint(SIGNER);

    StoredCheckpoint got =
        second.checkpoint(head -> "another signer".getBytes(StandardCharsets.UTF_8));

    assertThat(got).isEqualTo(recorded);
    assertThat(second.latestCheckpoint()).contains(recorded);
  }

  @Test
  void checkpoint_afterAnotherWriterRecordedALargerOne_refreshesAndReturnsIt() throws Exception {
    Ledger first = open(store);
    Ledger second = open(store);
    for (int i = 0; i < 8; i++) {
      first.appendAndWait(entry(i));
      if (i == 4) {
        second.refresh();
      }
    }
    StoredCheckpoint recorded = first.checkpoint(SIGNER);

    StoredCheckpoint got = second.checkpoint(SIGNER);

    assertThat(got).isEqualTo(recorded);
    assertThat(second.head()).isEqualTo(new TreeHead(8, rootOf(8)));
  }

  @Test
  void checkpoint_whenTheRecordedOneDoesNotMatchTheTree_isInconsistent() throws Exception {
    Ledger ledger = open(store);
    for (int i = 0; i < 3; i++) {
      ledger.appendAndWait(entry(i));
    }
    // Another writer recorded a checkpoint at this size over a different root.
    store.putCheckpoint(new StoredCheckpoint(3, rootOf(2), new byte[] {1}));

    assertThatThrownBy(() -> ledger.checkpoint(SIGNER))
        .extracting(e -> ((LedgerException) e).reason())
        .isEqualTo(Reason.INCONSISTENT_STORE);
  }

  /** Delegates to whichever store {@code current} holds: a store replaced behind the ledger. */
  private record SwitchingStore(AtomicReference<LogStore> current) implements LogStore {
    @Override
    public long size() throws StoreException {
      return current.get().size();
    }

    @Override
    public void append(long firstIndex, List<byte[]> entries, List<StoredNode> nodes)
        throws StoreException {
      current.get().append(firstIndex, entries, nodes);
    }

    @Override
    public List<byte[]> entries(long from, int count) throws StoreException {
      return current.get().entries(from, count);
    }

    @Override
    public List<Hash> hashes(List<NodeId> nodes) throws StoreException {
      return current.get().hashes(nodes);
    }

    @Override
    public List<Hash> hashRange(int level, long from, int count) throws StoreException {
      return current.get().hashRange(level, from, count);
    }

    @Override
    public void putCheckpoint(StoredCheckpoint checkpoint) throws StoreException {
      current.get().putCheckpoint(checkpoint);
    }

    @Override
    public Optional<StoredCheckpoint> latestCheckpoint() throws StoreException {
      return current.get().latestCheckpoint();
    }

    @Override
    public void close() {}
  }

  /** Delegates to a store, failing appends while {@code broken} is set. */
  private record FailingStore(LogStore delegate, AtomicBoolean broken) implements LogStore {
    @Override
    public long size() throws StoreException {
      return delegate.size();
    }

    @Override
    public void append(long firstIndex, List<byte[]> entries, List<StoredNode> nodes)
        throws StoreException {
      if (broken.get()) {
        throw new StoreException(StoreException.Reason.UNAVAILABLE, "disk full");
      }
      delegate.append(firstIndex, entries, nodes);
    }

    @Override
    public List<byte[]> entries(long from, int count) throws StoreException {
      return delegate.entries(from, count);
    }

    @Override
    public List<Hash> hashes(List<NodeId> nodes) throws StoreException {
      return delegate.hashes(nodes);
    }

    @Override
    public List<Hash> hashRange(int level, long from, int count) throws StoreException {
      return delegate.hashRange(level, from, count);
    }

    @Override
    public void putCheckpoint(StoredCheckpoint checkpoint) throws StoreException {
      delegate.putCheckpoint(checkpoint);
    }

    @Override
    public Optional<StoredCheckpoint> latestCheckpoint() throws StoreException {
      return delegate.latestCheckpoint();
    }

    @Override
    public void close() throws StoreException {
      delegate.close();
    }
  }
}
