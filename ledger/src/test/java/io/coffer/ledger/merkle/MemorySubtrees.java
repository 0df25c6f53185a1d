package io.coffer.ledger.merkle;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A {@link SubtreeSource} for tests: every complete subtree of the leaves appended so far. */
final class MemorySubtrees implements SubtreeSource {

  private final Map<NodeId, Hash> nodes = new HashMap<>();
  private final CompactRange range = CompactRange.empty();

  static MemorySubtrees ofEntries(List<byte[]> entries) {
    MemorySubtrees t = new MemorySubtrees();
    for (byte[] e : entries) {
      t.appendLeaf(TreeHasher.leaf(e));
    }
    return t;
  }

  void appendLeaf(Hash leaf) {
    range.append(leaf, nodes::put);
  }

  long size() {
    return range.size();
  }

  Hash root() {
    return range.root();
  }

  Hash node(NodeId id) {
    return nodes.get(id);
  }

  @Override
  public List<Hash> hashes(List<NodeId> ids) throws SubtreeUnavailableException {
    List<Hash> out = new ArrayList<>(ids.size());
    for (NodeId id : ids) {
      Hash h = nodes.get(id);
      if (h == null) {
        throw new SubtreeUnavailableException("no node " + id);
      }
      out.add(h);
    }
    return out;
  }
}
