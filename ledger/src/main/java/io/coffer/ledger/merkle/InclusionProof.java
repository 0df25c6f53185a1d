package io.coffer.ledger.merkle;

import java.util.List;

/**
 * An RFC 9162 §2.1.3 inclusion proof: the audit path from leaf {@code leafIndex} to the root of the
 * tree of {@code treeSize} leaves.
 *
 * @param leafIndex the index of the leaf, from 0
 * @param treeSize the number of leaves in the tree
 * @param path the sibling hashes from the leaf up to the root
 */
public record InclusionProof(long leafIndex, long treeSize, List<Hash> path) {

  public InclusionProof {
    if (leafIndex < 0 || treeSize < 0) {
      throw new IllegalArgumentException("index and size must not be negative");
    }
    path = List.copyOf(path);
  }
}
