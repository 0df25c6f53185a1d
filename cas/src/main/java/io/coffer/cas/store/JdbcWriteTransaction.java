package io.coffer.cas.store;

import io.coffer.cas.service.CasException;
import io.coffer.cas.service.CasException.Type;
import io.coffer.cas.service.ProposalState;
import io.coffer.ledger.log.LedgerOptions;
import io.coffer.ledger.store.SqlStatements;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The writes of one operation in a batch of the {@link JdbcCasStore}'s writer, and the ledger
 * entries it appends. Inserts use {@code ON CONFLICT DO NOTHING} and updates a {@code WHERE} on the
 * expected value, so that a refused write is an answer (an update count of 0), not a database
 * error.
 *
 * <p>A database failure is recorded here as well as thrown: the writer then fails the whole batch,
 * even if the operation caught the exception.
 */
final class JdbcWriteTransaction extends JdbcReadTransaction implements WriteTransaction {

  private final long firstIndex;
  private final List<byte[]> entries = new ArrayList<>(2);
  private SQLException storeFailure;

  /**
   * @param firstIndex the ledger index this operation's first entry gets if the batch commits
   */
  JdbcWriteTransaction(SqlStatements statements, CasDialect dialect, long firstIndex) {
    super(statements, dialect);
    this.firstIndex = firstIndex;
  }

  @Override
  CasException failure(String what, SQLException e) {
    if (storeFailure == null) {
      storeFailure = e;
    }
    return super.failure(what, e);
  }

  /** The first database failure during the operation, if any. */
  Optional<SQLException> storeFailure() {
    return Optional.ofNullable(storeFailure);
  }

  /** The ledger entries the operation appended, in order. */
  List<byte[]> entries() {
    return entries;
  }

  @Override
  public void putMeta(String key, byte[] value) throws CasException {
    try {
      PreparedStatement p =
          prepare(
              "INSERT INTO cas_meta (k, v) VALUES (?, ?) ON CONFLICT (k) DO UPDATE SET v ="
                  + " excluded.v");
      p.setString(1, key);
      p.setBytes(2, value.clone());
      p.executeUpdate();
    } catch (SQLException e) {
      throw failure("writing metadata " + key, e);
    }
  }

