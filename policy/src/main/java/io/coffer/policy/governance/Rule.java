package io.coffer.policy.governance;

import io.coffer.policy.governance.GovernanceException.Reason;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who must approve: a rule of a policy's {@code access} section ({@code read}, {@code update},
 * {@code create}), evaluated by {@link Governance#evaluate} against verified approvals.
 *
 * <ul>
 *   <li>an {@link IdentityRule identity}: satisfied by a valid approval of that identity;
 *   <li>{@link #CREATOR}: satisfied by a valid approval of the policy's creator;
 *   <li>{@link #ANY}: satisfied by at least one valid approval, by anybody. ANY never means "no
 *       approval needed": somebody must still sign, so that the change is attributable, and only
 *       whoever holds a key can sign (as SCONE's ANY admits any authenticated client);
 *   <li>{@link #NONE}: never satisfied, whoever approves;
 *   <li>{@link RequireAll require-all}: every listed rule is satisfied;
 *   <li>{@link RequireAtLeast require-at-least-N}: at least N of the listed rules are satisfied.
 * </ul>
 *
 * <p>Rules nest, {@code ANY} and {@code NONE} included. A threshold counts satisfied branches, not
 * people: one approval can satisfy several branches (for example {@code CREATOR} and the creator's
 * own identity, or {@code ANY} and anything), so boards should list distinct identities. Identical
 * branches in one list are rejected for that reason. Bounds: at most {@value #MAX_DEPTH} levels of
 * nesting and {@value #MAX_NODES} rules in all; lists are not empty; {@code 1 <= N <= size}.
 *
 * <p>The constructors of the records check these bounds with {@link IllegalArgumentException}; code
 * building rules from untrusted input uses {@link #requireAll} and {@link #requireAtLeast}, which
 * report them as {@link GovernanceException}.
 */
public sealed interface Rule
    permits Rule.IdentityRule,
        Rule.Creator,
        Rule.Any,
        Rule.None,
        Rule.RequireAll,
        Rule.RequireAtLeast {

  /** Most levels of nesting: a single identity is one level. */
  int MAX_DEPTH = 16;

  /** Most rules in one tree, counting every node. */
  int MAX_NODES = 256;

  /** The policy's creator. */
  Creator CREATOR = new Creator();

  /** Anybody with a valid approval. */
  Any ANY = new Any();

  /** Nobody. */
  None NONE = new None();

  /** Levels of nesting of this rule: 1 for a leaf. */
  default int depth() {
    return 1;
  }

  /** Rules in this tree, this one included: 1 for a leaf. */
  default int size() {
    return 1;
  }

  /** An approval by one identity. */
  record IdentityRule(Identity identity) implements Rule {
    public IdentityRule {
      Objects.requireNonNull(identity, "identity");
    }

    @Override
    public String toString() {
      return identity.toString();
    }
  }

  /** An approval by the policy's creator. */
  record Creator() implements Rule {
    @Override
    public String toString() {
      return "CREATOR";
    }
  }

  /** At least one valid approval, by anybody. */
  record Any() implements Rule {
    @Override
    public String toString() {
      return "ANY";
    }
  }

  /** Never satisfied. */
  record None() implements Rule {
    @Override
    public String toString() {
      return "NONE";
    }
  }

  /** Every rule of {@code rules}. */
  record RequireAll(List<Rule> rules) implements Rule {
    public RequireAll {
      rules = List.copyOf(rules);
      String problem = problem("require-all", rules.size(), rules);
      if (problem != null) {
        throw new IllegalArgumentException(problem);
      }
    }

    @Override
    public int depth() {
      return 1 + maxDepth(rules);
    }

    @Override
    public int size() {
      return 1 + totalSize(rules);
    }

    @Override
    public String toString() {
      return "require-all: " + list(rules);
    }
  }

  /** At least {@code n} rules of {@code rules}. */
  record RequireAtLeast(int n, List<Rule> rules) implements Rule {
    public RequireAtLeast {
      rules = List.copyOf(rules);
      String problem = problem("require-at-least-" + n, n, rules);
      if (problem != null) {
        throw new IllegalArgumentException(problem);
      }
    }

    @Override
    public int depth() {
      return 1 + maxDepth(rules);
    }

    @Override
    public int size() {
      return 1 + totalSize(rules);
    }

    @Override
    public String toString() {
      return "require-at-least-" + n + ": " + list(rules);
    }
  }

  /** The rule of one identity. */
  static Rule identity(Identity identity) {
    return new IdentityRule(identity);
  }

  /**
   * {@code require-all} over {@code rules}.
   *
   * @throws GovernanceException {@code INVALID_RULE} for an empty list, identical branches, or a
   *     tree past the bounds
   */
  static Rule requireAll(List<Rule> rules) throws GovernanceException {
    String problem = problem("require-all", rules.size(), rules);
    if (problem != null) {
      throw new GovernanceException(Reason.INVALID_RULE, problem);
    }
    return new RequireAll(rules);
  }

  /**
   * {@code require-at-least-N} over {@code rules}.
   *
   * @throws GovernanceException {@code INVALID_RULE} for {@code n} outside {@code 1..size}, an
   *     empty list, identical branches, or a tree past the bounds
   */
  static Rule requireAtLeast(int n, List<Rule> rules) throws GovernanceException {
    String problem = problem("require-at-least-" + n, n, rules);
    if (problem != null) {
      throw new GovernanceException(Reason.INVALID_RULE, problem);
    }
    return new RequireAtLeast(n, rules);
  }

  /** What is wrong with a composite rule, or null. */
  private static String problem(String what, int n, List<Rule> rules) {
    if (rules.isEmpty()) {
      return what + ": an empty list";
    }
    if (rules.size() >= MAX_NODES) {
      return what + ": more than " + MAX_NODES + " rules in all";
    }
    if (n < 1 || n > rules.size()) {
      return what + ": N must be between 1 and the " + rules.size() + " rules listed";
    }
    int depth = 1;
    int size = 1;
    Set<Rule> seen = new HashSet<>();
    for (Rule r : rules) {
      Objects.requireNonNull(r, "rule");
      if (!seen.add(r)) {
        return what + ": " + RuleText.describe(r) + " is listed twice";
      }
      depth = Math.max(depth, 1 + r.depth());
      size += r.size();
    }
    if (depth > MAX_DEPTH) {
      return what + ": nested deeper than " + MAX_DEPTH + " levels";
    }
    if (size > MAX_NODES) {
      return what + ": more than " + MAX_NODES + " rules in all";
    }
    return null;
  }

  private static int maxDepth(List<Rule> rules) {
    return rules.stream().mapToInt(Rule::depth).max().orElse(0);
  }

  private static int totalSize(List<Rule> rules) {
    return rules.stream().mapToInt(Rule::size).sum();
  }

  private static String list(List<Rule> rules) {
    return rules.stream().map(Rule::toString).collect(Collectors.joining(", ", "[", "]"));
  }
}
