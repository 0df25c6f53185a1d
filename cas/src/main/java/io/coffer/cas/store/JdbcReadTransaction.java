package io.coffer.cas.store;

import io.coffer.cas.service.CasException;
import io.coffer.cas.service.CasException.Type;
import io.coffer.cas.service.ProposalState;
import io.coffer.ledger.store.SqlStatements;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The reads of a {@link JdbcCasStore}, on the statements of one transaction. What the database
 * returns is checked before it becomes a row: a malformed value (an unknown state, a missing
 * ciphertext) is an {@code INTERNAL} error naming the table and key, never a wrong row. A database
 * failure is {@code UNAVAILABLE}, naming the database's error code, never SQL or values.
 *
 * <p>Timestamps are stored as epoch microseconds: a row read back holds its instant truncated to
 * the microsecond.
 *
 * <p>Not thread-safe: one operation uses it, and only while it runs.
 */
class JdbcReadTransaction implements ReadTransaction {

  /** The most names one {@link #policyNames} call returns. */
  static final int MAX_NAMES = 10_000;

  private static final String POLICY_VERSION_COLUMNS =
      "name, version, hash, predecessor, activated_at, proposal, ledger_index, body";
  private static final String PROPOSAL_COLUMNS =
      "id, name, hash, predecessor, proposer, created_at, expires_at, state, closed_at, body";

  private final SqlStatements statements;
  private final CasDialect dialect;
  private boolean finished;

  JdbcReadTransaction(SqlStatements statements, CasDialect dialect) {
    this.statements = statements;
    this.dialect = dialect;
  }

  /** The statement for {@code sql}, while the operation runs. */
  final PreparedStatement prepare(String sql) throws SQLException {
    if (finished) {
      throw new IllegalStateException("a store transaction is valid only during its operation");
    }
    return statements.prepare(sql);
  }

  /** Ends the transaction's validity: its operation returned or threw. */
  final void finish() {
    finished = true;
  }

  /** The operation's error for a database failure during {@code what}. */
  CasException failure(String what, SQLException e) {
    return new CasException(
        Type.UNAVAILABLE, "the store failed " + what + " (" + dialect.code(e) + ")", e);
  }

