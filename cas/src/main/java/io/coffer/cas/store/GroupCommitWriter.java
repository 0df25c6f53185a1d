package io.coffer.cas.store;

import io.coffer.cas.service.CasException;
import io.coffer.cas.service.CasException.Type;
import io.coffer.cas.store.CasStore.WriteOperation;
import io.coffer.ledger.log.Ledger;
import io.coffer.ledger.log.LedgerException;
import io.coffer.ledger.merkle.CompactRange;
import io.coffer.ledger.merkle.TreeHasher;
import io.coffer.ledger.merkle.TreeHead;
import io.coffer.ledger.store.JdbcLogStore;
import io.coffer.ledger.store.LogTransaction;
import io.coffer.ledger.store.StoreException;
import io.coffer.ledger.store.StoredNode;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one writer thread of a {@link JdbcCasStore}: group commit of the queued operations.
 *
 * <p>A batch is one database transaction. It first reads the log's size, which locks the log
 * against writers in other processes (PostgreSQL: a row lock; SQLite: the database's write lock
 * that {@code BEGIN IMMEDIATE} took), so that every operation reads the state every earlier writer
 * committed. Each operation runs inside its own savepoint: one that throws is rolled back to it,
 * its ledger entries dropped, and its exception handed to its caller alone. The surviving entries
 * get consecutive indices from the size and are appended with the subtree hashes they complete,
 * computed from the log's compact range (kept between batches, and reloaded when the size read
 * under the lock shows that another process appended). After the commit the ledger is refreshed,
 * then the commit listeners run with the new head, then the callers are answered.
 *
 * <p>The order "ledger refreshed, then listeners" lets a listener sign a checkpoint of the new head
 * through {@link Ledger#checkpoint}.
 */
final class GroupCommitWriter implements AutoCloseable {

  /** The most operations in one transaction. */
  static final int MAX_BATCH = 256;

  private static final Logger LOG = LoggerFactory.getLogger(GroupCommitWriter.class);

  /** An operation waiting for its batch, and what became of it. */
  private static final class Pending {
    final WriteOperation<?> operation;
    final CompletableFuture<Object> answer = new CompletableFuture<>();
    Object result;
    Throwable refusal;

    Pending(WriteOperation<?> operation) {
      this.operation = operation;
    }
  }

  private static final Pending POISON = new Pending(tx -> null);

  private final JdbcLogStore log;
  private final Ledger ledger;
  private final CasDialect dialect;
  private final List<CommitListener> listeners = new CopyOnWriteArrayList<>();
  private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
  private final ReentrantLock admission = new ReentrantLock();
  private final Thread thread;
  private boolean accepting = true;

  /** Set when a failure after a commit left this process's view unknown: writes stop. */
  private volatile boolean failed;

  /** The log's compact range after the last batch this writer committed; owned by the thread. */
  private CompactRange range;

  GroupCommitWriter(JdbcLogStore log, Ledger ledger, CasDialect dialect) {
    this.log = log;
    this.ledger = ledger;
    this.dialect = dialect;
    this.thread = Thread.ofPlatform().name("cas-store-writer").daemon().unstarted(this::loop);
    thread.start();
  }

  void onCommit(CommitListener listener) {
    listeners.add(listener);
  }

  /** Queues {@code operation} and waits for its batch. */
  <T> T write(WriteOperation<T> operation) throws CasException {
    if (Thread.currentThread() == thread) {
      throw new IllegalStateException("a write operation must not write through its own store");
    }
    Pending pending = new Pending(operation);
    admission.lock();
    try {
      if (!accepting || failed) {
        throw notOpen();
      }
      queue.add(pending);
    } finally {
      admission.unlock();
    }
    return answer(pending);
  }

  @SuppressWarnings("unchecked") // the operation's own result, typed by its caller
  private static <T> T answer(Pending pending) throws CasException {
    try {
      return (T) pending.answer.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CasException(
          Type.UNAVAILABLE,
          "interrupted while the write was queued or committing: the outcome is unknown",
          e);
    } catch (ExecutionException e) {
      switch (e.getCause()) {
        case CasException c -> throw c;
        case RuntimeException r -> throw r;
        case Error r -> throw r;
        default -> throw new CasException(Type.INTERNAL, "the write failed", e.getCause());
      }
    }
  }

  private CasException notOpen() {
    return new CasException(
        Type.UNAVAILABLE,
        failed
            ? "the store refuses writes after a failure; it must be reopened"
            : "the store is closed");
  }

  private void loop() {
    List<Pending> batch = new ArrayList<>(MAX_BATCH);
    try {
      while (true) {
        Pending first = queue.take();
        batch.clear();
        batch.add(first);
        queue.drainTo(batch, MAX_BATCH - 1);
        int poison = batch.indexOf(POISON);
        List<Pending> work = poison < 0 ? batch : batch.subList(0, poison);
        if (!work.isEmpty()) {
          if (failed) {
            work.forEach(p -> p.answer.completeExceptionally(notOpen()));
          } else {
            runSafely(work);
          }
        }
        if (poison >= 0) {
          break;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      List<Pending> left = new ArrayList<>();
      queue.drainTo(left);
      left.stream()
          .filter(p -> p != POISON)
          .forEach(p -> p.answer.completeExceptionally(notOpen()));
    }
  }

  /**
   * Runs a batch; an Error escaping it fails the batch and stops writes, never the callers' wait.
   */
  private void runSafely(List<Pending> batch) {
    try {
      run(batch);
    } catch (RuntimeException | Error e) {
      failed = true;
      LOG.atError().setCause(e).log("the store's writer failed; writes stop until it is reopened");
      CasException failure =
          new CasException(Type.UNAVAILABLE, "the store failed: the outcome is unknown", e);
      batch.forEach(p -> p.answer.completeExceptionally(failure));
    }
  }

  private void run(List<Pending> batch) {
    Committed committed;
    try {
      committed = log.transaction(tx -> execute(tx, batch));
    } catch (StoreException e) {
      boolean unknown = e.reason() == StoreException.Reason.OUTCOME_UNKNOWN;
      LOG.atWarn()
          .addKeyValue("batch", batch.size())
          .addKeyValue("outcomeUnknown", unknown)
          .setCause(e)
          .log("a batch of writes failed");
      CasException failure =
          new CasException(
              Type.UNAVAILABLE,
              unknown
                  ? "the store failed while committing: the outcome is unknown"
                  : "the store failed: the write was not stored",
              e);
      batch.forEach(p -> p.answer.completeExceptionally(failure));
      return;
    }
    range = committed.range();
    if (committed.succeeded() > 0 && !afterCommit(committed.head())) {
      CasException failure =
          new CasException(
              Type.UNAVAILABLE,
              "the write is stored, but the store failed after its commit: the outcome is unknown");
      batch.forEach(p -> {
        if (p.refusal == null) {
          p.answer.completeExceptionally(failure);
        }
      });
    }
    for (Pending p : batch) {
      if (p.refusal != null) {
        p.answer.completeExceptionally(p.refusal);
      } else {
        p.answer.complete(p.result);
      }
    }
  }

  /** Catches the ledger up and runs the listeners; false (and the writer stops) if one failed. */
  private boolean afterCommit(TreeHead head) {
    try {
      ledger.refresh();
      for (CommitListener listener : listeners) {
        listener.committed(head);
      }
      return true;
    } catch (LedgerException e) {
      failed = true;
      LOG.atError()
          .addKeyValue("size", head.size())
          .setCause(e)
          .log("the ledger cannot follow a committed batch; writes stop until the store reopens");
      return false;
    } catch (Exception e) { // a listener's failure, of any kind
      failed = true;
      LOG.atError()
          .addKeyValue("size", head.size())
          .setCause(e)
          .log("a commit listener failed; writes stop until the store reopens");
      return false;
    }
  }

  /** A committed batch: the log's range and head after it, and how many operations succeeded. */
  private record Committed(CompactRange range, TreeHead head, int succeeded) {}

  private Committed execute(LogTransaction tx, List<Pending> batch)
      throws SQLException, StoreException {
    long size = tx.size(); // locks the log against other writers until the commit
    CompactRange next = rangeAt(tx, size).copy();
    List<byte[]> entries = new ArrayList<>();
    int succeeded = 0;
    for (Pending p : batch) {
      p.result = null;
      p.refusal = null;
      LogTransaction.Savepoint savepoint = tx.savepoint();
      JdbcWriteTransaction w = new JdbcWriteTransaction(tx, dialect, size + entries.size());
      try {
        p.result = p.operation.run(w);
      } catch (CasException | RuntimeException e) {
        p.refusal = e;
      } finally {
        w.finish();
      }
      Optional<SQLException> storeFailure = w.storeFailure();
      if (storeFailure.isPresent()) {
        throw storeFailure.get(); // the database failed: the whole batch rolls back
      }
      if (p.refusal != null) {
        tx.rollbackTo(savepoint);
      } else {
        entries.addAll(w.entries());
        succeeded++;
      }
      tx.release(savepoint);
    }
    if (!entries.isEmpty()) {
      List<StoredNode> nodes = new ArrayList<>(entries.size() * 2 + 8);
      for (byte[] entry : entries) {
        next.append(TreeHasher.leaf(entry), (id, h) -> nodes.add(new StoredNode(id, h)));
      }
      tx.append(size, entries, nodes);
    }
    return new Committed(next, new TreeHead(next.size(), next.root()), succeeded);
  }

  /** The log's compact range at {@code size}: the cached one, or rebuilt from the stored peaks. */
  private CompactRange rangeAt(LogTransaction tx, long size) throws StoreException {
    if (range == null || range.size() != size) {
      range = CompactRange.of(size, tx.hashes(CompactRange.peakNodes(size)));
    }
    return range;
  }

  /** Stops taking writes, commits those queued, and waits for the thread. */
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
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
