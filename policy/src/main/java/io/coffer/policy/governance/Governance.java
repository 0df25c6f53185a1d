package io.coffer.policy.governance;

import io.coffer.policy.governance.GovernanceException.Reason;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Decides whether approvals satisfy a rule (issue 5, "Governance"): each approval is a signature
 * over the same {@link ApprovalMessage}; a rule is satisfied by the identities whose signatures
 * verify.
 *
 * <p>Security guarantees: an approval counts only if its signature verifies for exactly this
 * message; each identity counts once however often it approves (a later valid approval of an
 * identity still counts after an earlier invalid one, so a forged approval cannot block a real
 * one); approvals of identities the rule cannot count are not verified and never count. Stateless
 * and free of I/O: safe to call from any thread.
 *
 * <p>Not protected against: choosing the wrong rule. An update must be evaluated against the {@code
 * update} rule of the <em>current</em> version (and its creator), never the proposed one; that is
 * the caller's duty.
 */
public final class Governance {

  /** The most approvals one evaluation accepts. */
  public static final int MAX_APPROVALS = 256;

  private Governance() {}

  /**
   * Evaluates {@code rule} against {@code approvals} of {@code message}, with {@code creator} as
   * the identity {@code CREATOR} stands for.
   *
   * @throws GovernanceException {@code TOO_MANY_APPROVALS} for more than {@value #MAX_APPROVALS}
   *     approvals
   */
  public static Evaluation evaluate(
      Rule rule, List<Approval> approvals, Identity creator, ApprovalMessage message)
      throws GovernanceException {
    return evaluate(rule, approvals, creator, message, SignatureCache.none());
  }

  /**
   * As {@link #evaluate(Rule, List, Identity, ApprovalMessage)}, skipping the verification of
   * signatures {@code cache} remembers as valid for exactly this message.
   */
  public static Evaluation evaluate(
      Rule rule,
      List<Approval> approvals,
      Identity creator,
      ApprovalMessage message,
      SignatureCache cache)
      throws GovernanceException {
    Objects.requireNonNull(cache, "cache");
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(approvals, "approvals");
    Objects.requireNonNull(creator, "creator");
    Objects.requireNonNull(message, "message");
    if (approvals.size() > MAX_APPROVALS) {
      throw new GovernanceException(
          Reason.TOO_MANY_APPROVALS,
          approvals.size() + " approvals: more than " + MAX_APPROVALS + " in one evaluation");
    }
    Set<Identity> counted = new HashSet<>();
    boolean anyCounts = collect(rule, creator, counted);
    Set<Identity> approvedBy = new LinkedHashSet<>();
    List<Evaluation.Ignored> ignored = new ArrayList<>();
    for (int i = 0; i < approvals.size(); i++) {
      Approval approval = Objects.requireNonNull(approvals.get(i), "approval");
      Identity identity = approval.identity();
      if (approvedBy.contains(identity)) {
        ignored.add(new Evaluation.Ignored(i, identity, Evaluation.Why.DUPLICATE));
      } else if (!anyCounts && !counted.contains(identity)) {
        ignored.add(new Evaluation.Ignored(i, identity, Evaluation.Why.NOT_NAMED_BY_RULE));
      } else {
        try {
          approvedBy.add(approval.verify(message, cache));
        } catch (GovernanceException e) {
          ignored.add(new Evaluation.Ignored(i, identity, Evaluation.Why.INVALID_SIGNATURE));
        }
      }
    }
    Predicate<Rule> satisfied = r -> satisfies(r, approvedBy, creator);
    boolean ok = satisfied.test(rule);
    return new Evaluation(
        ok, approvedBy, ignored, explain(rule, ok, approvedBy, ignored, satisfied, creator));
  }

  /**
   * Whether {@code rule} holds for a party that already proved {@code identities} by other means
   * than approvals of a message (a CAS deciding a read or a creation for a caller authenticated by
   * its TLS client certificate), with {@code creator} as the identity {@code CREATOR} stands for.
   * The rule is read exactly as {@link #evaluate} reads it, with {@code identities} in place of the
   * verified approvers: {@code ANY} needs at least one identity, {@code NONE} none satisfy.
   *
   * <p>Security: the identities must have been authenticated by the caller of this method; nothing
   * is verified here.
   */
  public static boolean satisfiedBy(Rule rule, Set<Identity> identities, Identity creator) {
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(identities, "identities");
    Objects.requireNonNull(creator, "creator");
    return satisfies(rule, Set.copyOf(identities), creator);
  }

  /**
   * Whether an approval by {@code identity} could count towards {@code rule}: the rule names it (or
   * names {@code CREATOR} and it is {@code creator}), or the rule contains {@code ANY}. Exactly the
   * approvals {@link #evaluate} does not ignore as {@link Evaluation.Why#NOT_NAMED_BY_RULE}.
   */
  public static boolean counts(Rule rule, Identity identity, Identity creator) {
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(identity, "identity");
    Objects.requireNonNull(creator, "creator");
    Set<Identity> named = new HashSet<>();
    return collect(rule, creator, named) || named.contains(identity);
  }

  /**
   * Adds the identities {@code rule} names (and the creator, for {@code CREATOR}) to {@code into};
   * returns whether the rule contains {@code ANY}.
   */
  private static boolean collect(Rule rule, Identity creator, Set<Identity> into) {
    return switch (rule) {
      case Rule.IdentityRule i -> {
        into.add(i.identity());
        yield false;
      }
      case Rule.Creator c -> {
        into.add(creator);
        yield false;
      }
      case Rule.Any a -> true;
      case Rule.None n -> false;
      case Rule.RequireAll all -> collectAll(all.rules(), creator, into);
      case Rule.RequireAtLeast some -> collectAll(some.rules(), creator, into);
    };
  }

  private static boolean collectAll(List<Rule> rules, Identity creator, Set<Identity> into) {
    boolean any = false;
    for (Rule r : rules) {
      any |= collect(r, creator, into);
    }
    return any;
  }

  /** Whether {@code rule} holds when exactly {@code approvedBy} approved. */
  private static boolean satisfies(Rule rule, Set<Identity> approvedBy, Identity creator) {
    return switch (rule) {
      case Rule.IdentityRule i -> approvedBy.contains(i.identity());
      case Rule.Creator c -> approvedBy.contains(creator);
      case Rule.Any a -> !approvedBy.isEmpty();
      case Rule.None n -> false;
      case Rule.RequireAll all ->
          all.rules().stream().allMatch(r -> satisfies(r, approvedBy, creator));
      case Rule.RequireAtLeast some ->
          some.rules().stream().filter(r -> satisfies(r, approvedBy, creator)).count() >= some.n();
    };
  }

  private static String explain(
      Rule rule,
      boolean ok,
      Set<Identity> approvedBy,
      List<Evaluation.Ignored> ignored,
      Predicate<Rule> satisfied,
      Identity creator) {
    StringBuilder b = new StringBuilder();
    if (ok) {
      b.append("satisfied by ")
          .append(approvedBy.stream().map(Identity::shortForm).collect(Collectors.joining(", ")));
    } else {
      b.append("not satisfied: ").append(RuleText.shortfall(rule, satisfied, creator));
    }
    if (!ignored.isEmpty()) {
      b.append("; ignored: ")
          .append(
              ignored.stream().map(Evaluation.Ignored::toString).collect(Collectors.joining(", ")));
    }
    return b.toString();
  }
}
