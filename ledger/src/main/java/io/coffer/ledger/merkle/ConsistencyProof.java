package io.coffer.ledger.merkle;

import java.util.List;

/**
 * An RFC 9162 §2.1.4 consistency proof: the hashes that show the tree of {@code size1} leaves is a
 * prefix of the tree of {@code size2} leaves.
 *
 * @param size1 the size of the older tree
 * @param size2 the size of the newer tree
 * @param path the consistency path
 */
public record ConsistencyProof(long size1, long size2, List<Hash> path) {

  public ConsistencyProof {
    if (size1 < 0 || size2 < 0) {
      throw new IllegalArgumentException("sizes must not be negative");
    }
    path = List.copyOf(path);
  }
}
