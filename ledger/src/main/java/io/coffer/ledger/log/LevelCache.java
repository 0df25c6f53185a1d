package io.coffer.ledger.log;

import io.coffer.ledger.merkle.Hash;
import io.coffer.ledger.merkle.NodeId;
import java.util.Arrays;

/**
 * The hashes of the tree's upper levels, kept in memory in one growing array per level, so that
 * proofs read only the few lowest-level hashes from the store.
 *
 * <p>Not thread-safe: the {@link Ledger} guards it with its lock.
 */
final class LevelCache {

  private final int fromLevel;
  private final byte[][] levels = new byte[64][];
  private final long[] counts = new long[64];

  LevelCache(int fromLevel) {
    this.fromLevel = fromLevel;
  }

  /** Whether nodes of this level are kept here. */
  boolean covers(int level) {
    return level >= fromLevel;
  }

  /** The lowest cached level. */
  int fromLevel() {
    return fromLevel;
  }

  /** How many nodes of {@code level} are cached: the next one to add has this index. */
  long count(int level) {
    return counts[level];
  }

  /** Adds the next node of its level; nodes of a level arrive in index order. */
  void add(NodeId id, Hash hash) {
    int level = id.level();
    if (id.index() != counts[level]) {
      throw new IllegalStateException(
          "node " + id + " arrives out of order; expected index " + counts[level]);
    }
    byte[] column = levels[level];
    long offset = counts[level] * Hash.SIZE_BYTES;
    if (column == null || offset + Hash.SIZE_BYTES > column.length) {
      long capacity = Math.max(16 * Hash.SIZE_BYTES, (column == null ? 0 : column.length) * 2L);
      if (capacity > Integer.MAX_VALUE - 8) {
        throw new IllegalStateException("level " + level + " outgrew the in-memory cache");
      }
      levels[level] =
          column =
              column == null ? new byte[(int) capacity] : Arrays.copyOf(column, (int) capacity);
    }
    hash.copyTo(column, (int) offset);
    counts[level]++;
  }

  /** The cached hash of {@code id}, or null if it is not cached. */
  Hash get(NodeId id) {
    int level = id.level();
    if (!covers(level) || id.index() >= counts[level]) {
      return null;
    }
    return Hash.of(levels[level], (int) (id.index() * Hash.SIZE_BYTES));
  }
}
