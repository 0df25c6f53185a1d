package io.coffer.ledger.tiles;

import java.util.ArrayList;
import java.util.List;

/**
 * Which hash tiles and entry bundles a tree of a given size has (tlog-tiles.md, "Merkle Tree" and
 * "Partial Tiles").
 *
 * <p>At level {@code L} a tree of size {@code s} has {@code floor(s / 256^(L+1))} full tiles and,
 * if {@code floor(s / 256^L) mod 256} is not zero, one partial tile of that width. A tree of size
 * 70,000 has 273 full level-0 tiles, a level-0 tile of width 112, one full level-1 tile, a level-1
 * tile of width 17 and a level-2 tile of width 1. Entry bundles follow the level-0 tiles.
 */
public final class TileLayout {

  /** The tile height used by C2SP tlog-tiles. */
  private static final int HEIGHT = TileId.HEIGHT;

  /** Where a tree node lies in tile space (tessera's NodeCoordsToTileAddress). */
  record TileAddress(int tileLevel, long tileIndex, int nodeLevel, long nodeIndex) {}

  /** A tile of any height, for the rules shared with Go's sumdb tiles. */
  record AnyHeightTile(int level, long index, int width) {}

  private TileLayout() {}

  /** The number of hashes of tree level {@code 8·level} in a tree of {@code size}. */
  static long hashesAt(int level, long size) {
    int shift = level * HEIGHT;
    return shift >= Long.SIZE ? 0 : size >>> shift;
  }

  /** The number of tile levels a tree of {@code size} has: 0 for the empty tree. */
  public static int levels(long size) {
    requireSize(size);
    int levels = 0;
    while (hashesAt(levels, size) > 0) {
      levels++;
    }
    return levels;
  }

  /** The number of full tiles at {@code level} in a tree of {@code size}. */
  public static long fullTiles(int level, long size) {
    requireSize(size);
    return hashesAt(level, size) >>> HEIGHT;
  }

  /** The width of the partial tile at {@code level} in a tree of {@code size}, or 0 if none. */
  public static int partialWidth(int level, long size) {
    requireSize(size);
    return (int) (hashesAt(level, size) & (TileId.FULL_WIDTH - 1));
  }

  /**
   * The tile of a tree of {@code size} that holds hash {@code hashIndex} of tree level {@code
   * 8·level}: the full tile, or the partial tile at the right edge.
   *
   * @throws IllegalArgumentException if the tree has no such hash
   */
  public static TileId tileHolding(int level, long hashIndex, long size) {
    long count = hashesAt(level, size);
    if (hashIndex < 0 || hashIndex >= count) {
      throw new IllegalArgumentException(
          "a tree of size " + size + " has no hash " + hashIndex + " at tile level " + level);
    }
    long tile = hashIndex >>> HEIGHT;
    if (tile < count >>> HEIGHT) {
      return TileId.full(level, tile);
    }
    return new TileId(level, tile, (int) (count & (TileId.FULL_WIDTH - 1)));
  }

  /**
   * The entry bundle of a tree of {@code size} that holds entry {@code entryIndex}.
   *
   * @throws IllegalArgumentException if the tree has no such entry
   */
  public static BundleId bundleHolding(long entryIndex, long size) {
    TileId tile = tileHolding(0, entryIndex, size);
    return new BundleId(tile.index(), tile.width());
  }

  /**
   * The hash tiles that a tree of {@code newSize} has and a tree of {@code oldSize} has not: what a
   * log publishes, or a mirror fetches, when the tree grows. About {@code (newSize - oldSize) /
   * 256} tiles, level 0 first.
   */
  public static List<TileId> newTiles(long oldSize, long newSize) {
    return newTiles(HEIGHT, oldSize, newSize).stream()
        .map(t -> new TileId(t.level(), t.index(), t.width()))
        .toList();
  }

  /**
   * {@link #newTiles(long, long)} for any tile height, the same rule as Go's sumdb {@code
   * tlog.NewTiles}; C2SP fixes the height at 8. A full tile has {@code width == 2^height}.
   */
  static List<AnyHeightTile> newTiles(int height, long oldSize, long newSize) {
    requireSize(oldSize);
    if (newSize < oldSize) {
      throw new IllegalArgumentException(
          "the tree cannot shrink from " + oldSize + " to " + newSize);
    }
    List<AnyHeightTile> tiles = new ArrayList<>();
    for (int level = 0; level * height < Long.SIZE && newSize >>> (level * height) > 0; level++) {
      long oldCount = oldSize >>> (level * height);
      long newCount = newSize >>> (level * height);
      if (oldCount == newCount) {
        continue;
      }
      for (long n = oldCount >>> height; n < newCount >>> height; n++) {
        tiles.add(new AnyHeightTile(level, n, 1 << height));
      }
      int width = (int) (newCount & ((1L << height) - 1));
      if (width > 0) {
        tiles.add(new AnyHeightTile(level, newCount >>> height, width));
      }
    }
    return tiles;
  }

  /** Where node {@code treeIndex} of tree level {@code treeLevel} lies in tile space. */
  static TileAddress locate(int treeLevel, long treeIndex) {
    int tileLevel = treeLevel / HEIGHT;
    int nodeLevel = treeLevel % HEIGHT;
    int perTile = TileId.FULL_WIDTH >>> nodeLevel;
    return new TileAddress(tileLevel, treeIndex / perTile, nodeLevel, treeIndex % perTile);
  }

  private static void requireSize(long size) {
    if (size < 0) {
      throw new IllegalArgumentException("a tree size must not be negative: " + size);
    }
  }
}
