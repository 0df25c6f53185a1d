package io.coffer.policy.governance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;

/**
 * Random rule trees and random approvals (valid, invalid, duplicated, by people the rule does not
 * name): {@link Governance#evaluate} agrees with a direct reading of the rule semantics.
 */
class GovernancePropertiesTest {

  private static final IdentityKey[] SIGNERS = {
    SignersFixture.ED25519_A,
    SignersFixture.ED25519_B,
    SignersFixture.ED25519_C,
    SignersFixture.P256,
    SignersFixture.P384
  };
  private static final ApprovalMessage MESSAGE = SignersFixture.UPDATE;
  private static final Approval[] VALID = new Approval[SIGNERS.length];
  private static final Approval[] INVALID = new Approval[SIGNERS.length];

  static {
    for (int i = 0; i < SIGNERS.length; i++) {
      VALID[i] = SIGNERS[i].approve(MESSAGE);
      INVALID[i] = SIGNERS[i].approve(SignersFixture.CREATE);
    }
  }

  private static List<Rule> leaves() {
    List<Rule> leaves = new ArrayList<>();
    for (IdentityKey k : SIGNERS) {
      leaves.add(Rule.identity(k.identity()));
    }
    leaves.add(Rule.CREATOR);
    leaves.add(Rule.ANY);
    leaves.add(Rule.NONE);
    return leaves;
  }

  private static Arbitrary<Rule> rule(int depth) {
    Arbitrary<Rule> leaf = Arbitraries.of(leaves());
    if (depth == 0) {
      return leaf;
    }
    Arbitrary<List<Rule>> children =
        rule(depth - 1).list().ofMinSize(1).ofMaxSize(4).uniqueElements();
    Arbitrary<Rule> all = children.map(Rule.RequireAll::new);
    Arbitrary<Rule> some =
        children.flatMap(list ->
            Arbitraries.integers()
                .between(1, list.size())
                .map(n -> (Rule) new Rule.RequireAtLeast(n, list)));
    return Arbitraries.frequencyOf(Tuple.of(2, leaf), Tuple.of(1, all), Tuple.of(1, some));
  }

  @Provide
  Arbitrary<Rule> rules() {
    return rule(3);
  }

  /** Each element picks a signer (value mod 5) and whether its approval is valid (value < 5). */
  @Provide
  Arbitrary<List<Integer>> approvals() {
    return Arbitraries.integers().between(0, 2 * SIGNERS.length - 1).list().ofMaxSize(8);
  }

  /** The rule semantics, read directly: who approved validly decides. */
  private static boolean reference(Rule rule, Set<Identity> valid, Identity creator) {
    if (rule instanceof Rule.IdentityRule i) {
      return valid.contains(i.identity());
    } else if (rule instanceof Rule.Creator) {
      return valid.contains(creator);
    } else if (rule instanceof Rule.Any) {
      return !valid.isEmpty();
    } else if (rule instanceof Rule.None) {
      return false;
    } else if (rule instanceof Rule.RequireAll all) {
      for (Rule r : all.rules()) {
        if (!reference(r, valid, creator)) {
          return false;
        }
      }
      return true;
    } else {
      Rule.RequireAtLeast some = (Rule.RequireAtLeast) rule;
      int met = 0;
      for (Rule r : some.rules()) {
        met += reference(r, valid, creator) ? 1 : 0;
      }
      return met >= some.n();
    }
  }

  private static boolean containsAny(Rule rule) {
    return switch (rule) {
      case Rule.Any a -> true;
      case Rule.RequireAll all ->
          all.rules().stream().anyMatch(GovernancePropertiesTest::containsAny);
      case Rule.RequireAtLeast some ->
          some.rules().stream().anyMatch(GovernancePropertiesTest::containsAny);
      default -> false;
    };
  }

  @Property(tries = 300)
  void evaluate_agreesWithTheReference(
      @ForAll("rules") Rule rule,
      @ForAll("approvals") List<Integer> picks,
      @ForAll @IntRange(min = 0, max = 4) int creatorIndex)
      throws Exception {
    Identity creator = SIGNERS[creatorIndex].identity();
    List<Approval> approvals = new ArrayList<>();
    Set<Identity> valid = new HashSet<>();
    for (int pick : picks) {
      int signer = pick % SIGNERS.length;
      boolean isValid = pick < SIGNERS.length;
      approvals.add(isValid ? VALID[signer] : INVALID[signer]);
      if (isValid) {
        valid.add(SIGNERS[signer].identity());
      }
    }

    Evaluation evaluation = Governance.evaluate(rule, approvals, creator, MESSAGE);
    Statistics.label("satisfied")
        .collect(evaluation.satisfied())
        .coverage(c -> c.check(true).percentage(p -> p > 10));
    Statistics.label("depth")
        .collect(Math.min(rule.depth(), 3))
        .coverage(c -> c.check(3).percentage(p -> p > 10));

    assertThat(evaluation.satisfied()).isEqualTo(reference(rule, valid, creator));
    assertThat(valid).containsAll(evaluation.approvedBy());
    if (containsAny(rule)) {
      assertThat(evaluation.approvedBy()).isEqualTo(valid);
    }
    if (evaluation.satisfied()) {
      assertThat(evaluation.approvedBy()).isNotEmpty();
      assertThat(evaluation.explanation()).startsWith("satisfied by ");
    } else {
      assertThat(evaluation.explanation()).startsWith("not satisfied: ");
    }
    assertThat(evaluation.approvedBy().size() + evaluation.ignored().size())
        .isEqualTo(approvals.size());
  }
}
