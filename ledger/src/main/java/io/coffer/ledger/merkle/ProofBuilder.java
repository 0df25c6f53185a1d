package io.coffer.ledger.merkle;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds tree heads, inclusion proofs (RFC 9162 §2.1.3.1) and consistency proofs (§2.1.4.1) from
 * the hashes of complete subtrees.
 *
 * <p>Every value is first planned as the complete subtrees it folds, then all of them are read in
 * one call to the {@link SubtreeSource}: {@code O(log n)} hashes per proof, whatever the tree size.
 *
 * <p>Restrictions: the source is trusted to answer for the right nodes. A proof built from wrong
 * hashes fails verification; it does not go unnoticed, but this class does not check it.
 */
public final class ProofBuilder {

  private ProofBuilder() {}

  /** The root of the tree of the first {@code size} leaves. */
  public static Hash root(SubtreeSource source, long size) throws SubtreeUnavailableException {
    if (size < 0) {
      throw new IllegalArgumentException("tree size must not be negative: " + size);
    }
    if (size == 0) {
      return TreeHasher.emptyRoot();
    }
    return resolve(source, List.of(range(0, size))).getFirst();
  }

  /** The inclusion proof for leaf {@code index} in the tree of {@code size} leaves. */
  public static InclusionProof inclusion(SubtreeSource source, long index, long size)
      throws SubtreeUnavailableException {
    if (index < 0 || index >= size) {
      throw new IllegalArgumentException(
          "leaf index " + index + " is not in a tree of size " + size);
    }
    List<List<NodeId>> plan = new ArrayList<>();
    planPath(index, 0, size, plan);
    return new InclusionProof(index, size, resolve(source, plan));
  }

  /** The consistency proof from the tree of {@code size1} leaves to that of {@code size2}. */
  public static ConsistencyProof consistency(SubtreeSource source, long size1, long size2)
      throws SubtreeUnavailableException {
    if (size1 < 0 || size1 > size2) {
      throw new IllegalArgumentException(
          "no consistency proof from size " + size1 + " to size " + size2);
    }
    List<List<NodeId>> plan = new ArrayList<>();
    if (size1 > 0 && size1 < size2) {
      planSubproof(size1, 0, size2, true, plan);
    }
    return new ConsistencyProof(size1, size2, resolve(source, plan));
  }

  /** RFC 9162 §2.1.3.1 PATH(m, D[start:start+n]), appended to {@code plan} leaf first. */
  private static void planPath(long m, long start, long n, List<List<NodeId>> plan) {
    if (n == 1) {
      return;
    }
    long k = largestPowerOfTwoBelow(n);
    if (m < k) {
      planPath(m, start, k, plan);
      plan.add(range(start + k, start + n));
    } else {
      planPath(m - k, start + k, n - k, plan);
      plan.add(range(start, start + k));
    }
  }

  /** RFC 9162 §2.1.4.1 SUBPROOF(m, D[start:start+n], b). */
  private static void planSubproof(
      long m, long start, long n, boolean complete, List<List<NodeId>> plan) {
    if (m == n) {
      if (!complete) {
        plan.add(range(start, start + n));
      }
      return;
    }
    long k = largestPowerOfTwoBelow(n);
    if (m <= k) {
      planSubproof(m, start, k, complete, plan);
      plan.add(range(start + k, start + n));
    } else {
      planSubproof(m - k, start + k, n - k, false, plan);
      plan.add(range(start, start + k));
    }
  }

  /**
   * The complete subtrees, left to right, whose right fold is MTH(D[start:end]): the largest
   * aligned power-of-two blocks from the left.
   */
  static List<NodeId> range(long start, long end) {
    List<NodeId> nodes = new ArrayList<>(2);
    long at = start;
    while (at < end) {
      int level = Long.numberOfTrailingZeros(at == 0 ? Long.highestOneBit(end) : at);
      while ((1L << level) > end - at) {
        level--;
      }
      nodes.add(new NodeId(level, at >>> level));
      at += 1L << level;
    }
    return nodes;
  }

  /** Reads every planned node in one call and folds each group into its hash. */
  private static List<Hash> resolve(SubtreeSource source, List<List<NodeId>> plan)
      throws SubtreeUnavailableException {
    Map<NodeId, Integer> positions = new LinkedHashMap<>();
    for (List<NodeId> group : plan) {
      for (NodeId node : group) {
        positions.putIfAbsent(node, positions.size());
      }
    }
    List<NodeId> wanted = List.copyOf(positions.keySet());
    List<Hash> hashes = source.hashes(wanted);
    if (hashes.size() != wanted.size()) {
      throw new SubtreeUnavailableException(
          "asked for " + wanted.size() + " subtree hashes, got " + hashes.size());
    }
    List<Hash> out = new ArrayList<>(plan.size());
    for (List<NodeId> group : plan) {
      Hash h = hashes.get(positions.get(group.getLast()));
      for (int i = group.size() - 2; i >= 0; i--) {
        h = TreeHasher.node(hashes.get(positions.get(group.get(i))), h);
      }
      out.add(h);
    }
    return out;
  }

  /** The largest power of two strictly below {@code n}, for {@code n >= 2}. */
  static long largestPowerOfTwoBelow(long n) {
    return Long.highestOneBit(n - 1);
  }
}
