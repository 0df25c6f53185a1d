package io.coffer.policy.matching;

import java.util.List;

/** The outcome of matching verified claims with a service's identity and a policy's security. */
public sealed interface MatchResult permits MatchResult.Admitted, MatchResult.Rejected {

  /** Every reason the claims were not admitted; empty when they were. */
  List<Reason> reasons();

  /**
   * The claims are admitted.
   *
   * @param alternative the index of the first identity alternative they match
   */
  record Admitted(int alternative) implements MatchResult {
    public Admitted {
      if (alternative < 0) {
        throw new IllegalArgumentException("alternative index " + alternative);
      }
    }

    @Override
    public List<Reason> reasons() {
      return List.of();
    }
  }

  /**
   * The claims are not admitted.
   *
   * @param reasons every reason, at least one: the security section's first, then the identity's
   */
  record Rejected(List<Reason> reasons) implements MatchResult {
    public Rejected {
      reasons = List.copyOf(reasons);
      if (reasons.isEmpty()) {
        throw new IllegalArgumentException("a rejection has at least one reason");
      }
    }
  }
}
