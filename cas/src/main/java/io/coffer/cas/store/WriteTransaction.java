package io.coffer.cas.store;

import io.coffer.cas.service.CasException;
import io.coffer.cas.service.ProposalState;
import java.time.Instant;

/**
 * Reads and writes of one write operation, and its ledger entries. Every write that would overwrite
 * a row fails, with {@code CasException.Type.INTERNAL} unless its method names another type, except
 * the compare-and-set updates named so.
 */
public interface WriteTransaction extends ReadTransaction {

  /** Sets a metadata value, replacing any. */
  void putMeta(String key, byte[] value) throws CasException;

  /** Inserts a new policy; {@code ALREADY_EXISTS} if the name is taken. */
  void insertPolicy(PolicyRow policy) throws CasException;

  /**
   * Moves a policy's current version from {@code expectedVersion} to {@code newVersion} with {@code
   * newHash}; {@code STALE_PREDECESSOR} if the current version is not {@code expectedVersion}.
   */
  void advancePolicy(String name, int expectedVersion, int newVersion, String newHash)
      throws CasException;

  /** Inserts a policy version. */
  void insertPolicyVersion(PolicyVersionRow version) throws CasException;

  /** Inserts a proposal. */
  void insertProposal(ProposalRow proposal) throws CasException;

  /**
   * Closes a proposal: moves it from {@code OPEN} to {@code newState} at {@code at}; {@code
   * PROPOSAL_CLOSED} if it is no longer open.
   */
  void closeProposal(String id, ProposalState newState, Instant at) throws CasException;

  /** Inserts a ballot; {@code ALREADY_EXISTS} if that voter voted on that proposal. */
  void insertBallot(BallotRow ballot) throws CasException;

  /**
   * Inserts a secret's value for one policy version; {@code ALREADY_EXISTS} if that policy, name
   * and version has one (a value is never overwritten).
   */
  void insertSecret(SecretRow row) throws CasException;

  /**
   * Compare-and-set of a volume's tag. With {@code expectedGeneration == 0}: stores {@code tag} as
   * generation 1 if the volume has no tag. Otherwise: replaces the tag by {@code tag} as generation
   * {@code expectedGeneration + 1} if the current generation is {@code expectedGeneration}. In
   * every other case (a tag exists where none was expected, none exists, another generation is
   * current, a negative expectation) it changes nothing and throws {@code STALE_TAG}: a stale or
   * concurrent writer.
   */
  void setVolumeTag(String policy, String volume, long expectedGeneration, byte[] tag, Instant at)
      throws CasException;

  /**
   * Records a challenge nonce as used, until {@code expiresAt} (the nonce's own expiry); {@code
   * ALREADY_EXISTS} if it was used before: a replay. One statement on a JDBC store.
   */
  void useNonce(String nonceId, Instant expiresAt) throws CasException;

  /**
   * Forgets the used nonces whose expiry is before {@code expiredBefore}; returns how many. Safe
   * only because an expired nonce is refused for its expiry before its use is looked up: a caller
   * purges with an instant no later than the earliest time it would still accept a nonce.
   */
  int purgeNonces(Instant expiredBefore) throws CasException;

  /**
   * Appends a ledger entry in this transaction; returns its index. The index is final once the
   * operation's transaction commits.
   */
  long appendEvent(byte[] entry) throws CasException;
}
