package io.coffer.ledger.merkle;

import io.coffer.ledger.merkle.ProofException.Reason;
import java.util.ArrayList;
import java.util.List;

/**
 * Verifies inclusion and consistency proofs exactly as RFC 9162 §2.1.3.2 and §2.1.4.2 describe,
 * step by step, including the checks that are easy to skip: {@code leaf_index < tree_size} first,
 * and a path that is used up exactly ({@code sn == 0}) last.
 *
 * <p>Around the RFC's algorithm for {@code 0 < first < second}, the edge cases follow the
 * transparency-dev/merkle reference: equal sizes need equal roots and an empty proof (and the empty
 * tree's root when both are 0); a proof from the empty tree to a non-empty one is rejected as
 * meaningless.
 */
public final class ProofVerifier {

  private ProofVerifier() {}

  /**
   * Verifies that {@code leafHash} is the leaf at {@code proof.leafIndex()} in the tree of {@code
   * proof.treeSize()} leaves whose root is {@code root}.
   *
   * @throws ProofException if it is not
   */
  public static void verifyInclusion(Hash leafHash, InclusionProof proof, Hash root)
      throws ProofException {
    Hash computed = rootFromInclusion(leafHash, proof);
    if (!computed.equals(root)) {
      throw new ProofException(
          Reason.ROOT_MISMATCH,
          "inclusion proof for leaf "
              + proof.leafIndex()
              + " leads to root "
              + computed
              + ", not "
              + root);
    }
  }

  /**
   * The root that an inclusion proof leads to from {@code leafHash}: RFC 9162 §2.1.3.2 steps 1 to 4
   * and the {@code sn == 0} check of step 5.
   */
  public static Hash rootFromInclusion(Hash leafHash, InclusionProof proof) throws ProofException {
    long index = proof.leafIndex();
    long size = proof.treeSize();
    // Step 1: leaf_index < tree_size, before anything else.
    if (index >= size) {
      throw new ProofException(
          Reason.INDEX_OUT_OF_RANGE, "leaf index " + index + " is not below tree size " + size);
    }
    // Steps 2 and 3.
    long fn = index;
    long sn = size - 1;
    Hash r = leafHash;
    // Step 4.
    for (Hash p : proof.path()) {
      if (sn == 0) {
        throw new ProofException(
            Reason.PATH_TOO_LONG,
            "inclusion path has more than the "
                + usedLength(index, size)
                + " hashes a tree of "
                + size
                + " needs for leaf "
                + index);
      }
      if ((fn & 1) == 1 || fn == sn) {
        r = TreeHasher.node(p, r);
        if ((fn & 1) == 0) {
          while ((fn & 1) == 0 && fn != 0) {
            fn >>>= 1;
            sn >>>= 1;
          }
        }
      } else {
        r = TreeHasher.node(r, p);
      }
      fn >>>= 1;
      sn >>>= 1;
    }
    // Step 5: the path must be used up exactly.
    if (sn != 0) {
      throw new ProofException(
          Reason.PATH_TOO_SHORT,
          "inclusion path of "
              + proof.path().size()
              + " hashes is too short for leaf "
              + index
              + " in a tree of "
              + size);
    }
    return r;
  }

  /**
   * Verifies that the tree of {@code proof.size1()} leaves with root {@code root1} is a prefix of
   * the tree of {@code proof.size2()} leaves with root {@code root2}.
   *
   * @throws ProofException if it is not
   */
  public static void verifyConsistency(ConsistencyProof proof, Hash root1, Hash root2)
      throws ProofException {
    long first = proof.size1();
    long second = proof.size2();
    List<Hash> path = proof.path();
    if (first > second) {
      throw new ProofException(
          Reason.SIZES_OUT_OF_ORDER,
          "older tree size " + first + " is larger than newer tree size " + second);
    }
    if (first == second) {
      if (!path.isEmpty()) {
        throw new ProofException(
            Reason.PROOF_NOT_EMPTY, "sizes are equal (" + first + ") but the proof is not empty");
      }
      if (!root1.equals(root2)) {
        throw new ProofException(
            Reason.ROOT_MISMATCH, "sizes are equal (" + first + ") but the roots differ");
      }
      if (first == 0 && !root1.equals(TreeHasher.emptyRoot())) {
        throw new ProofException(
            Reason.ROOT_MISMATCH, "the root of the empty tree must be SHA-256(\"\")");
      }
      return;
    }
    if (first == 0) {
      throw new ProofException(
          Reason.EMPTY_OLD_TREE, "a consistency proof from the empty tree proves nothing");
    }
    // RFC 9162 §2.1.4.2, for 0 < first < second.
    // Step 1.
    if (path.isEmpty()) {
      throw new ProofException(
          Reason.PROOF_EMPTY, "consistency proof from " + first + " to " + second + " is empty");
    }
    // Step 2.
    List<Hash> c = path;
    if (Long.bitCount(first) == 1) {
      c = new ArrayList<>(path.size() + 1);
      c.add(root1);
      c.addAll(path);
    }
    // Step 3.
    long fn = first - 1;
    long sn = second - 1;
    // Step 4.
    while ((fn & 1) == 1) {
      fn >>>= 1;
      sn >>>= 1;
    }
    // Step 5.
    Hash fr = c.get(0);
    Hash sr = c.get(0);
    // Step 6.
    for (int i = 1; i < c.size(); i++) {
      Hash h = c.get(i);
      if (sn == 0) {
        throw new ProofException(
            Reason.PATH_TOO_LONG,
            "consistency path from " + first + " to " + second + " has too many hashes");
      }
      if ((fn & 1) == 1 || fn == sn) {
        fr = TreeHasher.node(h, fr);
        sr = TreeHasher.node(h, sr);
        if ((fn & 1) == 0) {
          while ((fn & 1) == 0 && fn != 0) {
            fn >>>= 1;
            sn >>>= 1;
          }
        }
      } else {
        sr = TreeHasher.node(sr, h);
      }
      fn >>>= 1;
      sn >>>= 1;
    }
    // Step 7, in the RFC's order: fr, sr, then a used-up path.
    if (!fr.equals(root1)) {
      throw new ProofException(
          Reason.OLD_ROOT_MISMATCH, "consistency proof leads to old root " + fr + ", not " + root1);
    }
    if (!sr.equals(root2)) {
      throw new ProofException(
          Reason.ROOT_MISMATCH, "consistency proof leads to new root " + sr + ", not " + root2);
    }
    if (sn != 0) {
      throw new ProofException(
          Reason.PATH_TOO_SHORT,
          "consistency path from " + first + " to " + second + " is too short");
    }
  }

  /** The number of hashes an inclusion path for {@code index} in a tree of {@code size} has. */
  private static int usedLength(long index, long size) {
    int inner = 64 - Long.numberOfLeadingZeros(index ^ (size - 1));
    int border = Long.bitCount(index >>> inner);
    return inner + border;
  }
}
