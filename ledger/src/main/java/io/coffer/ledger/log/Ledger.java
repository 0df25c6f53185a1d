package io.coffer.ledger.log;

import io.coffer.ledger.log.LedgerException.Reason;
import io.coffer.ledger.merkle.CompactRange;
import io.coffer.ledger.merkle.ConsistencyProof;
import io.coffer.ledger.merkle.Hash;
import io.coffer.ledger.merkle.InclusionProof;
import io.coffer.ledger.merkle.NodeId;
import io.coffer.ledger.merkle.ProofBuilder;
import io.coffer.ledger.merkle.ProofException;
import io.coffer.ledger.merkle.ProofVerifier;
import io.coffer.ledger.merkle.SubtreeSource;
import io.coffer.ledger.merkle.SubtreeUnavailableException;
import io.coffer.ledger.merkle.TreeHasher;
import io.coffer.ledger.merkle.TreeHead;
import io.coffer.ledger.store.LogStore;
import io.coffer.ledger.store.StoreException;
import io.coffer.ledger.store.StoredCheckpoint;
import io.coffer.ledger.store.StoredNode;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An append-only RFC 9162 transparency log over a {@link LogStore}.
 *
 * <p>Appends are sequenced by one thread that commits them in batches (group commit): concurrent
 * appenders share one store transaction and one fsync, and each append's future completes only once
 * its batch is durable. Each append costs {@code O(log n)} hashing (a {@link CompactRange}); proofs
 * read {@code O(log n)} hashes, most from an in-memory cache of the upper tree levels.
 *
 * <p>Security guarantees: the log never signs a checkpoint that is inconsistent with the last one
 * it signed; on {@link #open} it refuses a store that holds fewer entries than its latest signed
 * checkpoint, or whose hashes do not reproduce that checkpoint's root.
 *
 * <p>Not protected against: a store rolled back together with its checkpoints. Only someone who
 * holds a newer checkpoint (a witness, an auditor) can detect that.
 *
 * <p>Futures returned by {@link #append} complete on the sequencer thread: attach heavy work with
 * the {@code *Async} methods.
 *
 * <p>Shared stores: when others append to the same store (an application's {@code
 * JdbcLogStore.transaction}, another process), {@link #refresh()} catches this ledger up with what
 * they committed. Refreshes and this ledger's own batches hold the same lock, so they never
 * interleave; but a batch of {@link #append} that does not start at the store's size (because
 * others appended since the last refresh) fails with {@code STORE_FAILED} and stops this ledger's
 * appends. A ledger over a shared store should therefore be used for one of the two: its own
 * appends, or refreshes.
 */
public final class Ledger implements AutoCloseable {

  /** The lifecycle of a ledger. */
  public enum State {
    /** Accepting appends and serving proofs. */
    OPEN,
    /** The store failed; appends are refused until the ledger is reopened. Reads still work. */
    FAILED,
    /** Closed. */
    CLOSED
  }

  private static final Logger LOG = LoggerFactory.getLogger(Ledger.class);
  private static final int HASH_READ_CHUNK = 4096;
  private static final Pending POISON = new Pending(new byte[0], null, null);

  private record Pending(byte[] entry, Hash leafHash, CompletableFuture<Long> future) {}

  private final LogStore store;
  private final LedgerOptions options;
  private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
  private final ReentrantLock checkpointLock = new ReentrantLock();

  /** Held while a batch is committed or the ledger refreshed: both advance {@link #range}. */
  private final ReentrantLock sequencing = new ReentrantLock();

  /** Orders admissions against {@link #close}: every accepted append is queued before POISON. */
  private final ReentrantLock admission = new ReentrantLock();

  private final Thread sequencer;
  private final LevelCache cache;

  /** Advanced under {@link #sequencing}; published under the write lock. */
  private CompactRange range;

  private volatile TreeHead head;
  private volatile State state = State.OPEN;
  private boolean accepting = true;
  private StoredCheckpoint lastCheckpoint;

  private Ledger(
      LogStore store,
      LedgerOptions options,
      CompactRange range,
      LevelCache cache,
      StoredCheckpoint lastCheckpoint) {
    this.store = store;
    this.options = options;
    this.range = range;
    this.cache = cache;
    this.head = new TreeHead(range.size(), range.root());
    this.lastCheckpoint = lastCheckpoint;
    this.sequencer =
        Thread.ofPlatform().name("ledger-sequencer").daemon().unstarted(this::sequence);
  }

  /**
   * Opens the log held by {@code store} and checks it against the latest checkpoint the log signed.
   *
   * @throws LedgerException {@code INCONSISTENT_STORE} if the store was rolled back or altered
   *     below its latest checkpoint, {@code STORE_FAILED} if it cannot be read
   */
  public static Ledger open(LogStore store, LedgerOptions options) throws LedgerException {
    try {
      long size = store.size();
      CompactRange range = CompactRange.of(size, store.hashes(CompactRange.peakNodes(size)));
      LevelCache cache = new LevelCache(options.cachedFromLevel());
      for (int level = options.cachedFromLevel(); level < 64 && (size >>> level) > 0; level++) {
        long count = size >>> level;
        for (long from = 0; from < count; from += HASH_READ_CHUNK) {
          int n = (int) Math.min(HASH_READ_CHUNK, count - from);
          List<Hash> hashes = store.hashRange(level, from, n);
          for (int i = 0; i < n; i++) {
            cache.add(new NodeId(level, from + i), hashes.get(i));
          }
        }
      }
      Optional<StoredCheckpoint> last = store.latestCheckpoint();
      Ledger ledger = new Ledger(store, options, range, cache, last.orElse(null));
      if (last.isPresent()) {
        ledger.checkAgainst(last.get());
      }
      ledger.sequencer.start();
      LOG.atInfo()
          .addKeyValue("size", size)
          .addKeyValue("root", ledger.head.root())
          .log("ledger opened");
      return ledger;
    } catch (StoreException e) {
      throw new LedgerException(
          Reason.STORE_FAILED, "cannot read the log store: " + e.getMessage(), e);
    }
  }

  /** Fails unless the current tree extends {@code checkpoint}. */
  private void checkAgainst(StoredCheckpoint checkpoint) throws LedgerException {
    long size = head.size();
    if (checkpoint.size() > size) {
      throw new LedgerException(
          Reason.INCONSISTENT_STORE,
          "the store holds "
              + size
              + " entries but the log signed a checkpoint at size "
              + checkpoint.size()
              + ": the store was rolled back or truncated");
    }
    Hash then = root(checkpoint.size());
    if (!then.equals(checkpoint.root())) {
      throw new LedgerException(
          Reason.INCONSISTENT_STORE,
          "the store's tree at size "
              + checkpoint.size()
              + " has root "
              + then
              + " but the log signed "
              + checkpoint.root()
              + ": the store was altered");
    }
  }

  /**
   * Appends an entry. The future completes with the entry's index once it is durable, or
   * exceptionally with a {@link LedgerException}.
   */
  public CompletableFuture<Long> append(byte[] entry) {
    if (entry.length > options.maxEntrySizeBytes()) {
      return CompletableFuture.failedFuture(
          new LedgerException(
              Reason.ENTRY_TOO_LARGE,
              "entry of "
                  + entry.length
                  + " bytes is larger than the "
                  + options.maxEntrySizeBytes()
                  + " bytes the log accepts"));
    }
    byte[] copy = entry.clone();
    Pending pending = new Pending(copy, TreeHasher.leaf(copy), new CompletableFuture<>());
    admission.lock();
    try {
      if (!accepting || state != State.OPEN) {
        return CompletableFuture.failedFuture(notOpen());
      }
      queue.add(pending);
    } finally {
      admission.unlock();
    }
    return pending.future();
  }

  /** Appends an entry and waits until it is durable; returns its index. */
  public long appendAndWait(byte[] entry) throws LedgerException {
    try {
      return append(entry).join();
    } catch (java.util.concurrent.CompletionException e) {
      if (e.getCause() instanceof LedgerException failure) {
        throw failure;
      }
      throw e;
    }
  }

  private void sequence() {
    List<Pending> batch = new ArrayList<>(options.maxBatchEntries());
    try {
      while (true) {
        Pending first = queue.take();
        if (first == POISON) {
          break;
        }
        batch.clear();
        batch.add(first);
        queue.drainTo(batch, options.maxBatchEntries() - 1);
        int poison = batch.indexOf(POISON);
        List<Pending> work = poison < 0 ? batch : batch.subList(0, poison);
        if (state == State.OPEN) {
          commit(work);
        } else {
          work.forEach(p -> p.future().completeExceptionally(notOpen()));
        }
        if (poison >= 0) {
          break;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      failQueued(notOpen());
    }
  }

  private void commit(List<Pending> batch) {
    sequencing.lock();
    try {
      commitLocked(batch);
    } finally {
      sequencing.unlock();
    }
  }

  private void commitLocked(List<Pending> batch) {
    long first = range.size();
    CompactRange next = range.copy();
    List<byte[]> entries = new ArrayList<>(batch.size());
    List<StoredNode> nodes = new ArrayList<>(batch.size() * 2 + 64);
    for (Pending p : batch) {
      entries.add(p.entry());
      next.append(p.leafHash(), (id, h) -> nodes.add(new StoredNode(id, h)));
    }
    try {
      store.append(first, entries, nodes);
    } catch (StoreException | RuntimeException e) {
      state = State.FAILED;
      LOG.atError()
          .addKeyValue("size", first)
          .addKeyValue("batch", batch.size())
          .setCause(e)
          .log("ledger store append failed; the ledger refuses appends until reopened");
      LedgerException failure =
          new LedgerException(Reason.STORE_FAILED, "the log store failed: " + e.getMessage(), e);
      batch.forEach(p -> p.future().completeExceptionally(failure));
      return;
    }
    publish(next, nodes);
    for (int i = 0; i < batch.size(); i++) {
      batch.get(i).future().complete(first + i);
    }
  }

  /** Makes {@code next} the current range, with the nodes it completed, for readers. */
  private void publish(CompactRange next, List<StoredNode> nodes) {
    TreeHead newHead = new TreeHead(next.size(), next.root());
    lock.writeLock().lock();
    try {
      range = next;
      for (StoredNode node : nodes) {
        if (cache.covers(node.id().level())) {
          cache.add(node.id(), node.hash());
        }
      }
      head = newHead;
    } finally {
      lock.writeLock().unlock();
    }
  }

  /**
   * Catches this ledger up with entries that others appended to its store since it opened or last
   * refreshed (see the class comment), after checking that the store's tree extends the head this
   * ledger knew: the consistency proof from the old head to the store's new tree, built from the
   * store's hashes, must verify. Thread-safe with readers, {@link #checkpoint} and this ledger's
   * own appends.
   *
   * @return the new head (the old one if nothing was appended)
   * @throws LedgerException {@code INCONSISTENT_STORE} if the store holds fewer entries than this
   *     ledger knew, or a tree that does not extend its head (nothing is changed then); {@code
   *     STORE_FAILED} if the store cannot be read; {@code NOT_OPEN} if the ledger is closed
   */
  public TreeHead refresh() throws LedgerException {
    sequencing.lock();
    try {
      if (state == State.CLOSED) {
        throw notOpen();
      }
      TreeHead old = head;
      long size = store.size();
      if (size < old.size()) {
        throw new LedgerException(
            Reason.INCONSISTENT_STORE,
            "the store holds "
                + size
                + " entries, fewer than the "
                + old.size()
                + " this ledger knew: the store was rolled back or truncated");
      }
      CompactRange next = CompactRange.of(size, store.hashes(CompactRange.peakNodes(size)));
      checkExtends(old, next);
      if (size == old.size()) {
        return old;
      }
      publish(next, newCachedNodes(old.size(), size));
      LOG.atDebug().addKeyValue("from", old.size()).addKeyValue("to", size).log("ledger refreshed");
      return head;
    } catch (StoreException e) {
      throw new LedgerException(
          Reason.STORE_FAILED, "cannot read the log store: " + e.getMessage(), e);
    } finally {
      sequencing.unlock();
    }
  }

  /** RFC 9162 §2.1.4.2: the store's tree {@code next} must extend the known head {@code old}. */
  private void checkExtends(TreeHead old, CompactRange next) throws LedgerException {
    Hash newRoot = next.root();
    if (old.size() == 0 && next.size() > 0) {
      return; // every tree extends the empty one; the proof would be empty (and is refused)
    }
    try {
      ConsistencyProof proof = ProofBuilder.consistency(this::storeHashes, old.size(), next.size());
      ProofVerifier.verifyConsistency(proof, old.root(), newRoot);
    } catch (SubtreeUnavailableException e) {
      throw storeRead(e);
    } catch (ProofException e) {
      throw new LedgerException(
          Reason.INCONSISTENT_STORE,
          "the store's tree of "
              + next.size()
              + " entries does not extend the head of "
              + old.size()
              + " entries this ledger knew ("
              + e.getMessage()
              + "): the store was altered",
          e);
    }
  }

  private List<Hash> storeHashes(List<NodeId> nodes) throws SubtreeUnavailableException {
    try {
      return store.hashes(nodes);
    } catch (StoreException e) {
      throw new SubtreeUnavailableException(e.getMessage(), e);
    }
  }

  /** The nodes of the cached levels that the tree's growth from {@code from} to {@code to} adds. */
  private List<StoredNode> newCachedNodes(long from, long to) throws StoreException {
    List<StoredNode> nodes = new ArrayList<>();
    for (int level = cache.fromLevel(); level < 64 && (to >>> level) > 0; level++) {
      long have = cache.count(level);
      long count = (to >>> level) - have;
      for (long done = 0; done < count; done += HASH_READ_CHUNK) {
        int n = (int) Math.min(HASH_READ_CHUNK, count - done);
        List<Hash> hashes = store.hashRange(level, have + done, n);
        for (int i = 0; i < n; i++) {
          nodes.add(new StoredNode(new NodeId(level, have + done + i), hashes.get(i)));
        }
      }
    }
    return nodes;
  }

  private void failQueued(LedgerException failure) {
    List<Pending> left = new ArrayList<>();
    queue.drainTo(left);
    for (Pending p : left) {
      if (p != POISON) {
        p.future().completeExceptionally(failure);
      }
    }
  }

  private LedgerException notOpen() {
    return new LedgerException(
        state == State.FAILED ? Reason.STORE_FAILED : Reason.NOT_OPEN,
        "the ledger is " + state.name().toLowerCase(java.util.Locale.ROOT));
  }

  /** The lifecycle state. */
  public State state() {
    return state;
  }

  /** The current (durable) tree head. */
  public TreeHead head() {
    return head;
  }

  /** The number of durable entries. */
  public long size() {
    return head.size();
  }

  /** The root of the tree of the first {@code size} entries, for any past size. */
  public Hash root(long size) throws LedgerException {
    requireSize(size);
    try {
      return ProofBuilder.root(hashSource(), size);
    } catch (SubtreeUnavailableException e) {
      throw storeRead(e);
    }
  }

  /** The inclusion proof of entry {@code index} in the tree of {@code size} entries. */
  public InclusionProof inclusionProof(long index, long size) throws LedgerException {
    requireSize(size);
    if (index < 0 || index >= size) {
      throw new LedgerException(
          Reason.OUT_OF_RANGE, "entry " + index + " is not in a tree of size " + size);
    }
    try {
      return ProofBuilder.inclusion(hashSource(), index, size);
    } catch (SubtreeUnavailableException e) {
      throw storeRead(e);
    }
  }

  /** The consistency proof from the tree of {@code size1} entries to that of {@code size2}. */
  public ConsistencyProof consistencyProof(long size1, long size2) throws LedgerException {
    requireSize(size2);
    if (size1 < 0 || size1 > size2) {
      throw new LedgerException(
          Reason.OUT_OF_RANGE, "no consistency proof from size " + size1 + " to size " + size2);
    }
    try {
      return ProofBuilder.consistency(hashSource(), size1, size2);
    } catch (SubtreeUnavailableException e) {
      throw storeRead(e);
    }
  }

  /**
   * The hashes of {@code count} consecutive complete subtrees of height {@code level} (tree level
   * {@code level}, leaves at 0), from node {@code from}: the hashes a C2SP tlog-tiles hash tile
   * holds. Each node must be complete in the current tree.
   *
   * @throws LedgerException {@code OUT_OF_RANGE} for a node the current tree has not completed,
   *     {@code STORE_FAILED} when the hashes cannot be read
   */
  public List<Hash> subtreeHashes(int level, long from, int count) throws LedgerException {
    long complete = level < 0 || level >= Long.SIZE ? 0 : head.size() >>> level;
    if (level < 0 || level >= Long.SIZE || from < 0 || count < 0 || from > complete - count) {
      throw new LedgerException(
          Reason.OUT_OF_RANGE,
          "nodes "
              + from
              + ".."
              + (from + count - 1)
              + " of level "
              + level
              + " are not complete in a tree of size "
              + head.size());
    }
    List<NodeId> nodes = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      nodes.add(new NodeId(level, from + i));
    }
    try {
      return hashSource().hashes(nodes);
    } catch (SubtreeUnavailableException e) {
      throw storeRead(e);
    }
  }

  /** The entries at {@code from .. from + count - 1}, as the store returns them. */
  public List<byte[]> entries(long from, int count) throws LedgerException {
    if (from < 0 || count < 0 || from + count > head.size()) {
      throw new LedgerException(
          Reason.OUT_OF_RANGE,
          "entries " + from + ".." + (from + count - 1) + " are not in a log of " + head.size());
    }
    try {
      return store.entries(from, count);
    } catch (StoreException e) {
      throw new LedgerException(Reason.STORE_FAILED, "cannot read entries: " + e.getMessage(), e);
    }
  }

  /**
   * Signs a checkpoint for the current tree head and records it, unless the head equals the last
   * signed one, which is then returned. If another writer of the store recorded a checkpoint of the
   * same or a larger size first, that one is returned instead, once this ledger's tree (refreshed
   * up to it if needed) reproduces its root.
   *
   * @throws LedgerException {@code INCONSISTENT_STORE} if the current tree does not extend the last
   *     signed checkpoint (nothing is signed then), {@code SIGNING_FAILED}, {@code STORE_FAILED}
   */
  public StoredCheckpoint checkpoint(TreeHeadSigner signer) throws LedgerException {
    checkpointLock.lock();
    try {
      if (state == State.CLOSED) {
        throw notOpen();
      }
      TreeHead current = head;
      StoredCheckpoint last = lastCheckpoint;
      if (last != null) {
        checkAgainst(last);
        if (last.size() == current.size()) {
          return last;
        }
      }
      byte[] note;
      try {
        note = signer.sign(current);
      } catch (GeneralSecurityException | RuntimeException e) {
        throw new LedgerException(
            Reason.SIGNING_FAILED, "cannot sign the checkpoint: " + e.getMessage(), e);
      }
      StoredCheckpoint signed = new StoredCheckpoint(current.size(), current.root(), note);
      try {
        store.putCheckpoint(signed);
      } catch (StoreException e) {
        if (e.reason() == StoreException.Reason.CONFLICT) {
          return adoptRecorded(current, e);
        }
        throw new LedgerException(
            Reason.STORE_FAILED, "cannot record the checkpoint: " + e.getMessage(), e);
      }
      lastCheckpoint = signed;
      return signed;
    } finally {
      checkpointLock.unlock();
    }
  }

  /**
   * Another writer of the store (another process) recorded a checkpoint of the same or a larger
   * size first: returns that one if it covers {@code current} and this ledger's tree, refreshed up
   * to it, reproduces its root.
   */
  private StoredCheckpoint adoptRecorded(TreeHead current, StoreException conflict)
      throws LedgerException {
    StoredCheckpoint recorded;
    try {
      recorded = store.latestCheckpoint().orElse(null);
    } catch (StoreException e) {
      e.addSuppressed(conflict);
      throw new LedgerException(
          Reason.STORE_FAILED, "cannot read the recorded checkpoint: " + e.getMessage(), e);
    }
    if (recorded == null || recorded.size() < current.size()) {
      throw new LedgerException(
          Reason.STORE_FAILED, "cannot record the checkpoint: " + conflict.getMessage(), conflict);
    }
    if (recorded.size() > head.size()) {
      refresh();
    }
    checkAgainst(recorded);
    lastCheckpoint = recorded;
    return recorded;
  }

  /** The latest checkpoint the log signed, if any. */
  public Optional<StoredCheckpoint> latestCheckpoint() {
    checkpointLock.lock();
    try {
      return Optional.ofNullable(lastCheckpoint);
    } finally {
      checkpointLock.unlock();
    }
  }

  private void requireSize(long size) throws LedgerException {
    long current = head.size();
    if (size < 0 || size > current) {
      throw new LedgerException(
          Reason.OUT_OF_RANGE, "tree size " + size + " is beyond the log's " + current);
    }
  }

  private static LedgerException storeRead(SubtreeUnavailableException e) {
    return new LedgerException(
        Reason.STORE_FAILED, "cannot read tree hashes: " + e.getMessage(), e);
  }

  /** Reads subtree hashes from the in-memory cache, and the rest from the store in one call. */
  private SubtreeSource hashSource() {
    return nodes -> {
      Hash[] out = new Hash[nodes.size()];
      List<NodeId> missing = new ArrayList<>();
      List<Integer> positions = new ArrayList<>();
      lock.readLock().lock();
      try {
        for (int i = 0; i < nodes.size(); i++) {
          Hash h = cache.get(nodes.get(i));
          if (h == null) {
            missing.add(nodes.get(i));
            positions.add(i);
          } else {
            out[i] = h;
          }
        }
      } finally {
        lock.readLock().unlock();
      }
      if (!missing.isEmpty()) {
        List<Hash> read;
        try {
          read = store.hashes(missing);
        } catch (StoreException e) {
          throw new SubtreeUnavailableException(e.getMessage(), e);
        }
        for (int i = 0; i < positions.size(); i++) {
          out[positions.get(i)] = read.get(i);
        }
      }
      return List.of(out);
    };
  }

  /**
   * Stops accepting appends, commits those already queued, and waits for the sequencer. Does not
   * close the store, which belongs to the caller.
   */
  @Override
  public void close() {
    admission.lock();
    try {
      if (!accepting) {
        return;
      }
      accepting = false;
      queue.add(POISON);
    } finally {
      admission.unlock();
    }
    try {
      sequencer.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    state = State.CLOSED;
    failQueued(notOpen());
  }
}
