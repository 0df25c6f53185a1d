package io.coffer.ledger.tiles;

import io.coffer.ledger.log.Ledger;
import io.coffer.ledger.log.LedgerException;
import io.coffer.ledger.merkle.Hash;
import io.coffer.ledger.merkle.TreeHasher;
import io.coffer.ledger.merkle.TreeHead;
import io.coffer.ledger.tiles.TilesException.Reason;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;

/**
 * Exports a {@link Ledger} as a static C2SP tlog-tiles directory: {@code checkpoint}, hash tiles
 * {@code tile/<L>/<N>[.p/<W>]} and entry bundles {@code tile/entries/<N>[.p/<W>]}.
 *
 * <p>Hashes are recomputed from the ledger's entries ({@link Ledger#entries}); the ledger's own
 * node store is not read. Every file is written atomically (a temporary file beside it, flushed,
 * then renamed), and the {@code checkpoint} is written last, after the directories holding the new
 * tiles were flushed, so that a reader never sees a checkpoint whose tiles are missing, even after
 * a crash.
 *
 * <p>Incremental: exporting a larger size later reads only the new entries. Full tiles and bundles
 * never change, so those already present are kept as they are (they are not rewritten or read
 * again, except the up to 255 per level whose hashes the new upper-level tiles need). Partial tiles
 * and bundles of the new size are written; the old partial ones are kept, because a client holding
 * the older checkpoint may still fetch them (tlog-tiles.md allows deleting them once the full tile
 * exists, but does not require it). Before any partial file or the checkpoint is written, the root
 * computed from the tiles is compared with the ledger's root for that size, so that a failed export
 * leaves the files of the published checkpoint as they were.
 *
 * <p>Security guarantees: refuses to export a smaller tree over a directory that holds a larger one
 * (which would roll back its checkpoint); refuses to write through symbolic links; never writes a
 * checkpoint whose tiles do not lead to the ledger's root.
 *
 * <p>Not protected against: tampering with full tiles or bundles that an earlier export wrote and
 * that this export does not read; {@link TilesVerifier} audits a whole directory. Two writers on
 * the same directory at once are not supported.
 */
public final class TilesWriter {

  private final TileReader reader;
  private final AtomicFiles files;
  private long bundlesWritten;
  private long tilesWritten;

  private TilesWriter(TileReader reader) {
    this.reader = reader;
    this.files = new AtomicFiles(reader.directory());
  }

  /**
   * A writer for the tiles directory at {@code directory}, created if it does not exist.
   *
   * @throws TilesException {@code IO_FAILED}, {@code MALFORMED} if it is not a directory
   */
  public static TilesWriter open(Path directory) throws TilesException {
    try {
      Files.createDirectories(directory);
    } catch (IOException e) {
      throw new TilesException(
          Reason.IO_FAILED, null, "cannot create the tiles directory " + directory + ": " + e, e);
    }
    return new TilesWriter(TileReader.open(directory));
  }

  /**
   * Writes the tiles and bundles of the ledger's tree of {@code size} entries, then {@code
   * signedCheckpoint} as the {@code checkpoint} file.
   *
   * @param ledger the log to export
   * @param size the tree size to export, at most {@code ledger.size()}
   * @param signedCheckpoint the signed checkpoint for that size, written as it is
   * @return the exported tree head and what was written
   * @throws TilesException {@code CONFLICT} if the directory holds a larger tree or tiles that do
   *     not agree with the ledger, {@code LEDGER_FAILED}, {@code IO_FAILED}, {@code UNSAFE_PATH},
   *     or a read failure of an existing tile
   */
  public synchronized ExportResult export(Ledger ledger, long size, byte[] signedCheckpoint)
      throws TilesException {
    if (size < 0 || size > ledger.size()) {
      throw new IllegalArgumentException(
          "size " + size + " is not within the ledger's " + ledger.size() + " entries");
    }
    if (signedCheckpoint.length == 0 || signedCheckpoint.length > TileReader.MAX_CHECKPOINT_BYTES) {
      throw new IllegalArgumentException(
          "a checkpoint is 1.." + TileReader.MAX_CHECKPOINT_BYTES + " bytes");
    }
    byte[] checkpoint = signedCheckpoint.clone();
    bundlesWritten = 0;
    tilesWritten = 0;
    refuseLargerTree(size);
    int levels = TileLayout.levels(size);
    List<HashTile> partialTiles = new ArrayList<>();
    byte[] partialBundle = levels == 0 ? null : writeFullFiles(ledger, size, levels, partialTiles);
    Hash root = ledgerRoot(ledger, size);
    Hash fromTiles = new TileSubtreeSource(reader, size, partialTiles).root(size);
    if (!fromTiles.equals(root)) {
      throw new TilesException(
          Reason.CONFLICT,
          null,
          "the tiles lead to root "
              + fromTiles
              + " at size "
              + size
              + " but the ledger's root is "
              + root
              + ": the directory holds tiles of another log");
    }
    // Partial files are written only now: a failed export leaves those of the published
    // checkpoint as they were.
    if (partialBundle != null) {
      files.write(TileLayout.bundleHolding(size - 1, size).path(), partialBundle);
      bundlesWritten++;
    }
    for (HashTile tile : partialTiles) {
      writeTile(tile);
    }
    files.syncDirectories();
    files.write(TileReader.CHECKPOINT, checkpoint);
    files.syncDirectories();
    return new ExportResult(new TreeHead(size, root), bundlesWritten, tilesWritten);
  }

