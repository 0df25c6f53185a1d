package io.coffer.policy.governance;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The outcome of {@link Governance#evaluate}: whether the rule is satisfied, whose approvals
 * verified, which approvals were ignored and why, and an explanation for people.
 *
 * @param satisfied whether the rule is satisfied by the verified approvals
 * @param approvedBy the identities whose approvals verified, in the order given; only identities
 *     the rule could count (all, when it contains {@code ANY}) are verified at all
 * @param ignored the approvals that did not count, in the order given
 * @param explanation what satisfied the rule, or what is missing, and what was ignored
 */
public record Evaluation(
    boolean satisfied, Set<Identity> approvedBy, List<Ignored> ignored, String explanation) {

  public Evaluation {
    approvedBy = Collections.unmodifiableSet(new LinkedHashSet<>(approvedBy));
    ignored = List.copyOf(ignored);
    Objects.requireNonNull(explanation, "explanation");
  }

  /** Why an approval did not count. */
  public enum Why {
    /** Its identity appears nowhere in the rule (nor as {@code CREATOR}), and there is no ANY. */
    NOT_NAMED_BY_RULE,
    /** An earlier approval of the same identity already verified. */
    DUPLICATE,
    /** Its signature does not verify for the message. */
    INVALID_SIGNATURE
  }

  /**
   * An approval that did not count.
   *
   * @param index its position in the list given to {@link Governance#evaluate}, from 0
   * @param identity the identity it claims
   * @param why why it did not count
   */
  public record Ignored(int index, Identity identity, Why why) {
    public Ignored {
      Objects.requireNonNull(identity, "identity");
      Objects.requireNonNull(why, "why");
    }

    @Override
    public String toString() {
      String text =
          switch (why) {
            case NOT_NAMED_BY_RULE -> "not named by the rule";
            case DUPLICATE -> "duplicate";
            case INVALID_SIGNATURE -> "invalid signature";
          };
      return "approval " + index + " by " + identity.shortForm() + " (" + text + ")";
    }
  }
}
