package io.coffer.bench.cas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coffer.policy.governance.Governance;
import io.coffer.policy.governance.Identity;
import io.coffer.policy.model.Policy;
import io.coffer.policy.parse.PolicyParser;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StakeholdersTest {

  private final Stakeholders stakeholders = Stakeholders.generate(5, 2);

  private Policy policy() throws Exception {
    return PolicyParser.parse("p.yaml", BenchPolicy.first("bench/x", stakeholders).yaml());
  }

  private Identity id(int client) {
    return stakeholders.forClient(client).key().identity();
  }

  @Test
  void readRule_isSatisfiedByEveryStakeholder_alone() throws Exception {
    Policy p = policy();
    for (int i = 0; i < 5; i++) {
      assertThat(Governance.satisfiedBy(p.access().read(), Set.of(id(i)), id(0))).isTrue();
    }
  }

  @Test
  void updateRule_isSatisfiedByOneBoardMember_andNobodyElse() throws Exception {
    Policy p = policy();

    assertThat(Governance.satisfiedBy(p.access().update(), Set.of(id(1)), id(0))).isTrue();
    assertThat(Governance.satisfiedBy(p.access().update(), Set.of(id(2)), id(0))).isFalse();
  }

  @Test
  void clients_takeTheStakeholdersInTurn_andTheirApproverIsOnTheBoard() {
    assertThat(id(7)).isEqualTo(id(2));
    assertThat(stakeholders.approverFor(3).identity()).isEqualTo(id(1));
    assertThat(stakeholders.approverFor(4).identity()).isEqualTo(id(0));
  }

  @Test
  void generate_aBoardLargerThanTheStakeholders_fails() {
    assertThatThrownBy(() -> Stakeholders.generate(2, 3))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
