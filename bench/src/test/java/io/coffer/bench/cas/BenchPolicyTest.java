package io.coffer.bench.cas;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.policy.canonical.PolicyHash;
import io.coffer.policy.governance.Approval;
import io.coffer.policy.model.Policy;
import io.coffer.policy.parse.PolicyParser;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BenchPolicyTest {

  private final Stakeholders stakeholders = Stakeholders.generate(3, 2);

  @Test
  void first_parses_andCarriesItsOwnHash() throws Exception {
    BenchPolicy p = BenchPolicy.first("bench/read/p-00001", stakeholders);

    Policy parsed = PolicyParser.parse("p.yaml", p.yaml());

    assertThat(parsed.predecessor()).isEmpty();
    assertThat(p.hash()).isEqualTo(PolicyHash.of(parsed));
    assertThat(p.predecessor()).isEmpty();
  }

  @Test
  void next_namesItsPredecessor_andHashesDifferently() throws Exception {
    BenchPolicy first = BenchPolicy.first("bench/write/c-0000", stakeholders);
    BenchPolicy second = BenchPolicy.next(first.name(), first.hash(), stakeholders);

    Policy parsed = PolicyParser.parse("p.yaml", second.yaml());

    assertThat(parsed.predecessor()).hasValue(first.hash());
    assertThat(second.hash()).isNotEqualTo(first.hash()).isEqualTo(PolicyHash.of(parsed));
  }

  @Test
  void approvalMessage_isWhatABoardMemberSigns_forExactlyThisVersion() throws Exception {
    BenchPolicy first = BenchPolicy.first("bench/write/c-0000", stakeholders);
    BenchPolicy second = BenchPolicy.next(first.name(), first.hash(), stakeholders);

    Approval approval = stakeholders.approverFor(0).approve(second.approvalMessage());

    assertThat(approval.verify(second.approvalMessage()))
        .isEqualTo(stakeholders.approverFor(0).identity());
    assertThat(second.approvalMessage().predecessor()).isEqualTo(Optional.of(first.hash()));
  }

  @Test
  void yaml_isACopy() {
    BenchPolicy p = BenchPolicy.first("bench/read/p-00001", stakeholders);

    p.yaml()[0] = 'X';

    assertThat(p.yaml()[0]).isEqualTo((byte) 'n');
  }
}
