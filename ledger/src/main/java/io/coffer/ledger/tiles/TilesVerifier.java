package io.coffer.ledger.tiles;

import io.coffer.ledger.merkle.CompactRange;
import io.coffer.ledger.merkle.Hash;
import io.coffer.ledger.merkle.InclusionProof;
import io.coffer.ledger.merkle.NodeId;
import io.coffer.ledger.merkle.ProofBuilder;
import io.coffer.ledger.merkle.ProofException;
import io.coffer.ledger.merkle.ProofVerifier;
import io.coffer.ledger.merkle.SubtreeUnavailableException;
import io.coffer.ledger.merkle.TreeHasher;
import io.coffer.ledger.merkle.TreeHead;
import io.coffer.ledger.tiles.BundleCheck.Discrepancy;
import io.coffer.ledger.tiles.TilesException.Reason;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Audits a tiles directory completely against an authenticated tree head: reads every entry bundle
 * of the tree, recomputes the tree from the entries (RFC 9162 hashing), checks that every hash tile
 * of the tree (full and partial, at every level) holds exactly the recomputed hashes, and that the
 * root is the authenticated one.
 *
 * <p>Streaming: one bundle and one tile per level are in memory at a time, whatever the tree size.
 *
 * <p>Failures name the file and say what is wrong. Entries are the data; tiles are derived from
 * them. When an entry and its level-0 tile disagree, the root decides which one changed: if the
 * entries lead to the authenticated root, the tile is wrong ({@code TILE_MISMATCH}); if not, and
 * the tile's hash is proven included under the authenticated root by the other tiles, the entry is
 * wrong ({@code ENTRY_CHANGED}, {@code ENTRIES_REORDERED}, {@code ENTRY_DUPLICATED}). A bundle that
 * holds too few or too many entries fails at once ({@code ENTRY_MISSING}, {@code EXTRA_ENTRIES},
 * {@code ENTRY_DUPLICATED}). When neither entries nor tiles lead to the root, the directory holds
 * another tree: {@code ROOT_MISMATCH}.
 *
 * <p>Restrictions: the tree head must be authenticated by the caller (a verified checkpoint
 * signature); the {@code checkpoint} file is not read. Files beyond the tree size (tiles of a
 * larger tree, written before their checkpoint) are not examined. A reordering across two bundles
 * is reported as changed entries.
 */
public final class TilesVerifier {

  private final TileReader reader;
  private final TreeHead head;
  private final Set<Long> wanted;
  private final Map<Long, Hash> roots = new HashMap<>();
  private final CompactRange range = CompactRange.empty();
  private final List<NodeId> completedIds = new ArrayList<>();
  private final List<Hash> completedHashes = new ArrayList<>();
  private final HashTile[] loaded = new HashTile[8];
  private Discrepancy firstEntryDiscrepancy;
  private TilesException firstTileMismatch;
  private long bundlesRead;
  private long tilesRead;

  private TilesVerifier(TileReader reader, TreeHead head, Set<Long> wanted) {
    this.reader = reader;
    this.head = head;
    this.wanted = wanted;
  }

  /**
   * Verifies the directory against {@code head}.
   *
   * @throws TilesException the first problem found, with its reason and file
   */
  public static VerifiedTiles verify(TileReader tiles, TreeHead head) throws TilesException {
    return verify(tiles, head, List.of());
  }

  /**
   * Verifies the directory against {@code head}, and keeps the roots at {@code alsoRootsAt} (each
   * at most {@code head.size()}) for {@link VerifiedTiles#rootAt}.
   *
   * @throws TilesException the first problem found, with its reason and file
   */
  public static VerifiedTiles verify(TileReader tiles, TreeHead head, Collection<Long> alsoRootsAt)
      throws TilesException {
    Set<Long> wanted = new TreeSet<>(alsoRootsAt);
    for (long size : wanted) {
      if (size < 0 || size > head.size()) {
        throw new IllegalArgumentException(
            "a root at size " + size + " is not within the tree of size " + head.size());
      }
    }
    return new TilesVerifier(tiles, head, wanted).run();
  }

