package io.coffer.ledger.store;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.regex.Pattern;

/**
 * The names of a log's tables and the statements a {@link JdbcLogStore} runs on them.
 *
 * <p>The table prefix is the only text from outside that reaches SQL; it is an anchored lower-case
 * identifier, so that it can neither inject SQL nor need quoting.
 */
final class LogSql {

  /** The most nodes one lookup asks for; larger requests are split. */
  static final int MAX_NODES_PER_LOOKUP = 256;

  private static final Pattern PREFIX = Pattern.compile("^(?:[a-z][a-z0-9_]{0,31})?$");

  private final String prefix;
  private final SqlDialect dialect;
  private final ConcurrentMap<Integer, String> nodeLookups = new ConcurrentHashMap<>();

  LogSql(String tablePrefix, SqlDialect dialect) {
    if (!PREFIX.matcher(tablePrefix).matches()) {
      throw new IllegalArgumentException(
          "a table prefix is empty or a lower-case letter followed by up to 31 lower-case letters,"
              + " digits and underscores");
    }
    this.prefix = tablePrefix;
    this.dialect = dialect;
  }

  String prefix() {
    return prefix;
  }

  String meta() {
    return prefix + "log_meta";
  }

  String entries() {
    return prefix + "log_entries";
  }

  String nodes() {
    return prefix + "log_nodes";
  }

  String checkpoints() {
    return prefix + "log_checkpoints";
  }

  String insertMeta() {
    return "INSERT INTO "
        + meta()
        + " (id, schema_version, size, checkpoint_size) VALUES (1, ?, 0, -1)";
  }

  String schemaVersion() {
    return "SELECT schema_version FROM " + meta() + " WHERE id = 1";
  }

  String size() {
    return "SELECT size FROM " + meta() + " WHERE id = 1";
  }

  /**
   * The size, locking the meta row against other writers until the transaction ends (PostgreSQL);
   * on SQLite the writer already holds the database's write lock.
   */
  String sizeForUpdate() {
    return dialect == SqlDialect.POSTGRES ? size() + " FOR UPDATE" : size();
  }

  /** Compare-and-set of the size: (new size, expected size); updates one row or none. */
  String advanceSize() {
    return "UPDATE " + meta() + " SET size = ? WHERE id = 1 AND size = ?";
  }

  String insertEntry() {
    return "INSERT INTO " + entries() + " (idx, data) VALUES (?, ?)";
  }

  String insertNode() {
    return "INSERT INTO " + nodes() + " (level, idx, hash) VALUES (?, ?, ?)";
  }

  /** (from, end): the entries with from <= idx < end, in order. */
  String entryRange() {
    return "SELECT idx, data FROM " + entries() + " WHERE idx >= ? AND idx < ? ORDER BY idx";
  }

  /** (level, from, end): the nodes of one level with from <= idx < end, in order. */
  String nodeRange() {
    return "SELECT idx, hash FROM "
        + nodes()
        + " WHERE level = ? AND idx >= ? AND idx < ? ORDER BY idx";
  }

  /**
   * A lookup of {@code count} nodes, {@code count} a power of two up to {@link
   * #MAX_NODES_PER_LOOKUP}: callers pad with repeated nodes so that few statement texts exist and
   * the drivers' statement caches hit.
   */
  String nodeLookup(int count) {
    if (Integer.bitCount(count) != 1 || count > MAX_NODES_PER_LOOKUP) {
      throw new IllegalArgumentException("lookup size must be a power of two up to 256: " + count);
    }
    return nodeLookups.computeIfAbsent(count, n -> dialect.nodeLookup(nodes(), n));
  }

  /** Compare-and-set of the checkpoint size: (new size, new size); grows it or updates nothing. */
  String advanceCheckpoint() {
    return "UPDATE " + meta() + " SET checkpoint_size = ? WHERE id = 1 AND checkpoint_size < ?";
  }

  String checkpointSize() {
    return "SELECT checkpoint_size FROM " + meta() + " WHERE id = 1";
  }

  String insertCheckpoint() {
    return "INSERT INTO " + checkpoints() + " (size, root, note) VALUES (?, ?, ?)";
  }

  /** The size meta records for the latest checkpoint, and that checkpoint's row if present. */
  String latestCheckpoint() {
    return "SELECT m.checkpoint_size, c.size, c.root, c.note FROM "
        + meta()
        + " m LEFT JOIN "
        + checkpoints()
        + " c ON c.size = m.checkpoint_size WHERE m.id = 1";
  }
}
