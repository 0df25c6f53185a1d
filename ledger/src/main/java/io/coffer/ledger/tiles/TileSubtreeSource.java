package io.coffer.ledger.tiles;

import io.coffer.ledger.merkle.Hash;
import io.coffer.ledger.merkle.NodeId;
import io.coffer.ledger.merkle.ProofBuilder;
import io.coffer.ledger.merkle.SubtreeSource;
import io.coffer.ledger.merkle.SubtreeUnavailableException;
import io.coffer.ledger.merkle.TreeHasher;
import io.coffer.ledger.tiles.TilesException.Reason;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Subtree hashes read from the hash tiles of a tree of {@code treeSize} entries, so that roots,
 * inclusion proofs and consistency proofs ({@link ProofBuilder}) can be served from a tiles
 * directory for any size up to {@code treeSize}.
 *
 * <p>A node of tree level {@code h} lies in a tile of level {@code h / 8}; when {@code h} is not a
 * multiple of 8 its hash is recomputed from the {@code 2^(h mod 8)} tile hashes below it. Only the
 * tiles of {@code treeSize} are read (its full tiles and its partial ones), as tlog-tiles.md asks:
 * a client fetches a partial tile only for a size it holds a checkpoint for.
 *
 * <p>Restrictions: the tiles are read as they are. Values computed from a directory that {@link
 * TilesVerifier} has not verified for {@code treeSize} are not to be trusted; proofs built from
 * wrong tiles fail verification on the client's side. Thread-safe; the last few tiles read are
 * cached.
 */
public final class TileSubtreeSource implements SubtreeSource {

  private static final int CACHED_TILES = 16;

  private final TileReader reader;
  private final long treeSize;
  private final Map<TileId, HashTile> overlay = new HashMap<>();
  private final Map<TileId, HashTile> cache =
      new LinkedHashMap<>(CACHED_TILES, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<TileId, HashTile> eldest) {
          return size() > CACHED_TILES;
        }
      };

  /**
   * @param reader the tiles directory
   * @param treeSize the tree size whose tiles are read; requests beyond it fail
   */
  public TileSubtreeSource(TileReader reader, long treeSize) {
    this(reader, treeSize, List.of());
  }

  /** As the public constructor, but {@code unwritten} tiles are used instead of their files. */
  TileSubtreeSource(TileReader reader, long treeSize, List<HashTile> unwritten) {
    if (treeSize < 0) {
      throw new IllegalArgumentException("a tree size must not be negative: " + treeSize);
    }
    this.reader = reader;
    this.treeSize = treeSize;
    for (HashTile tile : unwritten) {
      overlay.put(tile.id(), tile);
    }
  }

  /** The tree size whose tiles this source reads. */
  public long treeSize() {
    return treeSize;
  }

  @Override
  public synchronized List<Hash> hashes(List<NodeId> nodes) throws SubtreeUnavailableException {
    List<Hash> out = new ArrayList<>(nodes.size());
    for (NodeId node : nodes) {
      try {
        out.add(hash(node));
      } catch (TilesException e) {
        throw new SubtreeUnavailableException(
            "cannot read node " + node + " from the tiles: " + e.getMessage(), e);
      }
    }
    return out;
  }

  /**
   * The root of the tree of the first {@code size} entries, computed from the tiles.
   *
   * @throws TilesException the reason a tile could not be read; {@code MISSING} for sizes beyond
   *     {@link #treeSize()}
   */
  public Hash root(long size) throws TilesException {
    if (size < 0 || size > treeSize) {
      throw new TilesException(
          Reason.MISSING,
          null,
          "the root at size " + size + " is not covered by the tiles of size " + treeSize);
    }
    if (size == 0) {
      return TreeHasher.emptyRoot();
    }
    try {
      return ProofBuilder.root(this, size);
    } catch (SubtreeUnavailableException e) {
      if (e.getCause() instanceof TilesException cause) {
        throw cause;
      }
      throw new TilesException(Reason.MISSING, null, e.getMessage(), e);
    }
  }

  private Hash hash(NodeId node) throws TilesException {
    int height = node.level();
    // The node must be complete within the tree: all its 2^height leaves below treeSize.
    if (node.index() >= (treeSize >>> height)) {
      throw new TilesException(
          Reason.MISSING,
          null,
          "node " + node + " is not a complete subtree of the tree of size " + treeSize);
    }
    TileLayout.TileAddress at = TileLayout.locate(height, node.index());
    long firstHash = node.index() << at.nodeLevel();
    TileId id = TileLayout.tileHolding(at.tileLevel(), firstHash, treeSize);
    HashTile tile = overlay.containsKey(id) ? overlay.get(id) : cache.get(id);
    if (tile == null) {
      tile = reader.hashTile(id);
      cache.put(id, tile);
    }
    return tile.subtree(at.nodeLevel(), at.nodeIndex());
  }
}
