package io.coffer.cas.store;

import io.coffer.cas.service.CasException;
import java.util.List;
import java.util.Optional;

/**
 * Reads of the CAS's rows. Confidential columns are ciphertexts of the barrier: the caller opens
 * them with the {@link io.coffer.cas.seal.RowId} the row's table, key and version name.
 */
public interface ReadTransaction {

  /** A value of the store's metadata (wrapped data key, sealed identity keys, ...). */
  Optional<byte[]> meta(String key) throws CasException;

  /** The policy of that name. */
  Optional<PolicyRow> policy(String name) throws CasException;

  /** Names of every policy whose name starts with {@code prefix} (may be empty), in name order. */
  List<String> policyNames(String prefix, int limit) throws CasException;

  /** One version of a policy. */
  Optional<PolicyVersionRow> policyVersion(String name, int version) throws CasException;

  /** Every version of a policy, oldest first. */
  List<PolicyVersionRow> policyVersions(String name) throws CasException;

  /** One proposal. */
  Optional<ProposalRow> proposal(String id) throws CasException;

  /** The proposals of a policy, newest first. */
  List<ProposalRow> proposals(String name) throws CasException;

  /**
   * The proposals of a policy still {@code OPEN}, newest first: what an activation closes, without
   * reading the policy's whole history.
   */
  List<ProposalRow> openProposals(String name) throws CasException;

  /** The ballots of a proposal, in the order recorded. */
  List<BallotRow> ballots(String proposalId) throws CasException;

  /** The value of a policy's secret made for the highest policy version that made one. */
  Optional<SecretRow> latestSecret(String policy, String name) throws CasException;

  /** The value of a policy's secret made for exactly {@code version}. */
  Optional<SecretRow> secret(String policy, String name, int version) throws CasException;

  /** The current tag of a policy's volume; empty before its first writer set one. */
  Optional<VolumeTagRow> volumeTag(String policy, String volume) throws CasException;
}
