package io.coffer.ledger.store;

import io.coffer.ledger.merkle.Hash;
import io.coffer.ledger.merkle.NodeId;
import io.coffer.ledger.store.StoreException.Reason;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The rows of one log's tables, read and written on a session, and checked as they come back: a row
 * that is missing, repeated, out of order or malformed is an error that names the entry or node,
 * never a wrong answer. Callers validate arguments and run writes inside a transaction.
 */
final class LogRows {

  private static final int MAX_INITIAL_CAPACITY = 4096;

  private final LogSql sql;
  private final SqlDialect dialect;

  LogRows(LogSql sql, SqlDialect dialect) {
    this.sql = sql;
    this.dialect = dialect;
  }

  long size(SqlSession s) throws SQLException, StoreException {
    return size(s, sql.size());
  }

  /** The size, locking it against other writers until the transaction ends. */
  long sizeForUpdate(SqlSession s) throws SQLException, StoreException {
    return size(s, sql.sizeForUpdate());
  }

  private long size(SqlSession s, String query) throws SQLException, StoreException {
    try (ResultSet r = s.prepare(query).executeQuery()) {
      if (!r.next()) {
        throw new StoreException(Reason.CORRUPT, "table " + sql.meta() + " has no row");
      }
      long size = r.getLong(1);
      if (size < 0) {
        throw new StoreException(
            Reason.CORRUPT, "table " + sql.meta() + " records a negative size: " + size);
      }
      return size;
    }
  }

  /** Advances the size from {@code firstIndex} (or fails with CONFLICT), then inserts the rows. */
  void append(SqlSession s, long firstIndex, List<byte[]> entries, List<StoredNode> nodes)
      throws SQLException, StoreException {
    PreparedStatement advance = s.prepare(sql.advanceSize());
    advance.setLong(1, firstIndex + entries.size());
    advance.setLong(2, firstIndex);
    if (advance.executeUpdate() != 1) {
      throw new StoreException(
          Reason.CONFLICT,
          "append at index " + firstIndex + " but the store holds " + size(s) + " entries");
    }
    insertEntries(s, firstIndex, entries);
    insertNodes(s, firstIndex, nodes);
  }

  private void insertEntries(SqlSession s, long firstIndex, List<byte[]> entries)
      throws SQLException, StoreException {
    try {
      PreparedStatement p = s.prepare(sql.insertEntry());
      for (int i = 0; i < entries.size(); i++) {
        p.setLong(1, firstIndex + i);
        p.setBytes(2, entries.get(i));
        p.addBatch();
      }
      p.executeBatch();
    } catch (SQLException e) {
      if (dialect.classify(e) != Reason.CONFLICT) {
        throw e;
      }
      // The size moved from firstIndex, yet rows at or past it exist: the tables disagree.
      throw new StoreException(
          Reason.CORRUPT,
          "table " + sql.entries() + " holds entries past the size " + firstIndex + " it records",
          e);
    }
  }

  private void insertNodes(SqlSession s, long firstIndex, List<StoredNode> nodes)
      throws SQLException, StoreException {
    try {
      PreparedStatement p = s.prepare(sql.insertNode());
      for (StoredNode node : nodes) {
        p.setInt(1, node.id().level());
        p.setLong(2, node.id().index());
        p.setBytes(3, node.hash().bytes());
        p.addBatch();
      }
      p.executeBatch();
    } catch (SQLException e) {
      if (dialect.classify(e) != Reason.CONFLICT) {
        throw e;
      }
      throw new StoreException(
          Reason.CONFLICT,
          "append at index "
              + firstIndex
              + " carries a subtree hash that is already stored; hashes are never overwritten",
          e);
    }
  }

  /** The entries {@code from .. from + count - 1}, for {@code count > 0}. */
  List<byte[]> entries(SqlSession s, long from, int count) throws SQLException, StoreException {
    List<byte[]> out = new ArrayList<>(Math.min(count, MAX_INITIAL_CAPACITY));
    PreparedStatement p = s.prepare(sql.entryRange());
    p.setLong(1, from);
    p.setLong(2, from + count);
    try (ResultSet r = p.executeQuery()) {
      while (r.next()) {
        long expected = from + out.size();
        expectNext(r.getLong(1), expected, "entry " + expected);
        byte[] data = r.getBytes(2);
        if (data == null) {
          throw new StoreException(Reason.CORRUPT, "entry " + expected + " has no data");
        }
        out.add(data);
      }
    }
    if (out.size() < count) {
      throw new StoreException(Reason.NOT_FOUND, "entry " + (from + out.size()) + " is not stored");
    }
    return out;
  }

  /** The hashes of {@code ids} in order, in one query per 256 distinct nodes. */
  List<Hash> hashes(SqlSession s, List<NodeId> ids) throws SQLException, StoreException {
    List<NodeId> distinct = List.copyOf(new LinkedHashSet<>(ids));
    Map<NodeId, Hash> found = new HashMap<>();
    for (int i = 0; i < distinct.size(); i += LogSql.MAX_NODES_PER_LOOKUP) {
      lookup(
          s,
          distinct.subList(i, Math.min(distinct.size(), i + LogSql.MAX_NODES_PER_LOOKUP)),
          found);
    }
    List<Hash> out = new ArrayList<>(ids.size());
    for (NodeId id : ids) {
      Hash h = found.get(id);
      if (h == null) {
        throw new StoreException(Reason.NOT_FOUND, "node " + id + " is not stored");
      }
      out.add(h);
    }
    return out;
  }

