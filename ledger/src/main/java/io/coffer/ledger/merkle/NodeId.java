package io.coffer.ledger.merkle;

/**
 * A complete subtree of the log: the {@code 2^level} leaves starting at leaf {@code index <<
 * level}. Level 0 nodes are leaves.
 *
 * @param level the height of the subtree, 0 to 63
 * @param index the position of the subtree among those of its level, from the left
 */
public record NodeId(int level, long index) {

  public NodeId {
    if (level < 0 || level > 63) {
      throw new IllegalArgumentException("level must be 0..63, got " + level);
    }
    if (index < 0 || (level > 0 && index > (Long.MAX_VALUE >>> level))) {
      throw new IllegalArgumentException("index out of range at level " + level + ": " + index);
    }
  }

  /** The first leaf this subtree covers. */
  public long firstLeaf() {
    return index << level;
  }

  /** The number of leaves this subtree covers. */
  public long leafCount() {
    return 1L << level;
  }
}
