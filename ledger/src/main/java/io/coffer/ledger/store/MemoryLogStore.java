package io.coffer.ledger.store;

import io.coffer.ledger.merkle.Hash;
import io.coffer.ledger.merkle.NodeId;
import io.coffer.ledger.store.StoreException.Reason;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A {@link LogStore} in memory, for tests and short-lived tools. Nothing survives the process.
 *
 * <p>Thread-safe: every method is synchronized.
 */
public final class MemoryLogStore implements LogStore {

  private final List<byte[]> entries = new ArrayList<>();
  private final Map<NodeId, Hash> nodes = new HashMap<>();
  private final List<StoredCheckpoint> checkpoints = new ArrayList<>();
  private boolean closed;

  @Override
  public synchronized long size() throws StoreException {
    open();
    return entries.size();
  }

  @Override
  public synchronized void append(
      long firstIndex, List<byte[]> newEntries, List<StoredNode> newNodes) throws StoreException {
    open();
    if (firstIndex != entries.size()) {
      throw new StoreException(
          Reason.CONFLICT,
          "append at index " + firstIndex + " but the store holds " + entries.size() + " entries");
    }
    for (StoredNode node : newNodes) {
      if (nodes.containsKey(node.id())) {
        throw new StoreException(Reason.CONFLICT, "node " + node.id() + " is already stored");
      }
    }
    for (byte[] entry : newEntries) {
      entries.add(entry.clone());
    }
    for (StoredNode node : newNodes) {
      nodes.put(node.id(), node.hash());
    }
  }

  @Override
  public synchronized List<byte[]> entries(long from, int count) throws StoreException {
    open();
    if (from < 0 || count < 0 || from + count > entries.size()) {
      throw new StoreException(
          Reason.NOT_FOUND,
          "entries " + from + ".." + (from + count - 1) + " are not all among " + entries.size());
    }
    List<byte[]> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      out.add(entries.get((int) from + i).clone());
    }
    return out;
  }

  @Override
  public synchronized List<Hash> hashes(List<NodeId> ids) throws StoreException {
    open();
    List<Hash> out = new ArrayList<>(ids.size());
    for (NodeId id : ids) {
      Hash h = nodes.get(id);
      if (h == null) {
        throw new StoreException(Reason.NOT_FOUND, "node " + id + " is not stored");
      }
      out.add(h);
    }
    return out;
  }

  @Override
  public synchronized List<Hash> hashRange(int level, long from, int count) throws StoreException {
    List<NodeId> ids = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      ids.add(new NodeId(level, from + i));
    }
    return hashes(ids);
  }

  @Override
  public synchronized void putCheckpoint(StoredCheckpoint checkpoint) throws StoreException {
    open();
    if (!checkpoints.isEmpty() && checkpoint.size() <= checkpoints.getLast().size()) {
      throw new StoreException(
          Reason.CONFLICT,
          "checkpoint at size "
              + checkpoint.size()
              + " does not grow past "
              + checkpoints.getLast().size());
    }
    checkpoints.add(checkpoint);
  }

  @Override
  public synchronized Optional<StoredCheckpoint> latestCheckpoint() throws StoreException {
    open();
    return checkpoints.isEmpty() ? Optional.empty() : Optional.of(checkpoints.getLast());
  }

  @Override
  public synchronized void close() {
    closed = true;
  }

  private void open() throws StoreException {
    if (closed) {
      throw new StoreException(Reason.UNAVAILABLE, "the store is closed");
    }
  }
}
