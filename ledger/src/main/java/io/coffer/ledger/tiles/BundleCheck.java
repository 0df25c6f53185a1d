package io.coffer.ledger.tiles;

import io.coffer.ledger.merkle.Hash;
import io.coffer.ledger.tiles.TilesException.Reason;
import java.util.List;
import java.util.Optional;

/**
 * Compares the leaf hashes of an entry bundle with its level-0 hash tile and names what differs.
 *
 * <p>A wrong number of entries is certain whatever the tiles say, and fails at once. An entry whose
 * hash differs from the tile's is only a suspicion: the tile may be the one that changed. It is
 * returned as a {@link Discrepancy} for {@link TilesVerifier} to settle against the root.
 */
final class BundleCheck {

  /**
   * A disagreement between an entry and the level-0 tile.
   *
   * @param reason what it is, if the tile is right
   * @param file the bundle
   * @param message the explanation, if the tile is right
   * @param leafIndex the index of the entry in the log
   * @param tileHash the tile's hash for that index
   */
  record Discrepancy(Reason reason, String file, String message, long leafIndex, Hash tileHash) {

    TilesException toException() {
      return new TilesException(reason, file, message);
    }
  }

  private BundleCheck() {}

  /**
   * Checks the number of entries and finds the first entry that differs from {@code tile}.
   *
   * @param leaves the leaf hashes of the entries read, at most {@code id.width() + 1}
   * @throws TilesException {@code ENTRY_MISSING}, {@code EXTRA_ENTRIES} or {@code ENTRY_DUPLICATED}
   *     if the bundle does not hold exactly {@code id.width()} entries
   */
  static Optional<Discrepancy> compare(BundleId id, HashTile tile, List<Hash> leaves)
      throws TilesException {
    int width = id.width();
    int count = leaves.size();
    long first = id.firstEntry();
    String file = id.path();
    int i = 0;
    while (i < Math.min(count, width) && tile.hashEquals(i, leaves.get(i))) {
      i++;
    }
    if (count < width) {
      throw new TilesException(
          Reason.ENTRY_MISSING,
          file,
          "holds "
              + count
              + " of its "
              + width
              + " entries: "
              + (i < count
                  ? "entry " + (first + i) + " is missing (the entries from there on are shifted)"
                  : "entries " + (first + count) + ".." + (first + width - 1) + " are missing"));
    }
    if (count > width) {
      int j = i < width ? indexIn(tile, leaves.get(i)) : -1;
      if (j >= 0 && j < i) {
        throw new TilesException(
            Reason.ENTRY_DUPLICATED,
            file,
            "holds "
                + count
                + " entries, not "
                + width
                + ": entry "
                + (first + j)
                + " appears again at position "
                + i);
      }
      throw new TilesException(
          Reason.EXTRA_ENTRIES,
          file,
          "holds more than its "
              + width
              + " entries: "
              + (i < width
                  ? "an entry that is not in the log appears at position " + i
                  : "entries follow beyond entry " + (first + width - 1)));
    }
    if (i == width) {
      return Optional.empty();
    }
    long index = first + i;
    int j = indexIn(tile, leaves.get(i));
    Reason reason;
    String message;
    if (j < 0) {
      reason = Reason.ENTRY_CHANGED;
      message = "entry " + index + " differs from the entry the log committed to";
    } else if (j < i || tile.hashEquals(j, leaves.get(j))) {
      reason = Reason.ENTRY_DUPLICATED;
      message = "entry " + index + " is a copy of entry " + (first + j);
    } else {
      reason = Reason.ENTRIES_REORDERED;
      message = "entry " + index + " holds entry " + (first + j) + ": the entries are out of order";
    }
    return Optional.of(new Discrepancy(reason, file, message, index, tile.hash(i)));
  }

  /** The position of {@code hash} in {@code tile}, or -1. */
  private static int indexIn(HashTile tile, Hash hash) {
    for (int k = 0; k < tile.width(); k++) {
      if (tile.hashEquals(k, hash)) {
        return k;
      }
    }
    return -1;
  }
}
