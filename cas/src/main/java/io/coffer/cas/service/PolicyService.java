package io.coffer.cas.service;

import io.coffer.policy.governance.Approval;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Policies and their governance.
 *
 * <p>Every change is one transaction together with its ledger event ({@code policy.created}, {@code
 * policy.proposed}, {@code policy.approved}, {@code policy.rejected}, {@code policy.activated});
 * every refusal of an authenticated caller for want of rights is an {@code access.denied} event.
 * Names and hashes only, never a secret value.
 *
 * <p>Who may do what:
 *
 * <ul>
 *   <li>create: the {@code create} rule of the nearest existing ancestor policy of the name
 *       (evaluated with the caller's identities plus the given approvals of the creation); any
 *       authenticated caller when the name has no existing ancestor. The caller becomes the
 *       creator.
 *   <li>read, history, proposals: the current version's {@code read} rule, satisfied by the
 *       caller's identities.
 *   <li>propose: the caller must satisfy the {@code read} rule or be named by the {@code update}
 *       rule; the proposal must name the current version's hash as predecessor.
 *   <li>approve: a signature over the approval message of exactly this change, by an identity the
 *       current {@code update} rule counts. The proposal activates the moment the current update
 *       rule is satisfied by its approvals (evaluated with {@code
 *       io.coffer.policy.governance.Governance}); every other open proposal for the same
 *       predecessor becomes {@link ProposalState#SUPERSEDED}.
 *   <li>reject: an identity the current update rule counts; the proposal closes.
 *   <li>withdraw: the proposer only.
 * </ul>
 */
public interface PolicyService {

  /** The longest a proposal stays open, and the default when none is asked for. */
  Duration MAX_PROPOSAL_LIFETIME = Duration.ofDays(30);

  /** Creates a policy from its YAML text; returns its first version. */
  PolicyVersion create(Caller caller, byte[] policyYaml, List<Approval> approvals)
      throws CasException;

  /** Reads the current version, or the given one. */
  PolicyView read(Caller caller, String name, Optional<Integer> version) throws CasException;

  /** The names of the policies the caller may read, in name order, under an optional prefix. */
  List<String> list(Caller caller, Optional<String> namePrefix) throws CasException;

  /** Every version of a policy, oldest first. */
  List<PolicyVersion> history(Caller caller, String name) throws CasException;

  /**
   * Proposes a new version (YAML text whose {@code predecessor} is the current hash), optionally
   * with approvals already collected.
   */
  Proposal propose(
      Caller caller, byte[] policyYaml, List<Approval> approvals, Optional<Duration> lifetime)
      throws CasException;

  /** Adds an approval; returns the proposal afterwards (possibly {@code ACTIVATED}). */
  Proposal approve(Caller caller, String proposalId, Approval approval) throws CasException;

  /** Rejects a proposal; it never activates. */
  Proposal reject(Caller caller, String proposalId, Optional<String> reason) throws CasException;

  /** Withdraws a proposal; it never activates. */
  Proposal withdraw(Caller caller, String proposalId) throws CasException;

  /** One proposal. */
  Proposal proposal(Caller caller, String proposalId) throws CasException;

  /** The proposals of a policy, newest first; only open ones when asked. */
  List<Proposal> proposals(Caller caller, String name, boolean openOnly) throws CasException;

  /** The text of a proposal's version (secret values replaced by their hashes), for reviewers. */
  String proposalText(Caller caller, String proposalId) throws CasException;
}
