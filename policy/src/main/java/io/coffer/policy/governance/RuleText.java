package io.coffer.policy.governance;

import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Rules as people read them in explanations: identities by their short form, {@code require-all} as
 * {@code all of [...]}, {@code require-at-least-N} as {@code N of [...]}.
 */
final class RuleText {

  private RuleText() {}

  /** A short description of {@code rule}. */
  static String describe(Rule rule) {
    return switch (rule) {
      case Rule.IdentityRule i -> i.identity().shortForm();
      case Rule.Creator c -> "CREATOR";
      case Rule.Any a -> "ANY";
      case Rule.None n -> "NONE";
      case Rule.RequireAll all -> "all of " + list(all.rules());
      case Rule.RequireAtLeast some -> some.n() + " of " + list(some.rules());
    };
  }

  /**
   * What {@code rule}, which is not satisfied, still needs, given which rules are ({@code
   * satisfied}) and who created the policy.
   */
  static String shortfall(Rule rule, Predicate<Rule> satisfied, Identity creator) {
    return switch (rule) {
      case Rule.IdentityRule i -> "needs an approval by " + i.identity().shortForm();
      case Rule.Creator c -> "needs an approval by the creator " + creator.shortForm();
      case Rule.Any a -> "needs at least one valid approval";
      case Rule.None n -> "NONE is never satisfied";
      case Rule.RequireAll all -> composite("all", all.rules(), satisfied, creator);
      case Rule.RequireAtLeast some ->
          composite(Integer.toString(some.n()), some.rules(), satisfied, creator);
    };
  }

  private static String composite(
      String needed, List<Rule> rules, Predicate<Rule> satisfied, Identity creator) {
    List<Rule> met = rules.stream().filter(satisfied).toList();
    StringBuilder b =
        new StringBuilder("needs ")
            .append(needed)
            .append(" of ")
            .append(list(rules))
            .append(", has ")
            .append(met.size());
    if (!met.isEmpty()) {
      b.append(": ").append(met.stream().map(RuleText::describe).collect(Collectors.joining(", ")));
    }
    for (Rule r : rules) {
      if (!satisfied.test(r)
          && (r instanceof Rule.RequireAll || r instanceof Rule.RequireAtLeast)) {
        b.append("; ").append(shortfall(r, satisfied, creator));
      }
    }
    return b.toString();
  }

  private static String list(List<Rule> rules) {
    return rules.stream().map(RuleText::describe).collect(Collectors.joining(", ", "[", "]"));
  }
}
