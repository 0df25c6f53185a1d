package io.coffer.ledger.tiles;

import io.coffer.ledger.log.LedgerOptions;

/**
 * A C2SP tlog-tiles entry bundle: {@code tile/entries/<N>[.p/<W>]} (tlog-tiles.md, "Log entries"),
 * the entries {@code 256·N} onwards, each as a big-endian uint16 length and the entry's bytes.
 *
 * @param index the bundle's index, that of the level-0 tile with the same entries
 * @param width the number of entries, 1..256; 256 is a full bundle
 */
public record BundleId(long index, int width) {

  private static final String PREFIX = "tile/entries/";

  public BundleId {
    if (index < 0) {
      throw new IllegalArgumentException("a bundle index must not be negative: " + index);
    }
    if (width < 1 || width > TileId.FULL_WIDTH) {
      throw new IllegalArgumentException("a bundle width is 1..256, got " + width);
    }
  }

  /** The full bundle with this index. */
  public static BundleId full(long index) {
    return new BundleId(index, TileId.FULL_WIDTH);
  }

  /** Whether this is a full bundle (no {@code .p/<W>} suffix). */
  public boolean isFull() {
    return width == TileId.FULL_WIDTH;
  }

  /** The index of the first entry in the bundle. */
  public long firstEntry() {
    return Math.multiplyExact(index, (long) TileId.FULL_WIDTH);
  }

  /** The largest file such a bundle can be: {@code width} entries of 65,535 bytes. */
  public long maxSizeBytes() {
    return (long) width * (2 + LedgerOptions.MAX_TILES_ENTRY_BYTES);
  }

  /** The level-0 hash tile that holds these entries' leaf hashes. */
  public TileId leafTile() {
    return new TileId(0, index, width);
  }

  /** The path relative to the log's prefix, such as {@code tile/entries/x001/x234/067.p/8}. */
  public String path() {
    return PREFIX + TileIndexPath.encode(index, width);
  }

  /**
   * Parses an entry bundle path strictly, as {@link TileId#parse} does for hash tiles.
   *
   * @throws TilesException {@code BAD_PATH}, naming what is wrong
   */
  public static BundleId parse(String path) throws TilesException {
    TileIndexPath.checkShape(path);
    if (!path.startsWith(PREFIX)) {
      throw TileIndexPath.bad(path, "an entry bundle path starts with 'tile/entries/'");
    }
    TileIndexPath.Parsed n = TileIndexPath.parse(path.substring(PREFIX.length()), path);
    return new BundleId(n.index(), n.width());
  }

  @Override
  public String toString() {
    return path();
  }
}
