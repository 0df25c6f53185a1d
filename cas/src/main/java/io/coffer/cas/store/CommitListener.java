package io.coffer.cas.store;

import io.coffer.ledger.merkle.TreeHead;

/**
 * Runs after a batch of writes is durable and before any of them is acknowledged: the CAS signs and
 * seals a checkpoint of the new tree head here, so that every acknowledged write is covered by the
 * checkpoint kept outside the store.
 */
@FunctionalInterface
public interface CommitListener {

  /**
   * Called on the store's writer thread with the head after the batch.
   *
   * @throws Exception if the listener failed; the batch's operations then fail with {@code
   *     UNAVAILABLE} and an unknown outcome (their state is committed), and the store refuses
   *     writes until reopened
   */
  void committed(TreeHead head) throws Exception;
}
