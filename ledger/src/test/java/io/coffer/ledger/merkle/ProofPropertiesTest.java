package io.coffer.ledger.merkle;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * For random trees, every generated inclusion and consistency proof verifies, and any single change
 * to a proof hash byte, the index or a size makes it fail (a size together with its root).
 */
class ProofPropertiesTest {

  private static MemorySubtrees tree(int size, long seed) {
    MemorySubtrees t = new MemorySubtrees();
    for (int i = 0; i < size; i++) {
      t.appendLeaf(TreeHasher.leaf(("leaf " + seed + " " + i).getBytes()));
    }
    return t;
  }

  record InclusionCase(int size, int index, long seed) {}

  record ConsistencyCase(int size1, int size2, long seed) {}

  @Provide
  Arbitrary<InclusionCase> inclusionCases() {
    return Arbitraries.integers()
        .between(1, 300)
        .flatMap(size ->
            Combinators.combine(Arbitraries.integers().between(0, size - 1), Arbitraries.longs())
                .as((index, seed) -> new InclusionCase(size, index, seed)));
  }

  @Provide
  Arbitrary<ConsistencyCase> consistencyCases() {
    return Arbitraries.integers()
        .between(2, 300)
        .flatMap(size2 ->
            Combinators.combine(Arbitraries.integers().between(1, size2 - 1), Arbitraries.longs())
                .as((size1, seed) -> new ConsistencyCase(size1, size2, seed)));
  }

  @Property(tries = 300)
  void inclusionProof_verifies(@ForAll("inclusionCases") InclusionCase c) throws Exception {
    MemorySubtrees t = tree(c.size(), c.seed());
    InclusionProof proof = ProofBuilder.inclusion(t, c.index(), c.size());
    Hash leaf = t.node(new NodeId(0, c.index()));

    assertThatCode(() -> ProofVerifier.verifyInclusion(leaf, proof, t.root()))
        .doesNotThrowAnyException();
  }

  @Property(tries = 300)
  void inclusionProof_withAnyFlippedBit_fails(
      @ForAll("inclusionCases") InclusionCase c,
      @ForAll @IntRange(min = 0, max = 10_000) int where,
      @ForAll @IntRange(min = 0, max = 7) int bit)
      throws Exception {
    MemorySubtrees t = tree(c.size(), c.seed());
    InclusionProof proof = ProofBuilder.inclusion(t, c.index(), c.size());
    Hash leaf = t.node(new NodeId(0, c.index()));
    // Flip one bit in the leaf hash or in one of the path hashes.
    int slots = proof.path().size() + 1;
    int slot = where % slots;
    int bytePos = (where / slots) % Hash.SIZE_BYTES;
    Hash badLeaf = slot == 0 ? flip(leaf, bytePos, bit) : leaf;
    List<Hash> path = new ArrayList<>(proof.path());
    if (slot > 0) {
      path.set(slot - 1, flip(path.get(slot - 1), bytePos, bit));
    }
    InclusionProof bad = new InclusionProof(c.index(), c.size(), path);

    assertThatThrownBy(() -> ProofVerifier.verifyInclusion(badLeaf, bad, t.root()))
        .isInstanceOf(ProofException.class);
  }

  @Property(tries = 300)
  void inclusionProof_forAnotherIndex_fails(
      @ForAll("inclusionCases") InclusionCase c, @ForAll @IntRange(min = 1, max = 299) int delta)
      throws Exception {
    MemorySubtrees t = tree(c.size(), c.seed());
    InclusionProof proof = ProofBuilder.inclusion(t, c.index(), c.size());
    Hash leaf = t.node(new NodeId(0, c.index()));
    long otherIndex = (c.index() + delta) % c.size();
    if (otherIndex == c.index()) {
      return; // a one-leaf tree has no other index
    }
    InclusionProof moved = new InclusionProof(otherIndex, c.size(), proof.path());

    assertThatThrownBy(() -> ProofVerifier.verifyInclusion(leaf, moved, t.root()))
        .isInstanceOf(ProofException.class);
  }

