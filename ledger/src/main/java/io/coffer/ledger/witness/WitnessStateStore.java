package io.coffer.ledger.witness;

import io.coffer.ledger.merkle.TreeHead;
import java.util.Optional;

/**
 * Where a witness keeps the latest checkpoint it cosigned for each log, keyed by origin.
 *
 * <p>Contract: {@link #compareAndSet} is atomic per origin, so that of two concurrent requests from
 * the same state only one advances it (C2SP tlog-witness, "add-checkpoint": checking the old size
 * and persisting must be atomic). A successful {@code compareAndSet} is durable before it returns.
 */
public interface WitnessStateStore {

  /** The latest cosigned tree head for {@code origin}, or empty if the witness never cosigned. */
  Optional<TreeHead> latest(String origin) throws WitnessStoreException;

  /**
   * Replaces the latest tree head for {@code origin} with {@code next} if it is still {@code
   * expected} (empty: no tree head yet).
   *
   * @return whether the state was replaced
   */
  boolean compareAndSet(String origin, Optional<TreeHead> expected, TreeHead next)
      throws WitnessStoreException;
}