  @Override
  public void insertPolicy(PolicyRow policy) throws CasException {
    try {
      PreparedStatement p =
          prepare(
              "INSERT INTO cas_policies (name, creator, created_at, current_version, current_hash)"
                  + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (name) DO NOTHING");
      p.setString(1, policy.name());
      p.setString(2, policy.creator());
      p.setLong(3, micros(policy.createdAt()));
      p.setInt(4, policy.currentVersion());
      p.setString(5, policy.currentHash());
      if (p.executeUpdate() != 1) {
        throw new CasException(
            Type.ALREADY_EXISTS, "a policy named " + policy.name() + " exists already");
      }
    } catch (SQLException e) {
      throw failure("inserting policy " + policy.name(), e);
    }
  }

  @Override
  public void advancePolicy(String name, int expectedVersion, int newVersion, String newHash)
      throws CasException {
    try {
      PreparedStatement p =
          prepare(
              "UPDATE cas_policies SET current_version = ?, current_hash = ?"
                  + " WHERE name = ? AND current_version = ?");
      p.setInt(1, newVersion);
      p.setString(2, newHash);
      p.setString(3, name);
      p.setInt(4, expectedVersion);
      if (p.executeUpdate() == 1) {
        return;
      }
    } catch (SQLException e) {
      throw failure("advancing policy " + name, e);
    }
    Optional<PolicyRow> current = policy(name);
    if (current.isEmpty()) {
      throw new CasException(Type.NOT_FOUND, "no policy named " + name);
    }
    throw new CasException(
        Type.STALE_PREDECESSOR,
        "policy "
            + name
            + " is at version "
            + current.get().currentVersion()
            + ", not "
            + expectedVersion);
  }

  @Override
  public void insertPolicyVersion(PolicyVersionRow version) throws CasException {
    String key = version.name() + "@" + version.version();
    try {
      PreparedStatement p =
          prepare(
              "INSERT INTO cas_policy_versions (name, version, hash, predecessor, activated_at,"
                  + " proposal, ledger_index, body) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
                  + " ON CONFLICT (name, version) DO NOTHING");
      p.setString(1, version.name());
      p.setInt(2, version.version());
      p.setString(3, version.hash());
      setText(p, 4, version.predecessor());
      p.setLong(5, micros(version.activatedAt()));
      setText(p, 6, version.proposal());
      p.setLong(7, version.ledgerIndex());
      p.setBytes(8, version.body());
      if (p.executeUpdate() != 1) {
        throw new CasException(Type.INTERNAL, "policy version " + key + " is stored already");
      }
    } catch (SQLException e) {
      throw failure("inserting policy version " + key, e);
    }
  }

  @Override
  public void insertProposal(ProposalRow proposal) throws CasException {
    try {
      PreparedStatement p =
          prepare(
              "INSERT INTO cas_proposals (id, seq, name, hash, predecessor, proposer, created_at,"
                  + " expires_at, state, closed_at, body) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                  + " ON CONFLICT (id) DO NOTHING");
      p.setString(1, proposal.id());
      p.setLong(2, nextSeq("cas_proposals"));
      p.setString(3, proposal.name());
      p.setString(4, proposal.hash());
      p.setString(5, proposal.predecessor());
      p.setString(6, proposal.proposer());
      p.setLong(7, micros(proposal.createdAt()));
      p.setLong(8, micros(proposal.expiresAt()));
      p.setString(9, proposal.state().name());
      setInstant(p, 10, proposal.closedAt());
      p.setBytes(11, proposal.body());
      if (p.executeUpdate() != 1) {
        throw new CasException(Type.INTERNAL, "proposal " + proposal.id() + " is stored already");
      }
    } catch (SQLException e) {
      throw failure("inserting proposal " + proposal.id(), e);
    }
  }

  @Override
  public void closeProposal(String id, ProposalState newState, Instant at) throws CasException {
    if (newState == ProposalState.OPEN) {
      throw new CasException(Type.INTERNAL, "a proposal is closed into a state other than OPEN");
    }
    try {
      PreparedStatement p =
          prepare("UPDATE cas_proposals SET state = ?, closed_at = ? WHERE id = ? AND state = ?");
      p.setString(1, newState.name());
      p.setLong(2, micros(at));
      p.setString(3, id);
      p.setString(4, ProposalState.OPEN.name());
      if (p.executeUpdate() == 1) {
        return;
      }
    } catch (SQLException e) {
      throw failure("closing proposal " + id, e);
    }
    Optional<ProposalRow> current = proposal(id);
    if (current.isEmpty()) {
      throw new CasException(Type.NOT_FOUND, "no proposal " + id);
    }
    throw new CasException(
        Type.PROPOSAL_CLOSED,
        "proposal "
            + id
            + " is "
            + current.get().state().name().toLowerCase(java.util.Locale.ROOT));
  }

  @Override
  public void insertBallot(BallotRow ballot) throws CasException {
    String key = ballot.proposalId() + "/" + ballot.voter();
    try {
      PreparedStatement p =
          prepare(
              "INSERT INTO cas_ballots (proposal_id, voter, seq, approve, at, approval, reason,"
                  + " ledger_index) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
                  + " ON CONFLICT (proposal_id, voter) DO NOTHING");
      p.setString(1, ballot.proposalId());
      p.setString(2, ballot.voter());
      p.setLong(3, nextSeq("cas_ballots"));
      p.setInt(4, ballot.approve() ? 1 : 0);
      p.setLong(5, micros(ballot.at()));
      Optional<byte[]> approval = ballot.approval();
      if (approval.isPresent()) {
        p.setBytes(6, approval.get());
      } else {
        p.setNull(6, Types.BINARY);
      }
      setText(p, 7, ballot.reason());
      p.setLong(8, ballot.ledgerIndex());
      if (p.executeUpdate() != 1) {
        throw new CasException(
            Type.ALREADY_EXISTS,
            ballot.voter() + " has voted on proposal " + ballot.proposalId() + " already");
      }
    } catch (SQLException e) {
      throw failure("inserting ballot " + key, e);
    }
  }

  @Override
  public void insertSecret(SecretRow row) throws CasException {
    String key = row.policy() + "/" + row.name() + "@" + row.version();
    try {
      PreparedStatement p =
          prepare(
              "INSERT INTO cas_secrets (policy, name, version, kind, created_at, body)"
                  + " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (policy, name, version) DO NOTHING");
      p.setString(1, row.policy());
      p.setString(2, row.name());
      p.setInt(3, row.version());
      p.setString(4, row.kind());
      p.setLong(5, micros(row.createdAt()));
      p.setBytes(6, row.body());
      if (p.executeUpdate() != 1) {
        throw new CasException(Type.ALREADY_EXISTS, "secret " + key + " is stored already");
      }
    } catch (SQLException e) {
      throw failure("inserting secret " + key, e);
    }
  }

  @Override
  public void setVolumeTag(
      String policy, String volume, long expectedGeneration, byte[] tag, Instant at)
      throws CasException {
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(volume, "volume");
    byte[] value = tag.clone();
    long updatedAt = micros(at);
    if (expectedGeneration < 0 || expectedGeneration == Long.MAX_VALUE) {
      throw staleTag(policy, volume, expectedGeneration);
    }
    try {
      PreparedStatement p;
      if (expectedGeneration == 0) {
        p =
            prepare(
                "INSERT INTO cas_volume_tags (policy, volume, generation, tag, updated_at)"
                    + " VALUES (?, ?, 1, ?, ?) ON CONFLICT (policy, volume) DO NOTHING");
        p.setString(1, policy);
        p.setString(2, volume);
        p.setBytes(3, value);
        p.setLong(4, updatedAt);
      } else {
        p =
            prepare(
                "UPDATE cas_volume_tags SET generation = ?, tag = ?, updated_at = ?"
                    + " WHERE policy = ? AND volume = ? AND generation = ?");
        p.setLong(1, expectedGeneration + 1);
        p.setBytes(2, value);
        p.setLong(3, updatedAt);
        p.setString(4, policy);
        p.setString(5, volume);
        p.setLong(6, expectedGeneration);
      }
      if (p.executeUpdate() == 1) {
        return;
      }
    } catch (SQLException e) {
      throw failure("setting the tag of volume " + volume + " of policy " + policy, e);
    }
    throw staleTag(policy, volume, expectedGeneration);
  }

  /** STALE_TAG, saying which generation is current: one more read, on the refusal path only. */
  private CasException staleTag(String policy, String volume, long expectedGeneration)
      throws CasException {
    Optional<VolumeTagRow> current = volumeTag(policy, volume);
    return new CasException(
        Type.STALE_TAG,
        "volume "
            + volume
            + " of policy "
            + policy
            + (current.isEmpty()
                ? " has no tag"
                : " is at generation " + current.get().generation())
            + ", not "
            + expectedGeneration);
  }

  @Override
  public void useNonce(String nonceId, Instant expiresAt) throws CasException {
    requireNonceId(nonceId);
    try {
      // One statement, prepared once per connection: this runs for every attestation.
      PreparedStatement p =
          prepare(
              "INSERT INTO cas_used_nonces (nonce_id, expires_at) VALUES (?, ?)"
                  + " ON CONFLICT (nonce_id) DO NOTHING");
      p.setString(1, nonceId);
      p.setLong(2, micros(expiresAt));
      if (p.executeUpdate() != 1) {
        throw new CasException(Type.ALREADY_EXISTS, "nonce " + nonceId + " was used already");
      }
    } catch (SQLException e) {
      throw failure("recording the use of nonce " + nonceId, e);
    }
  }

  /** A nonce id is a non-empty string; the store checks nothing else of it. */
  static void requireNonceId(String nonceId) {
    if (nonceId.isEmpty()) {
      throw new IllegalArgumentException("a nonce id is not empty");
    }
  }

  @Override
  public int purgeNonces(Instant expiredBefore) throws CasException {
    try {
      PreparedStatement p = prepare("DELETE FROM cas_used_nonces WHERE expires_at < ?");
      p.setLong(1, micros(expiredBefore));
      return p.executeUpdate();
    } catch (SQLException e) {
      throw failure("purging expired nonces", e);
    }
  }

  @Override
  public long appendEvent(byte[] entry) throws CasException {
    if (entry.length > LedgerOptions.MAX_TILES_ENTRY_BYTES) {
      throw new CasException(
          Type.INTERNAL,
          "a ledger entry of "
              + entry.length
              + " bytes; the ledger takes up to "
              + LedgerOptions.MAX_TILES_ENTRY_BYTES);
    }
    entries.add(entry.clone());
    return firstIndex + entries.size() - 1;
  }

  /** The next insertion order of {@code table}; writers are serialised, so it is unique. */
  private long nextSeq(String table) throws SQLException {
    try (ResultSet r = prepare("SELECT COALESCE(MAX(seq), 0) + 1 FROM " + table).executeQuery()) {
      r.next();
      return r.getLong(1);
    }
  }

  private static void setText(PreparedStatement p, int index, Optional<String> value)
      throws SQLException {
    if (value.isPresent()) {
      p.setString(index, value.get());
    } else {
      p.setNull(index, Types.VARCHAR);
    }
  }

  private static void setInstant(PreparedStatement p, int index, Optional<Instant> value)
      throws SQLException {
    if (value.isPresent()) {
      p.setLong(index, micros(value.get()));
    } else {
      p.setNull(index, Types.BIGINT);
    }
  }
}
