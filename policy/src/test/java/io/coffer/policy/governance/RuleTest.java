package io.coffer.policy.governance;

import static io.coffer.policy.governance.SignersFixture.ED25519_A;
import static io.coffer.policy.governance.SignersFixture.ED25519_B;
import static io.coffer.policy.governance.SignersFixture.ED25519_C;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coffer.policy.governance.GovernanceException.Reason;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RuleTest {

  private static final Rule A = Rule.identity(ED25519_A.identity());
  private static final Rule B = Rule.identity(ED25519_B.identity());
  private static final Rule C = Rule.identity(ED25519_C.identity());

  /** A chain of {@code levels} levels: require-all of require-all of ... of A. */
  private static Rule chain(int levels) {
    Rule r = A;
    for (int i = 1; i < levels; i++) {
      r = new Rule.RequireAll(List.of(r));
    }
    return r;
  }

  @Test
  void depthAndSize_countEveryLevelAndNode() {
    Rule rule = new Rule.RequireAtLeast(1, List.of(A, new Rule.RequireAll(List.of(B, C))));

    assertThat(A.depth()).isEqualTo(1);
    assertThat(rule.depth()).isEqualTo(3);
    assertThat(rule.size()).isEqualTo(5);
  }

  @Test
  void nesting_upToTheLimit_isAccepted() {
    assertThat(chain(Rule.MAX_DEPTH).depth()).isEqualTo(16);
  }

  @Test
  void nesting_pastTheLimit_fails() {
    Rule deepest = chain(Rule.MAX_DEPTH);

    assertThatThrownBy(() -> new Rule.RequireAll(List.of(deepest)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("require-all: nested deeper than 16 levels");
    assertThatThrownBy(() -> Rule.requireAtLeast(1, List.of(deepest)))
        .isInstanceOf(GovernanceException.class)
        .hasMessage("require-at-least-1: nested deeper than 16 levels");
  }

  @Test
  void size_pastTheLimit_fails() throws Exception {
    List<Rule> leaves = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      leaves.add(Rule.identity(Identity.parse("cert-sha256:" + String.format("%064x", i))));
    }
    Rule left = Rule.requireAtLeast(1, leaves.subList(0, 100));
    Rule right = Rule.requireAtLeast(1, leaves.subList(100, 200));
    Rule half = Rule.requireAll(List.of(left, right));

    assertThat(half.size()).isEqualTo(203);
    assertThatThrownBy(() -> Rule.requireAll(List.of(half, Rule.requireAll(leaves.subList(0, 60)))))
        .isInstanceOf(GovernanceException.class)
        .hasMessage("require-all: more than 256 rules in all");
  }

  @Test
  void list_ofTooManyRules_failsBeforeWalkingThem() {
    List<Rule> many = new ArrayList<>();
    for (int i = 0; i < Rule.MAX_NODES; i++) {
      many.add(A);
    }

    assertThatThrownBy(() -> Rule.requireAll(many))
        .hasMessage("require-all: more than 256 rules in all");
  }

  @ParameterizedTest
  @ValueSource(ints = {Integer.MIN_VALUE, -1, 0, 4, 5, Integer.MAX_VALUE})
  void requireAtLeast_nOutOfRange_fails(int n) {
    assertThatThrownBy(() -> Rule.requireAtLeast(n, List.of(A, B, C)))
        .isInstanceOf(GovernanceException.class)
        .hasMessage("require-at-least-" + n + ": N must be between 1 and the 3 rules listed")
        .extracting(e -> ((GovernanceException) e).reason())
        .isEqualTo(Reason.INVALID_RULE);
    assertThatThrownBy(() -> new Rule.RequireAtLeast(n, List.of(A, B, C)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3})
  void requireAtLeast_nInRange_isAccepted(int n) throws Exception {
    assertThat(Rule.requireAtLeast(n, List.of(A, B, C)))
        .isEqualTo(new Rule.RequireAtLeast(n, List.of(A, B, C)));
  }

  @Test
  void emptyLists_fail() {
    assertThatThrownBy(() -> Rule.requireAll(List.of())).hasMessage("require-all: an empty list");
    assertThatThrownBy(() -> Rule.requireAtLeast(1, List.of()))
        .hasMessage("require-at-least-1: an empty list");
  }

  @Test
  void identicalBranches_fail() {
    assertThatThrownBy(() -> Rule.requireAtLeast(2, List.of(A, B, A)))
        .hasMessage("require-at-least-2: " + ED25519_A.identity().shortForm() + " is listed twice");
    assertThatThrownBy(() -> Rule.requireAll(List.of(Rule.CREATOR, Rule.CREATOR)))
        .hasMessage("require-all: CREATOR is listed twice");
    assertThatThrownBy(() ->
            Rule.requireAtLeast(
                1, List.of(new Rule.RequireAll(List.of(A, B)), new Rule.RequireAll(List.of(A, B)))))
        .hasMessageContaining("is listed twice");
  }

  @Test
  void list_isCopied() {
    List<Rule> rules = new ArrayList<>(List.of(A, B));
    Rule.RequireAll all = new Rule.RequireAll(rules);
    rules.add(C);

    assertThat(all.rules()).containsExactly(A, B);
    assertThatThrownBy(() -> all.rules().add(C)).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void nullBranch_isRejected() {
    List<Rule> rules = new ArrayList<>();
    rules.add(A);
    rules.add(null);

    assertThatThrownBy(() -> new Rule.RequireAll(rules)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void toString_writesTheLanguagesNames() {
    Rule rule =
        new Rule.RequireAtLeast(
            1, List.of(Rule.CREATOR, new Rule.RequireAll(List.of(A, Rule.ANY)), Rule.NONE));

    assertThat(rule.toString())
        .isEqualTo(
            "require-at-least-1: [CREATOR, require-all: ["
                + ED25519_A.identity()
                + ", ANY], NONE]");
  }

  @Test
  void constants_areEqualToFreshInstances() {
    assertThat(Rule.CREATOR).isEqualTo(new Rule.Creator());
    assertThat(Rule.ANY).isEqualTo(new Rule.Any()).isNotEqualTo(Rule.NONE);
  }
}
