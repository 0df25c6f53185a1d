package io.coffer.ledger.merkle;

import java.util.List;

/**
 * Where proof generation reads the hashes of complete subtrees: a store, a cache, or tiles.
 *
 * <p>It is asked for many nodes at once so that a remote store answers a whole proof in one round
 * trip.
 */
@FunctionalInterface
public interface SubtreeSource {

  /**
   * The hashes of {@code nodes}, in the same order.
   *
   * @throws SubtreeUnavailableException if a node is not available, for example beyond the tree
   */
  List<Hash> hashes(List<NodeId> nodes) throws SubtreeUnavailableException;
}