  @Override
  public Optional<byte[]> meta(String key) throws CasException {
    try {
      PreparedStatement p = prepare("SELECT v FROM cas_meta WHERE k = ?");
      p.setString(1, key);
      try (ResultSet r = p.executeQuery()) {
        return r.next() ? Optional.of(notNull(r.getBytes(1), "cas_meta", key)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw failure("reading metadata " + key, e);
    }
  }

  @Override
  public Optional<PolicyRow> policy(String name) throws CasException {
    try {
      PreparedStatement p =
          prepare(
              "SELECT creator, created_at, current_version, current_hash FROM cas_policies"
                  + " WHERE name = ?");
      p.setString(1, name);
      try (ResultSet r = p.executeQuery()) {
        if (!r.next()) {
          return Optional.empty();
        }
        return Optional.of(
            decode(
                "cas_policies",
                name,
                () ->
                    new PolicyRow(
                        name, r.getString(1), instant(r.getLong(2)), r.getInt(3), r.getString(4))));
      }
    } catch (SQLException e) {
      throw failure("reading policy " + name, e);
    }
  }

  @Override
  public List<String> policyNames(String prefix, int limit) throws CasException {
    if (limit < 0 || limit > MAX_NAMES) {
      throw new CasException(
          Type.BAD_REQUEST, "a list of names holds 0.." + MAX_NAMES + ", not " + limit);
    }
    List<String> names = new ArrayList<>(Math.min(limit, 256));
    try {
      // Names sort by code point (SQLite's BINARY, PostgreSQL's "C"): those with the prefix are
      // the contiguous run from the prefix on.
      PreparedStatement p =
          prepare("SELECT name FROM cas_policies WHERE name >= ? ORDER BY name LIMIT ?");
      p.setString(1, prefix);
      p.setInt(2, limit);
      try (ResultSet r = p.executeQuery()) {
        while (r.next()) {
          String name = r.getString(1);
          if (name == null || !name.startsWith(prefix)) {
            break;
          }
          names.add(name);
        }
      }
      return names;
    } catch (SQLException e) {
      throw failure("listing policies", e);
    }
  }

  @Override
  public Optional<PolicyVersionRow> policyVersion(String name, int version) throws CasException {
    try {
      PreparedStatement p =
          prepare(
              "SELECT "
                  + POLICY_VERSION_COLUMNS
                  + " FROM cas_policy_versions WHERE name = ? AND version = ?");
      p.setString(1, name);
      p.setInt(2, version);
      try (ResultSet r = p.executeQuery()) {
        return r.next() ? Optional.of(policyVersion(r)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw failure("reading version " + version + " of policy " + name, e);
    }
  }

  @Override
  public List<PolicyVersionRow> policyVersions(String name) throws CasException {
    try {
      PreparedStatement p =
          prepare(
              "SELECT "
                  + POLICY_VERSION_COLUMNS
                  + " FROM cas_policy_versions WHERE name = ? ORDER BY version");
      p.setString(1, name);
      List<PolicyVersionRow> out = new ArrayList<>();
      try (ResultSet r = p.executeQuery()) {
        while (r.next()) {
          out.add(policyVersion(r));
        }
      }
      return out;
    } catch (SQLException e) {
      throw failure("reading the versions of policy " + name, e);
    }
  }

  private PolicyVersionRow policyVersion(ResultSet r) throws SQLException, CasException {
    String name = r.getString(1);
    int version = r.getInt(2);
    return decode(
        "cas_policy_versions",
        name + "@" + version,
        () ->
            new PolicyVersionRow(
                name,
                version,
                r.getString(3),
                Optional.ofNullable(r.getString(4)),
                instant(r.getLong(5)),
                Optional.ofNullable(r.getString(6)),
                r.getLong(7),
                r.getBytes(8)));
  }

  @Override
  public Optional<ProposalRow> proposal(String id) throws CasException {
    try {
      PreparedStatement p =
          prepare("SELECT " + PROPOSAL_COLUMNS + " FROM cas_proposals WHERE id = ?");
      p.setString(1, id);
      try (ResultSet r = p.executeQuery()) {
        return r.next() ? Optional.of(proposal(r)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw failure("reading proposal " + id, e);
    }
  }

  @Override
  public List<ProposalRow> proposals(String name) throws CasException {
    return proposalsOf(name, "", "the proposals");
  }

  @Override
  public List<ProposalRow> openProposals(String name) throws CasException {
    return proposalsOf(name, " AND state = 'OPEN'", "the open proposals");
  }

  /** The proposals of {@code name} that {@code condition} keeps, newest first. */
  private List<ProposalRow> proposalsOf(String name, String condition, String what)
      throws CasException {
    try {
      PreparedStatement p =
          prepare(
              "SELECT "
                  + PROPOSAL_COLUMNS
                  + " FROM cas_proposals WHERE name = ?"
                  + condition
                  + " ORDER BY seq DESC");
      p.setString(1, name);
      List<ProposalRow> out = new ArrayList<>();
      try (ResultSet r = p.executeQuery()) {
        while (r.next()) {
          out.add(proposal(r));
        }
      }
      return out;
    } catch (SQLException e) {
      throw failure("reading " + what + " of policy " + name, e);
    }
  }

  private ProposalRow proposal(ResultSet r) throws SQLException, CasException {
    String id = r.getString(1);
    return decode(
        "cas_proposals",
        id,
        () -> {
          long closedAt = r.getLong(9);
          Optional<Instant> closed =
              r.wasNull() ? Optional.empty() : Optional.of(instant(closedAt));
          return new ProposalRow(
              id,
              r.getString(2),
              r.getString(3),
              r.getString(4),
              r.getString(5),
              instant(r.getLong(6)),
              instant(r.getLong(7)),
              ProposalState.valueOf(r.getString(8)),
              closed,
              r.getBytes(10));
        });
  }

  @Override
  public List<BallotRow> ballots(String proposalId) throws CasException {
    try {
      PreparedStatement p =
          prepare(
              "SELECT voter, approve, at, approval, reason, ledger_index FROM cas_ballots"
                  + " WHERE proposal_id = ? ORDER BY seq");
      p.setString(1, proposalId);
      List<BallotRow> out = new ArrayList<>();
      try (ResultSet r = p.executeQuery()) {
        while (r.next()) {
          String voter = r.getString(1);
          out.add(
              decode(
                  "cas_ballots",
                  proposalId + "/" + voter,
                  () ->
                      new BallotRow(
                          proposalId,
                          voter,
                          flag(r.getInt(2)),
                          instant(r.getLong(3)),
                          Optional.ofNullable(r.getBytes(4)),
                          Optional.ofNullable(r.getString(5)),
                          r.getLong(6))));
        }
      }
      return out;
    } catch (SQLException e) {
      throw failure("reading the ballots of proposal " + proposalId, e);
    }
  }

  @Override
  public Optional<SecretRow> latestSecret(String policy, String name) throws CasException {
    try {
      // The primary key (policy, name, version) answers this with one index probe.
      PreparedStatement p =
          prepare(
              "SELECT version, kind, created_at, body FROM cas_secrets"
                  + " WHERE policy = ? AND name = ? ORDER BY version DESC LIMIT 1");
      p.setString(1, policy);
      p.setString(2, name);
      try (ResultSet r = p.executeQuery()) {
        return r.next() ? Optional.of(secret(r, policy, name)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw failure("reading secret " + name + " of policy " + policy, e);
    }
  }

  @Override
  public Optional<SecretRow> secret(String policy, String name, int version) throws CasException {
    try {
      PreparedStatement p =
          prepare(
              "SELECT version, kind, created_at, body FROM cas_secrets"
                  + " WHERE policy = ? AND name = ? AND version = ?");
      p.setString(1, policy);
      p.setString(2, name);
      p.setInt(3, version);
      try (ResultSet r = p.executeQuery()) {
        return r.next() ? Optional.of(secret(r, policy, name)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw failure("reading secret " + name + "@" + version + " of policy " + policy, e);
    }
  }

  private static SecretRow secret(ResultSet r, String policy, String name)
      throws SQLException, CasException {
    int version = r.getInt(1);
    return decode(
        "cas_secrets",
        policy + "/" + name + "@" + version,
        () ->
            new SecretRow(
                policy, name, version, r.getString(2), r.getBytes(4), instant(r.getLong(3))));
  }

  @Override
  public Optional<VolumeTagRow> volumeTag(String policy, String volume) throws CasException {
    try {
      PreparedStatement p =
          prepare(
              "SELECT generation, tag, updated_at FROM cas_volume_tags"
                  + " WHERE policy = ? AND volume = ?");
      p.setString(1, policy);
      p.setString(2, volume);
      try (ResultSet r = p.executeQuery()) {
        if (!r.next()) {
          return Optional.empty();
        }
        return Optional.of(
            decode(
                "cas_volume_tags",
                policy + "/" + volume,
                () ->
                    new VolumeTagRow(
                        policy, volume, r.getLong(1), r.getBytes(2), instant(r.getLong(3)))));
      }
    } catch (SQLException e) {
      throw failure("reading the tag of volume " + volume + " of policy " + policy, e);
    }
  }

  /** Builds a row from what the database returned. */
  @FunctionalInterface
  private interface Decoder<T> {
    T decode() throws SQLException;
  }

  /** A row, or INTERNAL naming the table and key if the stored values do not make one. */
  private static <T> T decode(String table, String key, Decoder<T> decoder)
      throws SQLException, CasException {
    try {
      return decoder.decode();
    } catch (RuntimeException e) { // a null column, an unknown state, an impossible instant
      throw new CasException(
          Type.INTERNAL, "the store holds a malformed row in " + table + " for " + key, e);
    }
  }

  private static byte[] notNull(byte[] value, String table, String key) throws CasException {
    if (value == null) {
      throw new CasException(Type.INTERNAL, "the store holds no value in " + table + " for " + key);
    }
    return value;
  }

  private static boolean flag(int value) {
    if (value != 0 && value != 1) {
      throw new IllegalArgumentException("not a flag: " + value);
    }
    return value == 1;
  }

  /** An instant as stored: epoch microseconds. */
  static long micros(Instant at) {
    return Math.addExact(Math.multiplyExact(at.getEpochSecond(), 1_000_000L), at.getNano() / 1000);
  }

  static Instant instant(long micros) {
    return Instant.ofEpochSecond(
        Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000);
  }
}
