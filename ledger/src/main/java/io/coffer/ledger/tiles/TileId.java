package io.coffer.ledger.tiles;

import io.coffer.ledger.merkle.Hash;

/**
 * A C2SP tlog-tiles hash tile: {@code tile/<L>/<N>[.p/<W>]} (tlog-tiles.md, "Merkle Tree").
 *
 * <p>The tile at level {@code L} with index {@code N} holds up to 256 consecutive hashes of tree
 * level {@code 8·L}, those of nodes {@code 256·N} onwards; a full tile holds 256 (8,192 bytes), a
 * partial one {@code W} = 1..255.
 *
 * @param level the tile level, 0..63
 * @param index the tile's index within its level
 * @param width the number of hashes, 1..256; 256 is a full tile
 */
public record TileId(int level, long index, int width) {

  /** The tree levels one tile spans. */
  public static final int HEIGHT = 8;

  /** The number of hashes in a full tile. */
  public static final int FULL_WIDTH = 1 << HEIGHT;

  private static final String PREFIX = "tile/";

  public TileId {
    if (level < 0 || level > 63) {
      throw new IllegalArgumentException("a tile level is 0..63, got " + level);
    }
    if (index < 0) {
      throw new IllegalArgumentException("a tile index must not be negative: " + index);
    }
    if (width < 1 || width > FULL_WIDTH) {
      throw new IllegalArgumentException("a tile width is 1..256, got " + width);
    }
  }

  /** The full tile at {@code level} and {@code index}. */
  public static TileId full(int level, long index) {
    return new TileId(level, index, FULL_WIDTH);
  }

  /** Whether this is a full tile (no {@code .p/<W>} suffix). */
  public boolean isFull() {
    return width == FULL_WIDTH;
  }

  /** The exact size of the tile's file: 32 bytes per hash. */
  public int sizeBytes() {
    return width * Hash.SIZE_BYTES;
  }

  /** The path relative to the log's prefix, such as {@code tile/0/x001/x234/067.p/8}. */
  public String path() {
    return PREFIX + level + "/" + TileIndexPath.encode(index, width);
  }

  /**
   * Parses a hash tile path strictly: {@code tile/}, a level 0..63 without leading zeroes, a
   * canonical index, and an optional {@code .p/<W>} with W 1..255.
   *
   * @throws TilesException {@code BAD_PATH}, naming what is wrong
   */
  public static TileId parse(String path) throws TilesException {
    TileIndexPath.checkShape(path);
    if (!path.startsWith(PREFIX)) {
      throw TileIndexPath.bad(path, "a hash tile path starts with 'tile/'");
    }
    int slash = path.indexOf('/', PREFIX.length());
    if (slash < 0) {
      throw TileIndexPath.bad(path, "a hash tile path is 'tile/<L>/<N>[.p/<W>]'");
    }
    String level = path.substring(PREFIX.length(), slash);
    if (level.equals("entries")) {
      throw TileIndexPath.bad(path, "this is an entry bundle path, not a hash tile path");
    }
    int l = TileIndexPath.parseLevel(level, path);
    TileIndexPath.Parsed n = TileIndexPath.parse(path.substring(slash + 1), path);
    return new TileId(l, n.index(), n.width());
  }

  @Override
  public String toString() {
    return path();
  }
}
