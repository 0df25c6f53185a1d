package io.coffer.cas.ledger;

import io.coffer.cas.service.CasException;
import io.coffer.cas.service.CasException.Type;
import io.coffer.cas.service.LedgerService;
import io.coffer.ledger.log.Ledger;
import io.coffer.ledger.log.LedgerException;
import io.coffer.ledger.log.TreeHeadSigner;
import io.coffer.ledger.merkle.ConsistencyProof;
import io.coffer.ledger.merkle.Hash;
import io.coffer.ledger.merkle.InclusionProof;
import io.coffer.ledger.tiles.BundleId;
import io.coffer.ledger.tiles.EntryBundle;
import io.coffer.ledger.tiles.HashTile;
import io.coffer.ledger.tiles.TileId;
import io.coffer.ledger.tiles.TilesException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link LedgerService} over the CAS's {@link Ledger} and its checkpoint signer.
 *
 * <p>Checkpoints: {@link #checkpoint()} first catches the ledger up with the store ({@link
 * Ledger#refresh}: another CAS process on the same database may have appended since this one last
 * wrote), then signs the current tree head when it moved since the last signed checkpoint (the
 * ledger refuses to sign a tree that does not extend its last checkpoint), so a reader always gets
 * a checkpoint of the store's current tree, whichever process it asks.
 *
 * <p>Proofs and tiles about a tree larger than this process has seen catch the ledger up first, so
 * a reader holding another process's checkpoint gets its proofs and tiles from any process.
 *
 * <p>Tiles (C2SP tlog-tiles, "Merkle Tree" and "Log entries"): hash tile {@code tile/<L>/<N>} holds
 * the hashes of tree level {@code 8·L}, nodes {@code 256·N} onwards, read from the ledger ({@link
 * Ledger#subtreeHashes}); entry bundle {@code tile/entries/<N>} holds entries {@code 256·N}
 * onwards. A partial tile {@code .p/<W>} is served whenever its {@code W} hashes exist in the
 * current tree (it is then the prefix of a larger tile), so that a reader holding a slightly older
 * checkpoint can still fetch its tiles; a tile beyond the current tree is not served.
 */
public final class LedgerReads implements LedgerService {

  private static final String BUNDLE_PREFIX = "tile/entries/";

  private final Ledger ledger;
  private final TreeHeadSigner signer;

  /**
   * @param ledger the CAS's ledger
   * @param signer signs checkpoints with the CAS's ledger key
   */
  public LedgerReads(Ledger ledger, TreeHeadSigner signer) {
    this.ledger = Objects.requireNonNull(ledger, "ledger");
    this.signer = Objects.requireNonNull(signer, "signer");
  }

  /** The number of entries in the current tree (for the ledger size gauge). */
  public long size() {
    return ledger.size();
  }

  @Override
  public byte[] checkpoint() throws CasException {
    try {
      ledger.refresh();
      return ledger.checkpoint(signer).signedNote();
    } catch (LedgerException e) {
      throw failed("cannot sign a checkpoint", e);
    }
  }

  @Override
  public InclusionProof inclusionProof(long index, long size) throws CasException {
    try {
      caughtUpTo(size);
      return ledger.inclusionProof(index, size);
    } catch (LedgerException e) {
      throw failed("no inclusion proof", e);
    }
  }

  @Override
  public ConsistencyProof consistencyProof(long size1, long size2) throws CasException {
    try {
      caughtUpTo(size2);
      return ledger.consistencyProof(size1, size2);
    } catch (LedgerException e) {
      throw failed("no consistency proof", e);
    }
  }

  /**
   * {@inheritDoc}
   *
   * @throws CasException {@code BAD_REQUEST} for a path that is not a tile path (tlog-tiles' strict
   *     form), {@code UNAVAILABLE} when the ledger cannot be read
   */
  @Override
  public Optional<byte[]> tile(String path) throws CasException {
    Objects.requireNonNull(path, "path");
    try {
      if (path.startsWith(BUNDLE_PREFIX)) {
        return bundle(BundleId.parse(path));
      }
      return hashTile(TileId.parse(path));
    } catch (TilesException e) {
      throw new CasException(Type.BAD_REQUEST, "not a tile path: " + e.getMessage(), e);
    }
  }

  private Optional<byte[]> hashTile(TileId id) throws CasException {
    int treeLevel = id.level() * TileId.HEIGHT;
    if (!existsCaughtUp(treeLevel, id.index(), id.width())) {
      return Optional.empty();
    }
    try {
      List<Hash> hashes =
          ledger.subtreeHashes(treeLevel, id.index() * TileId.FULL_WIDTH, id.width());
      return Optional.of(HashTile.of(id, hashes).encoded());
    } catch (LedgerException e) {
      return absentIfBeyond(e);
    }
  }

  private Optional<byte[]> bundle(BundleId id) throws CasException {
    if (!existsCaughtUp(0, id.index(), id.width())) {
      return Optional.empty();
    }
    List<byte[]> entries;
    try {
      entries = ledger.entries(id.firstEntry(), id.width());
    } catch (LedgerException e) {
      return absentIfBeyond(e);
    }
    try {
      return Optional.of(EntryBundle.encode(entries));
    } catch (IllegalArgumentException e) {
      // The CAS's ledger caps entries at the bundle limit; a larger one means a broken store.
      throw new CasException(Type.INTERNAL, "a ledger entry does not fit an entry bundle", e);
    }
  }

  /**
   * Catches the ledger up with the store when a reader asks about a tree larger than this process
   * has seen: another CAS process on the same database may have appended, and the reader may hold
   * that process's checkpoint.
   */
  private void caughtUpTo(long size) throws LedgerException {
    if (size > ledger.size()) {
      ledger.refresh();
    }
  }

  /** {@link #existsIn}, after catching up with the store if it does not exist yet. */
  private boolean existsCaughtUp(int treeLevel, long index, int width) throws CasException {
    if (existsIn(treeLevel, index, width)) {
      return true;
    }
    try {
      ledger.refresh();
    } catch (LedgerException e) {
      throw failed("cannot read the ledger", e);
    }
    return existsIn(treeLevel, index, width);
  }

  /**
   * Whether hashes {@code 256·index .. 256·index + width - 1} of tree level {@code level} exist.
   */
  private boolean existsIn(int treeLevel, long index, int width) {
    long complete = treeLevel >= Long.SIZE ? 0 : ledger.size() >>> treeLevel;
    long tiles = complete >>> TileId.HEIGHT;
    if (index > tiles) {
      return false;
    }
    return index * TileId.FULL_WIDTH + width <= complete;
  }

  private static Optional<byte[]> absentIfBeyond(LedgerException e) throws CasException {
    if (e.reason() == LedgerException.Reason.OUT_OF_RANGE) {
      return Optional.empty();
    }
    throw failed("cannot read the ledger", e);
  }

  private static CasException failed(String what, LedgerException e) {
    return switch (e.reason()) {
      case OUT_OF_RANGE -> new CasException(Type.BAD_REQUEST, what + ": " + e.getMessage(), e);
      case STORE_FAILED, NOT_OPEN ->
          new CasException(Type.UNAVAILABLE, what + ": the ledger is unavailable", e);
      case ENTRY_TOO_LARGE, INCONSISTENT_STORE, SIGNING_FAILED ->
          new CasException(Type.INTERNAL, what, e);
    };
  }
}
