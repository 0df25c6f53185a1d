package io.coffer.cas.governance;

import io.coffer.cas.events.EventCodec;
import io.coffer.cas.events.PolicyActivated;
import io.coffer.cas.events.PolicySuperseded;
import io.coffer.cas.service.CasException;
import io.coffer.cas.service.ProposalState;
import io.coffer.cas.store.PolicyVersionRow;
import io.coffer.cas.store.ProposalRow;
import io.coffer.cas.store.WriteTransaction;
import io.coffer.policy.governance.ApprovalMessage;
import io.coffer.policy.governance.Evaluation;
import io.coffer.policy.governance.SignatureCache;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Activates a proposal the moment the current version's update rule is satisfied by its approvals:
 * the policy moves to the new version by compare-and-set, the version row is written, the proposal
 * closes {@code ACTIVATED}, and every other open proposal of the policy closes ({@code SUPERSEDED},
 * or {@code EXPIRED} if past its expiry), each with its event, all in the caller's write.
 */
final class Activation {

  private Activation() {}

  /** Activates {@code row} if its approvals satisfy the update rule of {@code current}. */
  static void attempt(
      WriteTransaction tx,
      StoredPolicies stored,
      SignatureCache signatures,
      Current current,
      ProposalRow row,
      ParsedPolicy proposed,
      ApprovalMessage message,
      Instant now)
      throws CasException {
    Evaluation evaluation = Ballots.evaluate(tx, row.id(), current, message, signatures);
    if (!evaluation.satisfied()) {
      return;
    }
    String name = row.name();
    int version = current.row().currentVersion() + 1;
    tx.advancePolicy(name, current.row().currentVersion(), version, row.hash());
    long index =
        tx.appendEvent(
            EventCodec.encode(
                new PolicyActivated(
                    now,
                    name,
                    row.id(),
                    row.hash(),
                    row.predecessor(),
                    version,
                    List.copyOf(evaluation.approvedBy()))));
    tx.insertPolicyVersion(
        new PolicyVersionRow(
            name,
            version,
            row.hash(),
            Optional.of(row.predecessor()),
            now,
            Optional.of(row.id()),
            index,
            stored.seal(StoredPolicies.versionRow(name, version), proposed)));
    tx.closeProposal(row.id(), ProposalState.ACTIVATED, now);
    // The store may hide an open proposal from this list: it stays open, and can never activate,
    // because its predecessor is no longer the current version.
    for (ProposalRow other : tx.openProposals(name)) {
      if (!other.name().equals(name)) {
        throw StoredPolicies.corrupt("the store listed a proposal of another policy");
      }
      if (other.state() != ProposalState.OPEN || other.id().equals(row.id())) {
        continue;
      }
      if (now.isAfter(other.expiresAt())) {
        Proposals.expire(tx, other, now);
      } else {
        tx.closeProposal(other.id(), ProposalState.SUPERSEDED, now);
        tx.appendEvent(
            EventCodec.encode(new PolicySuperseded(now, name, other.id(), other.hash(), row.id())));
      }
    }
  }
}
