package io.coffer.policy.matching;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.attestation.Platform;
import io.coffer.attestation.TcbStatus;
import io.coffer.policy.model.Tolerance;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TcbRequirementTest {

  @ParameterizedTest
  @EnumSource(Platform.class)
  void of_evaluatedStatuses_needTheSameTolerancesOnEveryPlatform(Platform platform) {
    assertThat(TcbRequirement.of(TcbStatus.UP_TO_DATE, platform)).contains(Set.of());
    assertThat(TcbRequirement.of(TcbStatus.SW_HARDENING_NEEDED, platform))
        .contains(Set.of(Tolerance.SW_HARDENING_NEEDED));
    assertThat(TcbRequirement.of(TcbStatus.CONFIGURATION_NEEDED, platform))
        .contains(Set.of(Tolerance.CONFIGURATION_NEEDED));
    assertThat(TcbRequirement.of(TcbStatus.CONFIGURATION_AND_SW_HARDENING_NEEDED, platform))
        .contains(Set.of(Tolerance.CONFIGURATION_NEEDED, Tolerance.SW_HARDENING_NEEDED));
    assertThat(TcbRequirement.of(TcbStatus.OUT_OF_DATE, platform))
        .contains(Set.of(Tolerance.OUTDATED_TCB));
    assertThat(TcbRequirement.of(TcbStatus.OUT_OF_DATE_CONFIGURATION_NEEDED, platform))
        .contains(Set.of(Tolerance.OUTDATED_TCB, Tolerance.CONFIGURATION_NEEDED));
  }

  @Test
  void of_tdRelaunchStatuses_areOutOfDate() {
    assertThat(TcbRequirement.of(TcbStatus.TD_RELAUNCH_ADVISED, Platform.TDX))
        .isEqualTo(TcbRequirement.of(TcbStatus.OUT_OF_DATE, Platform.TDX));
    assertThat(TcbRequirement.of(TcbStatus.TD_RELAUNCH_ADVISED_CONFIGURATION_NEEDED, Platform.TDX))
        .isEqualTo(TcbRequirement.of(TcbStatus.OUT_OF_DATE_CONFIGURATION_NEEDED, Platform.TDX));
  }

  @Test
  void of_unknown_isRefusedForIntel_andNeedsNothingWhereThereIsNoStatus() {
    assertThat(TcbRequirement.of(TcbStatus.UNKNOWN, Platform.SGX)).isEmpty();
    assertThat(TcbRequirement.of(TcbStatus.UNKNOWN, Platform.TDX)).isEmpty();
    assertThat(TcbRequirement.of(TcbStatus.UNKNOWN, Platform.SNP)).contains(Set.of());
    assertThat(TcbRequirement.of(TcbStatus.UNKNOWN, Platform.SIMULATION)).contains(Set.of());
  }

  @Test
  void of_neverNeedsSimulationOrDebug() {
    for (TcbStatus s : TcbStatus.values()) {
      for (Platform p : Platform.values()) {
        TcbRequirement.of(s, p)
            .ifPresent(
                needed -> assertThat(needed).doesNotContain(Tolerance.SIMULATION, Tolerance.DEBUG));
      }
    }
  }
}
