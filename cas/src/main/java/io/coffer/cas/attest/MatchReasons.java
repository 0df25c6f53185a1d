package io.coffer.cas.attest;

import io.coffer.cas.events.AttestationFailed.Reason;
import io.coffer.policy.matching.MatchResult;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * Turns the policy library's match reasons into the refusal a workload sees. The message names the
 * policy field and the claim of each reason, never the values the policy expects: an anonymous
 * caller must not learn a policy's contents from its refusals.
 */
final class MatchReasons {

  private MatchReasons() {}

  static AttestationRefused refusal(MatchResult.Rejected rejected) {
    List<Reason> reasons = new ArrayList<>();
    StringJoiner message = new StringJoiner("; ", "the evidence does not satisfy the policy: ", "");
    for (io.coffer.policy.matching.Reason r : rejected.reasons()) {
      reasons.add(Reason.of(r.code()));
      message.add(r.field() + ": " + r.claim() + " (" + Reason.of(r.code()).code() + ")");
    }
    return new AttestationRefused(reasons, message.toString(), null);
  }
}
