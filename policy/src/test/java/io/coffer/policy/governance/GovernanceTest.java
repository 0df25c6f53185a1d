package io.coffer.policy.governance;

import static io.coffer.policy.governance.SignersFixture.CREATE;
import static io.coffer.policy.governance.SignersFixture.ED25519_A;
import static io.coffer.policy.governance.SignersFixture.ED25519_B;
import static io.coffer.policy.governance.SignersFixture.ED25519_C;
import static io.coffer.policy.governance.SignersFixture.P256;
import static io.coffer.policy.governance.SignersFixture.P384;
import static io.coffer.policy.governance.SignersFixture.UPDATE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coffer.policy.governance.Evaluation.Why;
import io.coffer.policy.governance.GovernanceException.Reason;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GovernanceTest {

  // Five signers: a, b, c, d; e is the creator.
  private static final IdentityKey[] SIGNERS = {ED25519_A, ED25519_B, ED25519_C, P256, P384};
  private static final Approval[] APPROVALS = approvals(UPDATE);
  private static final Identity CREATOR = P384.identity();

  private static final Rule A = Rule.identity(ED25519_A.identity());
  private static final Rule B = Rule.identity(ED25519_B.identity());
  private static final Rule C = Rule.identity(ED25519_C.identity());
  private static final Rule D = Rule.identity(P256.identity());

  private static Approval[] approvals(ApprovalMessage message) {
    Approval[] out = new Approval[SIGNERS.length];
    for (int i = 0; i < SIGNERS.length; i++) {
      out[i] = SIGNERS[i].approve(message);
    }
    return out;
  }

  /** The approvals of the signers whose bit is set in {@code mask} (bit 0 = a, ... bit 4 = e). */
  private static List<Approval> signedBy(int mask) {
    List<Approval> out = new ArrayList<>();
    for (int i = 0; i < SIGNERS.length; i++) {
      if ((mask & (1 << i)) != 0) {
        out.add(APPROVALS[i]);
      }
    }
    return out;
  }

  private static boolean bit(int mask, int i) {
    return (mask & (1 << i)) != 0;
  }

  private static Evaluation evaluate(Rule rule, List<Approval> approvals) throws Exception {
    return Governance.evaluate(rule, approvals, CREATOR, UPDATE);
  }

  @Test
  void requireAllOfIdentityAndOneOfTwo_truthTable() throws Exception {
    Rule rule = new Rule.RequireAll(List.of(A, new Rule.RequireAtLeast(1, List.of(B, C))));
    // Rows: signers {a, b, c} as bits 0..2, in order 000, 001 (a), 010 (b), 011 (a b), ...
    boolean[] expected = {false, false, false, true, false, true, false, true};

    for (int mask = 0; mask < 8; mask++) {
      assertThat(evaluate(rule, signedBy(mask)).satisfied())
          .as("signers %s", mask)
          .isEqualTo(expected[mask]);
    }
  }

  @Test
  void twoOfThreeNestedBranches_truthTable() throws Exception {
    Rule rule =
        new Rule.RequireAtLeast(
            2,
            List.of(
                A,
                new Rule.RequireAll(List.of(B, C)),
                new Rule.RequireAtLeast(1, List.of(D, Rule.CREATOR))));

    for (int mask = 0; mask < 32; mask++) {
      int branches =
          (bit(mask, 0) ? 1 : 0)
              + (bit(mask, 1) && bit(mask, 2) ? 1 : 0)
              + (bit(mask, 3) || bit(mask, 4) ? 1 : 0);
      assertThat(evaluate(rule, signedBy(mask)).satisfied())
          .as("signers %s", Integer.toBinaryString(mask))
          .isEqualTo(branches >= 2);
    }
  }

  @Test
  void oneOfTwoBoards_truthTable() throws Exception {
    Rule rule =
        new Rule.RequireAtLeast(
            1,
            List.of(
                new Rule.RequireAll(List.of(A, B)),
                new Rule.RequireAtLeast(2, List.of(C, D, Rule.CREATOR))));

    for (int mask = 0; mask < 32; mask++) {
      int board2 = (bit(mask, 2) ? 1 : 0) + (bit(mask, 3) ? 1 : 0) + (bit(mask, 4) ? 1 : 0);
      boolean expected = (bit(mask, 0) && bit(mask, 1)) || board2 >= 2;
      assertThat(evaluate(rule, signedBy(mask)).satisfied())
          .as("signers %s", Integer.toBinaryString(mask))
          .isEqualTo(expected);
    }
  }

  @Test
  void threeOfFour_truthTable() throws Exception {
    Rule rule = new Rule.RequireAtLeast(3, List.of(A, B, C, D));

    for (int mask = 0; mask < 32; mask++) {
      assertThat(evaluate(rule, signedBy(mask)).satisfied())
          .as("signers %s", Integer.toBinaryString(mask))
          .isEqualTo(Integer.bitCount(mask & 0b1111) >= 3);
    }
  }

  @Test
  void creator_isSatisfiedByTheCreatorOnly() throws Exception {
    for (int mask = 0; mask < 32; mask++) {
      assertThat(evaluate(Rule.CREATOR, signedBy(mask)).satisfied())
          .as("signers %s", Integer.toBinaryString(mask))
          .isEqualTo(bit(mask, 4));
    }
  }

  @Test
  void creator_standsForTheIdentityGiven() throws Exception {
    assertThat(
            Governance.evaluate(Rule.CREATOR, List.of(APPROVALS[0]), ED25519_A.identity(), UPDATE)
                .satisfied())
        .isTrue();
    assertThat(
            Governance.evaluate(Rule.CREATOR, List.of(APPROVALS[0]), ED25519_B.identity(), UPDATE)
                .satisfied())
        .isFalse();
  }

  @Test
  void any_isSatisfiedByAnyValidApproval_butNotByNone() throws Exception {
    for (int mask = 0; mask < 32; mask++) {
      assertThat(evaluate(Rule.ANY, signedBy(mask)).satisfied())
          .as("signers %s", Integer.toBinaryString(mask))
          .isEqualTo(mask != 0);
    }
  }

  @Test
  void any_isNotSatisfiedByAnInvalidApproval() throws Exception {
    Approval forOtherMessage = ED25519_A.approve(CREATE);

    Evaluation evaluation = evaluate(Rule.ANY, List.of(forOtherMessage));

    assertThat(evaluation.satisfied()).isFalse();
    assertThat(evaluation.ignored())
        .extracting(Evaluation.Ignored::why)
        .containsExactly(Why.INVALID_SIGNATURE);
  }

  @Test
  void anyInsideRequireAll_isSatisfiedByTheSameApproval() throws Exception {
    Rule rule = new Rule.RequireAll(List.of(A, Rule.ANY));

    assertThat(evaluate(rule, signedBy(0b00001)).satisfied()).isTrue();
    assertThat(evaluate(rule, signedBy(0b00010)).satisfied()).isFalse();
  }

  @Test
  void none_isNeverSatisfied_evenByEverybody() throws Exception {
    Rule rule = new Rule.RequireAll(List.of(A, Rule.NONE));
    for (int mask = 0; mask < 32; mask++) {
      assertThat(evaluate(Rule.NONE, signedBy(mask)).satisfied()).isFalse();
      assertThat(evaluate(rule, signedBy(mask)).satisfied()).isFalse();
    }
  }

  @Test
  void noneAsOneOfTwoAlternatives_leavesTheOther() throws Exception {
    Rule rule = new Rule.RequireAtLeast(1, List.of(Rule.NONE, A));

    assertThat(evaluate(rule, signedBy(0b00001)).satisfied()).isTrue();
    assertThat(evaluate(rule, signedBy(0b11110)).satisfied()).isFalse();
  }

  @Test
  void duplicateApprovals_countOnce() throws Exception {
    Rule rule = new Rule.RequireAtLeast(2, List.of(A, B, C));

    Evaluation evaluation = evaluate(rule, List.of(APPROVALS[0], APPROVALS[0], APPROVALS[0]));

    assertThat(evaluation.satisfied()).isFalse();
    assertThat(evaluation.approvedBy()).containsExactly(ED25519_A.identity());
    assertThat(evaluation.ignored())
        .containsExactly(
            new Evaluation.Ignored(1, ED25519_A.identity(), Why.DUPLICATE),
            new Evaluation.Ignored(2, ED25519_A.identity(), Why.DUPLICATE));
  }

  @Test
  void invalidApprovalFirst_doesNotBlockAValidOneOfTheSameIdentity() throws Exception {
    Approval forged = Approval.of(ED25519_A.identity(), APPROVALS[1].signature(), Optional.empty());

    Evaluation evaluation = evaluate(A, List.of(forged, APPROVALS[0]));

    assertThat(evaluation.satisfied()).isTrue();
    assertThat(evaluation.ignored())
        .containsExactly(new Evaluation.Ignored(0, ED25519_A.identity(), Why.INVALID_SIGNATURE));
  }

  @Test
  void approvalsOfAnotherMessage_doNotCount() throws Exception {
    Rule rule = new Rule.RequireAtLeast(2, List.of(A, B, C));
    Approval[] forCreate = approvals(CREATE);

    Evaluation evaluation = evaluate(rule, List.of(forCreate[0], forCreate[1], APPROVALS[2]));

    assertThat(evaluation.satisfied()).isFalse();
    assertThat(evaluation.approvedBy()).containsExactly(ED25519_C.identity());
  }

  @Test
  void approvalsOfOthers_areIgnored_withoutVerifyingThem() throws Exception {
    Approval garbage = Approval.of(ED25519_C.identity(), new byte[64], Optional.empty());

    Evaluation evaluation =
        evaluate(new Rule.RequireAll(List.of(A, B)), List.of(APPROVALS[0], garbage));

    assertThat(evaluation.satisfied()).isFalse();
    assertThat(evaluation.ignored())
        .containsExactly(new Evaluation.Ignored(1, ED25519_C.identity(), Why.NOT_NAMED_BY_RULE));
  }

  @Test
  void certificateIdentity_isSatisfiedByItsCertificatesApproval_only() throws Exception {
    ClientCertificate certificate = SignersFixture.certificate(P256);
    Approval byCertificate = Approval.sign(P256.privateKey(), certificate, UPDATE);
    Rule rule = Rule.identity(certificate.identity());

    assertThat(evaluate(rule, List.of(byCertificate)).satisfied()).isTrue();
    // The bare key is another identity, although it is the same key.
    assertThat(evaluate(rule, List.of(APPROVALS[3])).satisfied()).isFalse();
    assertThat(evaluate(D, List.of(byCertificate)).satisfied()).isFalse();
  }

  @Test
  void explanation_whenAThresholdIsMissed_namesWhatIsMissing() throws Exception {
    Rule rule = new Rule.RequireAtLeast(2, List.of(A, B, C));

    Evaluation evaluation = evaluate(rule, List.of(APPROVALS[0], APPROVALS[3]));

    String a = ED25519_A.identity().shortForm();
    String b = ED25519_B.identity().shortForm();
    String c = ED25519_C.identity().shortForm();
    assertThat(evaluation.explanation())
        .isEqualTo(
            "not satisfied: needs 2 of ["
                + a
                + ", "
                + b
                + ", "
                + c
                + "], has 1: "
                + a
                + "; ignored: approval 1 by "
                + P256.identity().shortForm()
                + " (not named by the rule)");
  }

  @Test
  void explanation_descendsIntoMissingNestedRules() throws Exception {
    Rule rule =
        new Rule.RequireAll(List.of(A, new Rule.RequireAtLeast(2, List.of(B, C, Rule.CREATOR))));

    Evaluation evaluation = evaluate(rule, List.of(APPROVALS[0], APPROVALS[1]));

    String a = ED25519_A.identity().shortForm();
    String b = ED25519_B.identity().shortForm();
    String c = ED25519_C.identity().shortForm();
    assertThat(evaluation.explanation())
        .isEqualTo(
            "not satisfied: needs all of ["
                + a
                + ", 2 of ["
                + b
                + ", "
                + c
                + ", CREATOR]], has 1: "
                + a
                + "; needs 2 of ["
                + b
                + ", "
                + c
                + ", CREATOR], has 1: "
                + b);
  }

  @Test
  void explanation_ofLeaves() throws Exception {
    assertThat(evaluate(Rule.CREATOR, List.of()).explanation())
        .isEqualTo("not satisfied: needs an approval by the creator " + CREATOR.shortForm());
    assertThat(evaluate(Rule.ANY, List.of()).explanation())
        .isEqualTo("not satisfied: needs at least one valid approval");
    assertThat(evaluate(Rule.NONE, signedBy(0b11111)).explanation())
        .startsWith("not satisfied: NONE is never satisfied; ignored: approval 0 by ");
    assertThat(evaluate(A, List.of()).explanation())
        .isEqualTo("not satisfied: needs an approval by " + ED25519_A.identity().shortForm());
  }

  @Test
  void explanation_whenSatisfied_namesTheApprovers() throws Exception {
    Evaluation evaluation = evaluate(new Rule.RequireAll(List.of(A, B)), signedBy(0b00011));

    assertThat(evaluation.satisfied()).isTrue();
    assertThat(evaluation.explanation())
        .isEqualTo(
            "satisfied by "
                + ED25519_A.identity().shortForm()
                + ", "
                + ED25519_B.identity().shortForm());
  }

  @Test
  void tooManyApprovals_areRefused() {
    List<Approval> many = Collections.nCopies(Governance.MAX_APPROVALS + 1, APPROVALS[0]);

    assertThatThrownBy(() -> evaluate(Rule.ANY, many))
        .isInstanceOf(GovernanceException.class)
        .extracting(e -> ((GovernanceException) e).reason())
        .isEqualTo(Reason.TOO_MANY_APPROVALS);
  }

  @Test
  void evaluation_isImmutable() throws Exception {
    Evaluation evaluation = evaluate(Rule.ANY, signedBy(0b11));

    assertThatThrownBy(() -> evaluation.approvedBy().clear())
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> evaluation.ignored().clear())
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void satisfiedBy_readsTheRuleLikeEvaluate_withIdentitiesForApprovers() {
    Rule rule = new Rule.RequireAtLeast(2, List.of(A, B, Rule.CREATOR));
    Identity a = ED25519_A.identity();
    Identity b = ED25519_B.identity();

    assertThat(Governance.satisfiedBy(rule, java.util.Set.of(a, b), CREATOR)).isTrue();
    assertThat(Governance.satisfiedBy(rule, java.util.Set.of(a, CREATOR), CREATOR)).isTrue();
    assertThat(Governance.satisfiedBy(rule, java.util.Set.of(a), CREATOR)).isFalse();
    assertThat(Governance.satisfiedBy(rule, java.util.Set.of(a, P256.identity()), CREATOR))
        .isFalse();
  }

  @Test
  void satisfiedBy_anyNeedsAnIdentity_noneNeverHolds() {
    assertThat(Governance.satisfiedBy(Rule.ANY, java.util.Set.of(), CREATOR)).isFalse();
    assertThat(Governance.satisfiedBy(Rule.ANY, java.util.Set.of(P256.identity()), CREATOR))
        .isTrue();
    assertThat(Governance.satisfiedBy(Rule.NONE, java.util.Set.of(CREATOR), CREATOR)).isFalse();
  }

  @Test
  void satisfiedBy_creatorIsTheIdentityGiven_notWhoeverCalls() {
    assertThat(Governance.satisfiedBy(Rule.CREATOR, java.util.Set.of(CREATOR), CREATOR)).isTrue();
    assertThat(
            Governance.satisfiedBy(Rule.CREATOR, java.util.Set.of(ED25519_A.identity()), CREATOR))
        .isFalse();
  }

  @Test
  void counts_namedIdentitiesAndCreator_orAnybodyUnderAny() {
    Rule rule =
        new Rule.RequireAll(List.of(A, new Rule.RequireAtLeast(1, List.of(B, Rule.CREATOR))));

    assertThat(Governance.counts(rule, ED25519_A.identity(), CREATOR)).isTrue();
    assertThat(Governance.counts(rule, ED25519_B.identity(), CREATOR)).isTrue();
    assertThat(Governance.counts(rule, CREATOR, CREATOR)).isTrue();
    assertThat(Governance.counts(rule, ED25519_C.identity(), CREATOR)).isFalse();
    assertThat(Governance.counts(Rule.NONE, CREATOR, CREATOR)).isFalse();
    assertThat(
            Governance.counts(new Rule.RequireAll(List.of(A, Rule.ANY)), P256.identity(), CREATOR))
        .isTrue();
  }
}
