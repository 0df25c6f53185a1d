package io.coffer.cas.store;

import io.coffer.cas.service.CasException;
import io.coffer.ledger.log.Ledger;

/**
 * The CAS's durable state and its audit ledger, in one database.
 *
 * <p><b>Untrusted.</b> A store may lose, reorder, replay, alter or roll back records, and whoever
 * runs it may do so on purpose. Nothing it returns is believed because it returned it: every
 * confidential column holds a ciphertext of the {@link io.coffer.cas.seal.Barrier}, bound to its
 * row; the ledger's entries are checked against signed checkpoints; a store rolled back as a whole
 * is caught by the CAS's sealed checkpoint and by witnesses.
 *
 * <p>Contract for implementations (checked by the shared contract test suite):
 *
 * <ul>
 *   <li>{@link #write} runs its operation in one transaction together with the ledger entries it
 *       appends: when it returns, the state change and its entries are durable together; when it
 *       throws, neither is stored. An operation that throws a {@link CasException} is undone alone
 *       (concurrent operations committed in the same batch are not affected) and its exception is
 *       rethrown to its caller.
 *   <li>Writes are serialised across every process sharing the database: an operation sees the
 *       state every operation acknowledged before it started, so no update is lost, and ledger
 *       indices have no gap and no duplicate.
 *   <li>{@link #read} sees a committed state.
 * </ul>
 */
public interface CasStore extends AutoCloseable {

  /** A write operation: reads and writes rows, appends ledger entries, or refuses. */
  @FunctionalInterface
  interface WriteOperation<T> {
    T run(WriteTransaction tx) throws CasException;
  }

  /** A read operation. */
  @FunctionalInterface
  interface ReadOperation<T> {
    T run(ReadTransaction tx) throws CasException;
  }

  /**
   * Runs {@code operation} as one durable transaction with its ledger entries, possibly sharing a
   * commit with concurrent operations (group commit).
   *
   * @throws CasException what the operation threw (nothing of it stored), or {@code UNAVAILABLE}
   *     when the store failed (nothing of it stored, or the outcome is unknown when the failure hit
   *     the commit itself; the message says which)
   */
  <T> T write(WriteOperation<T> operation) throws CasException;

  /** Runs {@code operation} on a committed state. */
  <T> T read(ReadOperation<T> operation) throws CasException;

  /**
   * The ledger over this store's log tables, for proofs and checkpoints; its head follows every
   * write acknowledged by this store (and, after {@code Ledger.refresh()}, by other processes).
   */
  Ledger ledger();

  /** Registers what runs after each commit and before its operations are acknowledged. */
  void onCommit(CommitListener listener);

  @Override
  void close() throws CasException;
}
