package io.coffer.policy.matching;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.attestation.TcbStatus;
import io.coffer.policy.model.Security;
import io.coffer.policy.model.Tolerance;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SecurityCheckTest {

  @Test
  void check_upToDateNonDebugHardware_givesNoReason() {
    assertThat(SecurityCheck.check(TestClaims.sgx().build(), Security.DEFAULT)).isEmpty();
  }

  @Test
  void check_everyAdvisoryNotIgnored_isOneReasonEach_inTheClaimsOrder() {
    List<Reason> reasons =
        SecurityCheck.check(
            TestClaims.sgx()
                .advisoryIds(List.of("INTEL-SA-00289", "INTEL-SA-00334", "INTEL-SA-00615"))
                .build(),
            new Security(Set.of(), Set.of("INTEL-SA-00334")));

    assertThat(reasons).extracting(Reason::code).containsOnly(ReasonCode.ADVISORY_NOT_IGNORED);
    assertThat(reasons)
        .extracting(Reason::actual)
        .containsExactly("INTEL-SA-00289", "INTEL-SA-00615");
  }

  @Test
  void check_advisoryIdsAreComparedExactly() {
    assertThat(
            SecurityCheck.check(
                TestClaims.sgx().advisoryIds(List.of("INTEL-SA-00615")).build(),
                new Security(Set.of(), Set.of("INTEL-SA-00616"))))
        .extracting(Reason::code)
        .containsExactly(ReasonCode.ADVISORY_NOT_IGNORED);
  }

  @Test
  void check_toleratingEverything_stillNeedsTheAdvisories() {
    assertThat(
            SecurityCheck.check(
                TestClaims.sgx()
                    .tcbStatus(TcbStatus.OUT_OF_DATE)
                    .advisoryIds(List.of("INTEL-SA-00615"))
                    .build(),
                new Security(Set.of(Tolerance.values()), Set.of())))
        .extracting(Reason::code)
        .containsExactly(ReasonCode.ADVISORY_NOT_IGNORED);
  }

  @Test
  void check_tcbReason_namesWhatIsNeededAndWhatIsMissing() {
    List<Reason> reasons =
        SecurityCheck.check(
            TestClaims.tdx().tcbStatus(TcbStatus.TD_RELAUNCH_ADVISED_CONFIGURATION_NEEDED).build(),
            new Security(Set.of(Tolerance.CONFIGURATION_NEEDED), Set.of()));

    assertThat(reasons)
        .singleElement()
        .satisfies(r ->
            assertThat(r.message())
                .isEqualTo(
                    "security.tolerate: tcbStatus is TDRelaunchAdvisedConfigurationNeeded,"
                        + " expected UpToDate or a tolerated status (needs \"outdated-tcb\","
                        + " \"configuration-needed\" tolerated; missing \"outdated-tcb\")"));
  }
}