  /** Reads up to 256 nodes in one query, padded to a power of two by repeating the last. */
  private void lookup(SqlSession s, List<NodeId> ids, Map<NodeId, Hash> found)
      throws SQLException, StoreException {
    int padded = Integer.highestOneBit(ids.size());
    if (padded < ids.size()) {
      padded <<= 1;
    }
    PreparedStatement p = s.prepare(sql.nodeLookup(padded));
    for (int i = 0; i < padded; i++) {
      NodeId id = ids.get(Math.min(i, ids.size() - 1));
      p.setInt(2 * i + 1, id.level());
      p.setLong(2 * i + 2, id.index());
    }
    try (ResultSet r = p.executeQuery()) {
      while (r.next()) {
        NodeId id = storedNodeId(r.getInt(1), r.getLong(2));
        found.put(id, hash(r.getBytes(3), "node " + id));
      }
    }
  }

  /** The hashes of nodes {@code from .. from + count - 1} of {@code level}, which all exist. */
  List<Hash> hashRange(SqlSession s, int level, long from, int count)
      throws SQLException, StoreException {
    List<Hash> out = new ArrayList<>(Math.min(count, MAX_INITIAL_CAPACITY));
    PreparedStatement p = s.prepare(sql.nodeRange());
    p.setInt(1, level);
    p.setLong(2, from);
    p.setLong(3, from + count);
    try (ResultSet r = p.executeQuery()) {
      while (r.next()) {
        NodeId expected = new NodeId(level, from + out.size());
        expectNext(r.getLong(1), expected.index(), "node " + expected);
        out.add(hash(r.getBytes(2), "node " + expected));
      }
    }
    if (out.size() < count) {
      throw new StoreException(
          Reason.NOT_FOUND, "node " + new NodeId(level, from + out.size()) + " is not stored");
    }
    return out;
  }

  /** Advances the latest checkpoint size (or fails with CONFLICT), then inserts the row. */
  void putCheckpoint(SqlSession s, StoredCheckpoint checkpoint)
      throws SQLException, StoreException {
    long size = checkpoint.size();
    PreparedStatement advance = s.prepare(sql.advanceCheckpoint());
    advance.setLong(1, size);
    advance.setLong(2, size);
    if (advance.executeUpdate() != 1) {
      long latest;
      try (ResultSet r = s.prepare(sql.checkpointSize()).executeQuery()) {
        latest = r.next() ? r.getLong(1) : -1;
      }
      throw new StoreException(
          Reason.CONFLICT, "checkpoint at size " + size + " does not grow past " + latest);
    }
    PreparedStatement insert = s.prepare(sql.insertCheckpoint());
    insert.setLong(1, size);
    insert.setBytes(2, checkpoint.root().bytes());
    insert.setBytes(3, checkpoint.signedNote());
    insert.executeUpdate();
  }

  /** The checkpoint that {@code log_meta} names as the latest, which must be stored. */
  Optional<StoredCheckpoint> latestCheckpoint(SqlSession s) throws SQLException, StoreException {
    try (ResultSet r = s.prepare(sql.latestCheckpoint()).executeQuery()) {
      if (!r.next()) {
        throw new StoreException(Reason.CORRUPT, "table " + sql.meta() + " has no row");
      }
      long recorded = r.getLong(1);
      if (recorded == -1) {
        return Optional.empty();
      }
      long size = r.getLong(2);
      if (recorded < -1 || r.wasNull()) {
        throw new StoreException(
            Reason.CORRUPT,
            "the latest checkpoint, at size "
                + recorded
                + " by table "
                + sql.meta()
                + ", is not in table "
                + sql.checkpoints());
      }
      Hash root = hash(r.getBytes(3), "the checkpoint at size " + size);
      byte[] note = r.getBytes(4);
      if (note == null) {
        throw new StoreException(Reason.CORRUPT, "the checkpoint at size " + size + " has no note");
      }
      return Optional.of(new StoredCheckpoint(size, root, note));
    }
  }

  /** Checks that an ordered range query returned the next row, and not a later or repeated one. */
  private static void expectNext(long got, long expected, String what) throws StoreException {
    if (got > expected) {
      throw new StoreException(Reason.NOT_FOUND, what + " is not stored");
    }
    if (got < expected) {
      throw new StoreException(
          Reason.CORRUPT, "the store returned index " + got + " again where " + what + " belongs");
    }
  }

  private static NodeId storedNodeId(int level, long index) throws StoreException {
    try {
      return new NodeId(level, index);
    } catch (IllegalArgumentException e) {
      throw new StoreException(
          Reason.CORRUPT, "the store returned an impossible node: " + e.getMessage(), e);
    }
  }

  private static Hash hash(byte[] bytes, String what) throws StoreException {
    if (bytes == null || bytes.length != Hash.SIZE_BYTES) {
      throw new StoreException(
          Reason.CORRUPT,
          what
              + " has "
              + (bytes == null ? "no hash" : "a " + bytes.length + "-byte hash")
              + ", not one of "
              + Hash.SIZE_BYTES
              + " bytes");
    }
    return Hash.of(bytes);
  }
}
