package io.coffer.ledger.merkle;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * The right edge of a growing Merkle tree: the roots of the complete subtrees that the tree size
 * decomposes into (at most 64). Appending a leaf is {@code O(log n)} hash operations and reports
 * every complete subtree it finishes, so that a store can keep them for proofs.
 *
 * <p>Not thread-safe: the log's sequencer owns it.
 */
public final class CompactRange {

  private long size;
  private final List<Hash> peaks;

  private CompactRange(long size, List<Hash> peaks) {
    this.size = size;
    this.peaks = peaks;
  }

  /** The empty tree. */
  public static CompactRange empty() {
    return new CompactRange(0, new ArrayList<>());
  }

  /** The nodes whose hashes {@link #of} needs to rebuild the range of a tree of {@code size}. */
  public static List<NodeId> peakNodes(long size) {
    return ProofBuilder.range(0, size);
  }

  /**
   * Rebuilds the range of a tree of {@code size} leaves from the hashes of {@link
   * #peakNodes(long)}, in that order.
   */
  public static CompactRange of(long size, List<Hash> peakHashes) {
    int expected = peakNodes(size).size();
    if (peakHashes.size() != expected) {
      throw new IllegalArgumentException(
          "a tree of size " + size + " has " + expected + " peaks, got " + peakHashes.size());
    }
    return new CompactRange(size, new ArrayList<>(peakHashes));
  }

  /** A copy that can advance independently of this one. */
  public CompactRange copy() {
    return new CompactRange(size, new ArrayList<>(peaks));
  }

  /** The number of leaves. */
  public long size() {
    return size;
  }

  /**
   * Appends a leaf and reports, through {@code completed}, the leaf itself and every interior node
   * it completes, bottom-up.
   */
  public void append(Hash leafHash, BiConsumer<NodeId, Hash> completed) {
    long index = size;
    Hash h = leafHash;
    completed.accept(new NodeId(0, index), h);
    int level = 0;
    // Each trailing 1 bit of the old size is a peak of the same height as the new node: merge.
    for (long bits = index; (bits & 1) == 1; bits >>>= 1) {
      h = TreeHasher.node(peaks.removeLast(), h);
      level++;
      completed.accept(new NodeId(level, index >>> level), h);
    }
    peaks.add(h);
    size++;
  }

  /** The root of the tree: the peaks folded right to left. */
  public Hash root() {
    if (peaks.isEmpty()) {
      return TreeHasher.emptyRoot();
    }
    Hash h = peaks.getLast();
    for (int i = peaks.size() - 2; i >= 0; i--) {
      h = TreeHasher.node(peaks.get(i), h);
    }
    return h;
  }
}
