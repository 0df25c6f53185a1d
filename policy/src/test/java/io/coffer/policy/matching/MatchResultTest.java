package io.coffer.policy.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MatchResultTest {

  private static final Reason REASON =
      Reason.of(ReasonCode.DEBUG_NOT_TOLERATED, "security.tolerate", "debug", "false", "true", "");

  @Test
  void admitted_hasNoReasons_andANonNegativeIndex() {
    assertThat(new MatchResult.Admitted(0).reasons()).isEmpty();
    assertThatThrownBy(() -> new MatchResult.Admitted(-1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void rejected_needsAReason_andCopiesThem() {
    assertThatThrownBy(() -> new MatchResult.Rejected(List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    List<Reason> in = new ArrayList<>(List.of(REASON));
    MatchResult.Rejected r = new MatchResult.Rejected(in);
    in.clear();
    assertThat(r.reasons()).containsExactly(REASON);
  }
}
