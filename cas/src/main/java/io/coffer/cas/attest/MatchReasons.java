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
      reasons.add(of(r.code()));
      message.add(r.field() + ": " + r.claim() + " (" + of(r.code()).code() + ")");
    }
    return new AttestationRefused(reasons, message.toString(), null);
  }

  static Reason of(io.coffer.policy.matching.ReasonCode code) {
    return switch (code) {
      case SIMULATION_NOT_TOLERATED -> Reason.SIMULATION_NOT_TOLERATED;
      case DEBUG_NOT_TOLERATED -> Reason.DEBUG_NOT_TOLERATED;
      case TCB_STATUS_NOT_TOLERATED -> Reason.TCB_STATUS_NOT_TOLERATED;
      case TCB_STATUS_UNKNOWN -> Reason.TCB_STATUS_UNKNOWN;
      case ADVISORY_NOT_IGNORED -> Reason.ADVISORY_NOT_IGNORED;
      case NO_ALTERNATIVE_FOR_PLATFORM -> Reason.NO_ALTERNATIVE_FOR_PLATFORM;
      case CLAIM_MISMATCH,
          CLAIM_BELOW_MINIMUM,
          CLAIM_ABOVE_MAXIMUM,
          CLAIM_MISSING,
          CLAIM_MALFORMED ->
          Reason.WRONG_MEASUREMENT;
    };
  }
}