  /**
   * A proof is bound to its tree size through the root: the same path can have the same shape for
   * several sizes (leaf 0 of 3 and of 4), so a changed size must fail against the root of that
   * size, which is what a checkpoint signs together with the size.
   */
  @Property(tries = 300)
  void inclusionProof_forAnotherSize_failsAgainstThatSizesRoot(
      @ForAll("inclusionCases") InclusionCase c, @ForAll @IntRange(min = -64, max = 64) int delta)
      throws Exception {
    long otherSize = c.size() + delta;
    if (delta == 0 || otherSize <= c.index()) {
      return;
    }
    MemorySubtrees t = tree((int) Math.max(c.size(), otherSize), c.seed());
    InclusionProof proof = ProofBuilder.inclusion(t, c.index(), c.size());
    Hash leaf = t.node(new NodeId(0, c.index()));
    InclusionProof resized = new InclusionProof(c.index(), otherSize, proof.path());
    Hash otherRoot = ProofBuilder.root(t, otherSize);

    assertThatThrownBy(() -> ProofVerifier.verifyInclusion(leaf, resized, otherRoot))
        .isInstanceOf(ProofException.class);
  }

  @Property(tries = 300)
  void consistencyProof_verifies(@ForAll("consistencyCases") ConsistencyCase c) throws Exception {
    MemorySubtrees t = tree(c.size2(), c.seed());
    ConsistencyProof proof = ProofBuilder.consistency(t, c.size1(), c.size2());
    Hash root1 = ProofBuilder.root(t, c.size1());

    assertThatCode(() -> ProofVerifier.verifyConsistency(proof, root1, t.root()))
        .doesNotThrowAnyException();
  }

  @Property(tries = 300)
  void consistencyProof_withAnyFlippedBit_fails(
      @ForAll("consistencyCases") ConsistencyCase c,
      @ForAll @IntRange(min = 0, max = 10_000) int where,
      @ForAll @IntRange(min = 0, max = 7) int bit)
      throws Exception {
    MemorySubtrees t = tree(c.size2(), c.seed());
    ConsistencyProof proof = ProofBuilder.consistency(t, c.size1(), c.size2());
    Hash root1 = ProofBuilder.root(t, c.size1());
    Hash root2 = t.root();
    // Flip one bit in the old root, the new root, or one of the proof hashes.
    int slots = proof.path().size() + 2;
    int slot = where % slots;
    int bytePos = (where / slots) % Hash.SIZE_BYTES;
    Hash r1 = slot == 0 ? flip(root1, bytePos, bit) : root1;
    Hash r2 = slot == 1 ? flip(root2, bytePos, bit) : root2;
    List<Hash> path = new ArrayList<>(proof.path());
    if (slot > 1) {
      path.set(slot - 2, flip(path.get(slot - 2), bytePos, bit));
    }
    ConsistencyProof bad = new ConsistencyProof(c.size1(), c.size2(), path);

    assertThatThrownBy(() -> ProofVerifier.verifyConsistency(bad, r1, r2))
        .isInstanceOf(ProofException.class);
  }

  /** As for inclusion proofs, a changed size must fail against the root of that size. */
  @Property(tries = 300)
  void consistencyProof_forOtherSizes_failsAgainstThoseRoots(
      @ForAll("consistencyCases") ConsistencyCase c,
      @ForAll @IntRange(min = -64, max = 64) int delta1,
      @ForAll @IntRange(min = -64, max = 64) int delta2)
      throws Exception {
    long size1 = c.size1() + delta1;
    long size2 = c.size2() + delta2;
    if ((delta1 == 0 && delta2 == 0) || size1 < 1 || size2 <= size1) {
      return;
    }
    MemorySubtrees t = tree((int) Math.max(c.size2(), size2), c.seed());
    ConsistencyProof proof = ProofBuilder.consistency(t, c.size1(), c.size2());
    ConsistencyProof resized = new ConsistencyProof(size1, size2, proof.path());
    Hash root1 = ProofBuilder.root(t, size1);
    Hash root2 = ProofBuilder.root(t, size2);

    assertThatThrownBy(() -> ProofVerifier.verifyConsistency(resized, root1, root2))
        .isInstanceOf(ProofException.class);
  }

  private static Hash flip(Hash h, int bytePos, int bit) {
    byte[] b = h.bytes();
    b[bytePos] ^= (byte) (1 << bit);
    return Hash.of(b);
  }
}
