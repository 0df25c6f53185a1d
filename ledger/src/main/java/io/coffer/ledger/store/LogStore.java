package io.coffer.ledger.store;

import io.coffer.ledger.merkle.Hash;
import io.coffer.ledger.merkle.NodeId;
import java.util.List;
import java.util.Optional;

/**
 * Durable storage of a transparency log: entries, the hashes of complete subtrees, and the
 * checkpoints the log signed.
 *
 * <p><b>Untrusted.</b> A store may lose, reorder, replay, alter or roll back records, and whoever
 * runs it may do so on purpose. Nothing a store returns is believed because the store returned it:
 * entries and hashes are checked against signed checkpoints (inclusion and consistency proofs,
 * {@code coffer audit verify}), and a store rolled back as a whole is caught by witnesses, which
 * hold newer checkpoints than the store does.
 *
 * <p>Contract for implementations (checked by the shared contract test suite):
 *
 * <ul>
 *   <li>{@link #append} is atomic and durable: when it returns, every entry and node in it survives
 *       a crash; when it throws, either all of them or none of them are stored. Usually none: but a
 *       failure while committing (a lost connection, an I/O error during the sync) leaves the
 *       outcome unknown, so after a failed append a writer re-reads {@link #size()} before it
 *       appends again, as {@link io.coffer.ledger.log.Ledger} does by failing until reopened.
 *   <li>{@link #append} fails with {@link StoreException.Reason#CONFLICT} unless {@code firstIndex}
 *       equals {@link #size()}: records are never overwritten.
 *   <li>Reads of anything not stored fail with {@link StoreException.Reason#NOT_FOUND}.
 *   <li>Implementations are safe for one appending thread and any number of reading threads.
 * </ul>
 */
public interface LogStore extends AutoCloseable {

  /** The number of entries stored. */
  long size() throws StoreException;

  /**
   * Stores {@code entries} at indices {@code firstIndex, firstIndex + 1, ...} together with the
   * subtree hashes they complete, atomically and durably.
   */
  void append(long firstIndex, List<byte[]> entries, List<StoredNode> nodes) throws StoreException;

  /** The entries at {@code from, from + 1, ..., from + count - 1}. */
  List<byte[]> entries(long from, int count) throws StoreException;

  /** The hashes of {@code nodes}, in the same order. */
  List<Hash> hashes(List<NodeId> nodes) throws StoreException;

  /** The hashes of {@code count} consecutive nodes of one level, starting at index {@code from}. */
  List<Hash> hashRange(int level, long from, int count) throws StoreException;

  /**
   * Records a checkpoint the log signed. Sizes only grow: a smaller or equal size is a conflict.
   */
  void putCheckpoint(StoredCheckpoint checkpoint) throws StoreException;

  /** The checkpoint with the largest size, if the log signed any. */
  Optional<StoredCheckpoint> latestCheckpoint() throws StoreException;

  /** Releases the store's resources. */
  @Override
  void close() throws StoreException;
}