  private VerifiedTiles run() throws TilesException {
    long size = head.size();
    keepRootIfWanted();
    long bundles = TileLayout.fullTiles(0, size) + (TileLayout.partialWidth(0, size) > 0 ? 1 : 0);
    for (long n = 0; n < bundles; n++) {
      BundleId id = TileLayout.bundleHolding(n << TileId.HEIGHT, size);
      List<Hash> leaves = checkBundle(id);
      for (Hash leaf : leaves) {
        range.append(
            leaf,
            (node, hash) -> {
              if (node.level() > 0 && node.level() % TileId.HEIGHT == 0) {
                completedIds.add(node);
                completedHashes.add(hash);
              }
            });
        checkCompleted();
        keepRootIfWanted();
      }
    }
    return decide(range.root());
  }

  /** Reads bundle {@code id} and its level-0 tile, and compares them. */
  private List<Hash> checkBundle(BundleId id) throws TilesException {
    HashTile tile = reader.hashTile(id.leafTile());
    tilesRead++;
    EntryBundle.Scan scan = EntryBundle.scan(reader.bundleBytes(id), id.width() + 1, id.path());
    bundlesRead++;
    List<Hash> leaves = new ArrayList<>(scan.entries().size());
    for (byte[] entry : scan.entries()) {
      leaves.add(TreeHasher.leaf(entry));
    }
    Optional<Discrepancy> discrepancy = BundleCheck.compare(id, tile, leaves);
    if (discrepancy.isPresent() && firstEntryDiscrepancy == null) {
      Discrepancy d = discrepancy.get();
      firstEntryDiscrepancy = d;
      if (firstTileMismatch == null) {
        firstTileMismatch =
            new TilesException(
                Reason.TILE_MISMATCH,
                id.leafTile().path(),
                "holds a leaf hash for entry "
                    + d.leafIndex()
                    + " that differs from the hash of the entry in "
                    + id.path());
      }
    }
    return leaves;
  }

  /** Compares the subtree hashes just completed at tile levels 1 and up with their tiles. */
  private void checkCompleted() throws TilesException {
    for (int k = 0; k < completedIds.size(); k++) {
      NodeId node = completedIds.get(k);
      int level = node.level() / TileId.HEIGHT;
      TileId id = TileLayout.tileHolding(level, node.index(), head.size());
      if (loaded[level] == null || !loaded[level].id().equals(id)) {
        loaded[level] = reader.hashTile(id);
        tilesRead++;
      }
      int position = (int) (node.index() & (TileId.FULL_WIDTH - 1));
      if (firstTileMismatch == null
          && !loaded[level].hashEquals(position, completedHashes.get(k))) {
        firstTileMismatch =
            new TilesException(
                Reason.TILE_MISMATCH,
                id.path(),
                "hash "
                    + position
                    + " is "
                    + loaded[level].hash(position)
                    + " but the entries give "
                    + completedHashes.get(k));
      }
    }
    completedIds.clear();
    completedHashes.clear();
  }

  private void keepRootIfWanted() {
    if (wanted.contains(range.size())) {
      roots.put(range.size(), range.root());
    }
  }

  /** Settles, from the root, whether the entries or the tiles are wrong. */
  private VerifiedTiles decide(Hash fromEntries) throws TilesException {
    if (fromEntries.equals(head.root())) {
      if (firstTileMismatch != null) {
        throw firstTileMismatch;
      }
      return new VerifiedTiles(head, roots, bundlesRead, tilesRead);
    }
    if (firstEntryDiscrepancy != null && tileHashIsAuthentic(firstEntryDiscrepancy)) {
      throw firstEntryDiscrepancy.toException();
    }
    throw new TilesException(
        Reason.ROOT_MISMATCH,
        null,
        "the entries lead to root "
            + fromEntries
            + " at size "
            + head.size()
            + ", not to the authenticated "
            + head.root()
            + (firstEntryDiscrepancy == null && firstTileMismatch == null
                ? "; the tiles agree with the entries: the directory holds another tree"
                : "; the tiles do not lead to it either"));
  }

  /** Whether the level-0 tile's hash for the entry is proven, by the tiles, under the root. */
  private boolean tileHashIsAuthentic(Discrepancy d) {
    try {
      TileSubtreeSource source = new TileSubtreeSource(reader, head.size());
      InclusionProof proof = ProofBuilder.inclusion(source, d.leafIndex(), head.size());
      ProofVerifier.verifyInclusion(d.tileHash(), proof, head.root());
      return true;
    } catch (SubtreeUnavailableException | ProofException e) {
      return false;
    }
  }
}
