package io.coffer.ledger.merkle;

import java.util.Objects;

/**
 * The size and root hash of a tree: what a checkpoint commits to.
 *
 * @param size the number of leaves
 * @param root the RFC 9162 root hash of those leaves
 */
public record TreeHead(long size, Hash root) {

  public TreeHead {
    if (size < 0) {
      throw new IllegalArgumentException("tree size must not be negative: " + size);
    }
    Objects.requireNonNull(root, "root");
  }
}
