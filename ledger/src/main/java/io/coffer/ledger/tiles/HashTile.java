package io.coffer.ledger.tiles;

import io.coffer.ledger.merkle.Hash;
import io.coffer.ledger.merkle.TreeHasher;
import io.coffer.ledger.tiles.TilesException.Reason;
import java.util.Arrays;
import java.util.List;

/**
 * The contents of a hash tile: {@code width} consecutive 32-byte hashes, nothing else.
 *
 * <p>Immutable; the bytes are copied in and out.
 */
public final class HashTile {

  private final TileId id;
  private final byte[] hashes;

  private HashTile(TileId id, byte[] hashes) {
    this.id = id;
    this.hashes = hashes;
  }

  /**
   * Decodes the contents of the file of tile {@code id}: exactly {@code id.width()} hashes.
   *
   * @throws TilesException {@code MALFORMED} if the length is not exactly {@code 32·width} bytes
   */
  public static HashTile decode(TileId id, byte[] data) throws TilesException {
    if (data.length != id.sizeBytes()) {
      throw new TilesException(
          Reason.MALFORMED,
          id.path(),
          "is "
              + data.length
              + " bytes; a tile of "
              + id.width()
              + " hashes is exactly "
              + id.sizeBytes());
    }
    return new HashTile(id, data.clone());
  }

  /** A tile holding {@code hashes}, as many as {@code id.width()}. */
  public static HashTile of(TileId id, List<Hash> hashes) {
    if (hashes.size() != id.width()) {
      throw new IllegalArgumentException(
          "tile " + id + " holds " + id.width() + " hashes, got " + hashes.size());
    }
    byte[] bytes = new byte[id.sizeBytes()];
    for (int i = 0; i < hashes.size(); i++) {
      hashes.get(i).copyTo(bytes, i * Hash.SIZE_BYTES);
    }
    return new HashTile(id, bytes);
  }

  /** Which tile this is. */
  public TileId id() {
    return id;
  }

  /** The number of hashes. */
  public int width() {
    return id.width();
  }

  /** Hash {@code position} of the tile, from 0. */
  public Hash hash(int position) {
    if (position < 0 || position >= id.width()) {
      throw new IndexOutOfBoundsException("tile " + id + " has no hash " + position);
    }
    return Hash.of(hashes, position * Hash.SIZE_BYTES);
  }

  /** Whether hash {@code position} equals {@code expected}. */
  boolean hashEquals(int position, Hash expected) {
    return hash(position).equals(expected);
  }

  /**
   * The hash of the complete subtree spanning {@code 2^nodeLevel} of this tile's hashes, those from
   * {@code nodeIndex << nodeLevel}: the inner levels of a tile are recomputed from its hashes
   * (tlog-tiles.md: "a tile represents the entire subtree of height 8 with its hashes as the
   * leaves").
   *
   * @param nodeLevel 0..8, the height of the subtree above the tile's hashes
   * @param nodeIndex the subtree's index among those of its height in this tile
   */
  public Hash subtree(int nodeLevel, long nodeIndex) {
    if (nodeLevel < 0 || nodeLevel > TileId.HEIGHT) {
      throw new IllegalArgumentException("a node inside a tile is 0..8 levels up: " + nodeLevel);
    }
    long first = nodeIndex << nodeLevel;
    int count = 1 << nodeLevel;
    if (nodeIndex < 0 || first + count > id.width()) {
      throw new IllegalArgumentException(
          "tile " + id + " does not hold all of node " + nodeIndex + " at height " + nodeLevel);
    }
    Hash[] level = new Hash[count];
    for (int i = 0; i < count; i++) {
      level[i] = hash((int) first + i);
    }
    for (int n = count; n > 1; n >>= 1) {
      for (int i = 0; i < n / 2; i++) {
        level[i] = TreeHasher.node(level[2 * i], level[2 * i + 1]);
      }
    }
    return level[0];
  }

  /** The file contents: the hashes concatenated. */
  public byte[] encoded() {
    return hashes.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof HashTile other
        && id.equals(other.id)
        && Arrays.equals(hashes, other.hashes);
  }

  @Override
  public int hashCode() {
    return 31 * id.hashCode() + Arrays.hashCode(hashes);
  }

  @Override
  public String toString() {
    return "HashTile[" + id + "]";
  }
}
