package io.coffer.cas.governance;

import io.coffer.cas.service.Ballot;
import io.coffer.cas.service.CasException;
import io.coffer.cas.store.BallotRow;
import io.coffer.cas.store.ReadTransaction;
import io.coffer.policy.governance.Approval;
import io.coffer.policy.governance.ApprovalMessage;
import io.coffer.policy.governance.Evaluation;
import io.coffer.policy.governance.Governance;
import io.coffer.policy.governance.GovernanceException;
import io.coffer.policy.governance.SignatureCache;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A proposal's ballots as the store returns them, and the update rule's evaluation over them. The
 * store is untrusted: stored approvals are parsed and their signatures verified again at every
 * evaluation, so an approval row added, altered or moved by the store counts only if it is a valid
 * signature over this exact change by an identity the rule counts.
 */
final class Ballots {

  /** The most ballots a proposal takes (as many approvals as one evaluation accepts). */
  static final int MAX_BALLOTS = Governance.MAX_APPROVALS;

  private Ballots() {}

  /** The approvals among a proposal's ballots; unparsable ones are left out. */
  static List<Approval> approvals(List<BallotRow> rows) {
    List<Approval> out = new ArrayList<>();
    for (BallotRow row : rows) {
      Optional<byte[]> json = row.approval();
      if (row.approve() && json.isPresent()) {
        try {
          out.add(Approval.parse(json.get()));
        } catch (GovernanceException e) {
          // Not an approval: it cannot count, and evaluating the rest is what matters.
        }
      }
    }
    return out;
  }

  /** The update rule of {@code current} over the proposal's approvals. */
  static Evaluation evaluate(
      ReadTransaction tx,
      String proposalId,
      Current current,
      ApprovalMessage message,
      SignatureCache signatures)
      throws CasException {
    List<Approval> approvals = approvals(tx.ballots(proposalId));
    try {
      return Governance.evaluate(
          current.policy().access().update(), approvals, current.creator(), message, signatures);
    } catch (GovernanceException e) {
      throw StoredPolicies.corrupt("proposal " + proposalId + " has too many ballots");
    }
  }

  /** The ballots for people. */
  static List<Ballot> views(List<BallotRow> rows) throws CasException {
    List<Ballot> out = new ArrayList<>(rows.size());
    for (BallotRow row : rows) {
      out.add(
          new Ballot(
              StoredPolicies.identity(row.voter(), "voter"),
              row.approve(),
              row.at(),
              row.reason()));
    }
    return out;
  }
}
