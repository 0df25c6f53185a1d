package io.coffer.ledger.tiles;

import io.coffer.ledger.merkle.Hash;
import io.coffer.ledger.merkle.TreeHead;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A tiles directory that {@link TilesVerifier} checked completely against an authenticated tree
 * head: every entry and every hash tile of the tree. Only the verifier creates one.
 *
 * <p>It also holds the roots at the smaller sizes asked for during verification, computed from the
 * same verified entries, so that an older checkpoint can be checked as a prefix of this tree.
 */
public final class VerifiedTiles {

  private final TreeHead head;
  private final Map<Long, Hash> roots;
  private final long bundlesRead;
  private final long tilesRead;

  VerifiedTiles(TreeHead head, Map<Long, Hash> roots, long bundlesRead, long tilesRead) {
    this.head = head;
    this.roots = new TreeMap<>(roots);
    this.roots.put(head.size(), head.root());
    this.bundlesRead = bundlesRead;
    this.tilesRead = tilesRead;
  }

  /** The authenticated tree head the directory was verified against. */
  public TreeHead head() {
    return head;
  }

  /**
   * The root of the tree of the first {@code size} entries, if {@code size} is the verified size or
   * one of the sizes asked for in {@link TilesVerifier#verify(TileReader, TreeHead,
   * java.util.Collection)}.
   */
  public Optional<Hash> rootAt(long size) {
    return Optional.ofNullable(roots.get(size));
  }

  /** The number of entry bundles read. */
  public long bundlesRead() {
    return bundlesRead;
  }

  /** The number of hash tiles read. */
  public long tilesRead() {
    return tilesRead;
  }

  @Override
  public String toString() {
    return "VerifiedTiles[size=" + head.size() + ", root=" + head.root() + "]";
  }
}
