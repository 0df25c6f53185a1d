package io.coffer.cas.server;

import io.coffer.cas.client.CasClient;
import io.coffer.cas.events.CasEvent;
import io.coffer.cas.events.EventCodec;
import io.coffer.ledger.checkpoint.CheckpointVerifier;
import io.coffer.ledger.merkle.TreeHead;
import io.coffer.ledger.note.NoteVerifier;
import io.coffer.ledger.tiles.BundleId;
import io.coffer.ledger.tiles.TileId;
import io.coffer.ledger.tiles.TileLayout;
import io.coffer.ledger.tiles.TileReader;
import io.coffer.ledger.tiles.TilesVerifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * An audit of a CAS's ledger over its API, as {@code coffer audit fetch} and {@code verify} do it:
 * the checkpoint verified with the CAS's ledger key, every tile and entry bundle of its tree
 * fetched into a directory and checked by the {@link TilesVerifier} (the entries make the tree
 * whose root the checkpoint signs), then the entries read back as events.
 *
 * @param head the verified tree head
 * @param events the entries 0 .. size - 1, decoded
 */
record LedgerAudit(TreeHead head, List<CasEvent> events) {

  LedgerAudit {
    events = List.copyOf(events);
  }

  /** Audits the ledger of the CAS behind {@code client}, whose log and key are given. */
  static LedgerAudit of(CasClient client, String origin, String verifierKey, Path dir)
      throws Exception {
    byte[] checkpoint = client.checkpoint();
    TreeHead head =
        CheckpointVerifier.forLog(origin, NoteVerifier.parse(verifierKey), List.of())
            .verify(checkpoint)
            .treeHead();
    Files.createDirectories(dir);
    Files.write(dir.resolve(TileReader.CHECKPOINT), checkpoint);
    List<BundleId> bundles = new ArrayList<>();
    for (TileId tile : TileLayout.newTiles(0, head.size())) {
      fetch(client, dir, tile.path());
      if (tile.level() == 0) {
        BundleId bundle = new BundleId(tile.index(), tile.width());
        fetch(client, dir, bundle.path());
        bundles.add(bundle);
      }
    }
    TileReader reader = TileReader.open(dir);
    TilesVerifier.verify(reader, head);
    List<CasEvent> events = new ArrayList<>();
    for (BundleId bundle : bundles) {
      for (byte[] entry : reader.entryBundle(bundle).entries()) {
        events.add(EventCodec.parse(entry));
      }
    }
    if (events.size() != head.size()) {
      throw new AssertionError(events.size() + " entries in a tree of size " + head.size());
    }
    return new LedgerAudit(head, events);
  }

  private static void fetch(CasClient client, Path dir, String path) throws Exception {
    Path file = dir.resolve(path);
    Files.createDirectories(file.getParent());
    Files.write(
        file, client.tile(path).orElseThrow(() -> new AssertionError("the CAS has no " + path)));
  }

  /** The events of one type, in ledger order, each with its index. */
  <T extends CasEvent> List<Indexed<T>> of(Class<T> type) {
    List<Indexed<T>> out = new ArrayList<>();
    for (int i = 0; i < events.size(); i++) {
      if (type.isInstance(events.get(i))) {
        out.add(new Indexed<>(i, type.cast(events.get(i))));
      }
    }
    return out;
  }

  /** An event and its ledger index. */
  record Indexed<T extends CasEvent>(long index, T event) {}
}
