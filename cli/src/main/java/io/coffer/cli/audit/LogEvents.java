package io.coffer.cli.audit;

import io.coffer.cas.events.EventCodec;
import io.coffer.cas.events.EventFormatException;
import io.coffer.cli.command.CommandException;
import io.coffer.ledger.merkle.CompactRange;
import io.coffer.ledger.merkle.TreeHasher;
import io.coffer.ledger.merkle.TreeHead;
import io.coffer.ledger.tiles.BundleId;
import io.coffer.ledger.tiles.EntryBundle;
import io.coffer.ledger.tiles.TileLayout;
import io.coffer.ledger.tiles.TileReader;
import io.coffer.ledger.tiles.TilesException;
import java.util.ArrayList;
import java.util.List;

/**
 * The events of a log directory, read from its entry bundles for a signed tree head and kept only
 * if those very entries hash to the head's root (RFC 9162 §2.1.1): what is listed is the signed
 * log, whatever happens to the files between a verification and this reading.
 */
final class LogEvents {

  private LogEvents() {}

  /**
   * Every event of the tree {@code head} in {@code reader}'s directory, in log order.
   *
   * @throws CommandException a definite no when an entry is missing, the entries do not hash to the
   *     head's root, or an entry is not a CAS event (naming its index); unreadable input when the
   *     files cannot be read
   */
  static List<EventLine> read(TileReader reader, TreeHead head) {
    long size = head.size();
    CompactRange tree = CompactRange.empty();
    List<EventLine> lines = new ArrayList<>();
    while (tree.size() < size) {
      BundleId id = TileLayout.bundleHolding(tree.size(), size);
      EntryBundle bundle;
      try {
        bundle = reader.entryBundle(id);
      } catch (TilesException e) {
        if (e.reason() == TilesException.Reason.IO_FAILED) {
          throw CommandException.badInput("cannot read the log: " + e.getMessage(), e);
        }
        throw CommandException.no("the log's entries: " + e.getMessage(), e);
      }
      if (bundle.size() != id.width()) {
        throw CommandException.no(
            "truncated: " + id.path() + " holds " + bundle.size() + " entries, not " + id.width());
      }
      long first = id.firstEntry();
      for (int i = (int) (tree.size() - first); i < bundle.size(); i++) {
        byte[] entry = bundle.entry(i);
        long index = first + i;
        tree.append(TreeHasher.leaf(entry), (node, hash) -> {});
        lines.add(event(index, entry));
      }
    }
    if (!tree.root().equals(head.root())) {
      throw CommandException.no(
          "tampered: the log's "
              + size
              + " entries do not hash to the root its checkpoint signs ("
              + head.root().toBase64()
              + ")");
    }
    return lines;
  }

  private static EventLine event(long index, byte[] entry) {
    try {
      return EventLine.of(index, EventCodec.parse(entry));
    } catch (EventFormatException e) {
      throw CommandException.no(
          "entry " + index + " is not a CAS event: " + e.reason() + ": " + e.getMessage(), e);
    }
  }
}
