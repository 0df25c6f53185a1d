package io.coffer.ledger.tiles;

import io.coffer.ledger.merkle.Hash;
import java.util.Arrays;
import java.util.Optional;

/**
 * Collects the hashes of one tile level, in order, into tiles: when a tile fills up it is handed to
 * the sink (if it is new) and its subtree hash goes up to the next level; what is left at the end
 * is the partial tile, which is never hashed into the level above (tlog-tiles.md, "Partial Tiles").
 */
final class LevelAccumulator {

  /** Where finished tiles go. */
  @FunctionalInterface
  interface Sink {
    void accept(HashTile tile) throws TilesException;
  }

  private final int level;
  private final long firstNew;
  private final LevelAccumulator parent;
  private final Sink sink;
  private final byte[] buffer = new byte[TileId.FULL_WIDTH * Hash.SIZE_BYTES];
  private long tileIndex;
  private int count;

  /**
   * @param level the tile level
   * @param startTile the index of the first tile this accumulator fills
   * @param firstNew tiles with a smaller index exist already and are not handed to the sink
   * @param parent the next level up, or null at the top
   * @param sink receives the new full tiles
   */
  LevelAccumulator(int level, long startTile, long firstNew, LevelAccumulator parent, Sink sink) {
    this.level = level;
    this.tileIndex = startTile;
    this.firstNew = firstNew;
    this.parent = parent;
    this.sink = sink;
  }

  /** The index of the tile being filled. */
  long tileIndex() {
    return tileIndex;
  }

  /** Appends the next hash of this level. */
  void add(Hash hash) throws TilesException {
    hash.copyTo(buffer, count * Hash.SIZE_BYTES);
    count++;
    if (count < TileId.FULL_WIDTH) {
      return;
    }
    HashTile tile = HashTile.decode(TileId.full(level, tileIndex), buffer);
    if (tileIndex >= firstNew) {
      sink.accept(tile);
    }
    if (parent == null) {
      throw new IllegalStateException("a full tile at the top level " + level);
    }
    parent.add(tile.subtree(TileId.HEIGHT, 0));
    tileIndex++;
    count = 0;
  }

  /** The partial tile left at the end, if any; it is not handed to the sink. */
  Optional<HashTile> partial() throws TilesException {
    if (count == 0) {
      return Optional.empty();
    }
    byte[] partial = Arrays.copyOf(buffer, count * Hash.SIZE_BYTES);
    return Optional.of(HashTile.decode(new TileId(level, tileIndex, count), partial));
  }
}
