package io.coffer.cas.store;

import io.coffer.cas.service.CasException;
import io.coffer.cas.service.ProposalState;
import java.time.Instant;

/**
 * Reads and writes of one write operation, and its ledger entries. Every write that would overwrite
 * a row fails with {@code CasException.Type.INTERNAL}, except the compare-and-set updates named so.
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
   * Appends a ledger entry in this transaction; returns its index. The index is final once the
   * operation's transaction commits.
   */
  long appendEvent(byte[] entry) throws CasException;
}