  /**
   * Writes the missing full tiles and bundles of the tree, and returns its partial tiles (into
   * {@code partialTiles}) and its partial bundle (or null), unwritten.
   */
  private byte[] writeFullFiles(Ledger ledger, long size, int levels, List<HashTile> partialTiles)
      throws TilesException {
    long[] existing = new long[levels];
    for (int level = 0; level < levels; level++) {
      int l = level;
      existing[level] =
          existingPrefix(i -> TileId.full(l, i).path(), TileLayout.fullTiles(level, size));
    }
    long existingBundles =
        existingPrefix(i -> BundleId.full(i).path(), TileLayout.fullTiles(0, size));
    // Each level restarts at the first tile that is missing, or that a missing tile below feeds.
    long[] start = new long[levels];
    start[0] = Math.min(existing[0], existingBundles);
    for (int level = 1; level < levels; level++) {
      start[level] = Math.min(start[level - 1] >>> TileId.HEIGHT, existing[level]);
    }
    LevelAccumulator[] accumulators = new LevelAccumulator[levels];
    for (int level = levels - 1; level >= 0; level--) {
      LevelAccumulator parent = level + 1 < levels ? accumulators[level + 1] : null;
      accumulators[level] =
          new LevelAccumulator(level, start[level], existing[level], parent, this::writeTile);
    }
    // Seed each level, top-down, with the hashes of the existing full tiles below that precede
    // the first one recomputed from entries.
    for (int level = levels - 1; level >= 1; level--) {
      for (long j = start[level] << TileId.HEIGHT; j < start[level - 1]; j++) {
        HashTile below = reader.hashTile(TileId.full(level - 1, j));
        accumulators[level].add(below.subtree(TileId.HEIGHT, 0));
      }
    }
    long bundles = TileLayout.fullTiles(0, size) + (TileLayout.partialWidth(0, size) > 0 ? 1 : 0);
    byte[] partialBundle = null;
    for (long n = start[0]; n < bundles; n++) {
      BundleId id = TileLayout.bundleHolding(n << TileId.HEIGHT, size);
      List<byte[]> entries = entries(ledger, id);
      if (!id.isFull()) {
        partialBundle = EntryBundle.encode(entries);
      } else if (n >= existingBundles) {
        files.write(id.path(), EntryBundle.encode(entries));
        bundlesWritten++;
      }
      for (byte[] entry : entries) {
        accumulators[0].add(TreeHasher.leaf(entry));
      }
    }
    for (LevelAccumulator accumulator : accumulators) {
      accumulator.partial().ifPresent(partialTiles::add);
    }
    return partialBundle;
  }

  private void writeTile(HashTile tile) throws TilesException {
    files.write(tile.id().path(), tile.encoded());
    tilesWritten++;
  }

  private static List<byte[]> entries(Ledger ledger, BundleId id) throws TilesException {
    List<byte[]> entries;
    try {
      entries = ledger.entries(id.firstEntry(), id.width());
    } catch (LedgerException e) {
      throw new TilesException(
          Reason.LEDGER_FAILED,
          id.path(),
          "cannot read the ledger's entries: " + e.getMessage(),
          e);
    }
    for (int i = 0; i < entries.size(); i++) {
      if (entries.get(i).length > EntryBundle.MAX_ENTRY_BYTES) {
        throw new TilesException(
            Reason.LEDGER_FAILED,
            id.path(),
            "entry "
                + (id.firstEntry() + i)
                + " is "
                + entries.get(i).length
                + " bytes; a bundle holds entries of at most 65535");
      }
    }
    return entries;
  }

  private static Hash ledgerRoot(Ledger ledger, long size) throws TilesException {
    try {
      return ledger.root(size);
    } catch (LedgerException e) {
      throw new TilesException(
          Reason.LEDGER_FAILED, null, "cannot read the ledger's root: " + e.getMessage(), e);
    }
  }

  /**
   * How many of the full files {@code 0 .. max-1} exist, found by binary search: files of a level
   * are written in order, so those present form a prefix.
   */
  private long existingPrefix(LongFunction<String> path, long max) {
    long low = 0;
    long high = max;
    while (low < high) {
      long mid = low + (high - low) / 2;
      if (reader.isFile(path.apply(mid))) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    return low;
  }

  /**
   * Refuses a directory that holds level-0 files of a larger tree: writing this checkpoint over it
   * would roll the published log back.
   */
  private void refuseLargerTree(long size) throws TilesException {
    long full = TileLayout.fullTiles(0, size);
    int width = TileLayout.partialWidth(0, size);
    for (String path : List.of(TileId.full(0, full).path(), BundleId.full(full).path())) {
      if (reader.isFile(path)) {
        throw largerTree(path, size);
      }
    }
    String[] partialDirectories = {
      TileId.full(0, full).path() + ".p", BundleId.full(full).path() + ".p"
    };
    for (String directory : partialDirectories) {
      int widest = widestPartial(directory);
      if (widest > width) {
        throw largerTree(directory + "/" + widest, size);
      }
    }
  }

  private int widestPartial(String directory) throws TilesException {
    Path dir = reader.directory().resolve(directory);
    if (!Files.isDirectory(dir)) {
      return 0;
    }
    int widest = 0;
    try (DirectoryStream<Path> names = Files.newDirectoryStream(dir)) {
      for (Path name : names) {
        String n = name.getFileName().toString();
        if (n.matches("[1-9][0-9]{0,2}")) {
          widest = Math.max(widest, Integer.parseInt(n));
        }
      }
    } catch (IOException e) {
      throw new TilesException(Reason.IO_FAILED, directory, "cannot be listed: " + e, e);
    }
    return widest;
  }

  private static TilesException largerTree(String path, long size) {
    return new TilesException(
        Reason.CONFLICT,
        path,
        "belongs to a tree larger than "
            + size
            + ": exporting a smaller tree would roll the directory's checkpoint back");
  }
}
