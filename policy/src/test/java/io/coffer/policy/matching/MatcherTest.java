package io.coffer.policy.matching;

import static io.coffer.policy.matching.TestClaims.b32;
import static io.coffer.policy.matching.TestClaims.sgx;
import static io.coffer.policy.matching.TestClaims.sgxCondition;
import static io.coffer.policy.matching.TestClaims.simulation;
import static io.coffer.policy.matching.TestClaims.simulationCondition;
import static io.coffer.policy.matching.TestClaims.snp;
import static io.coffer.policy.matching.TestClaims.snpCondition;
import static io.coffer.policy.matching.TestClaims.tdx;
import static io.coffer.policy.matching.TestClaims.tdxCondition;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.coffer.attestation.EvidenceType;
import io.coffer.attestation.TcbStatus;
import io.coffer.attestation.VerifiedClaims;
import io.coffer.policy.model.PlatformCondition;
import io.coffer.policy.model.Security;
import io.coffer.policy.model.ServiceIdentity;
import io.coffer.policy.model.SgxCondition;
import io.coffer.policy.model.Tolerance;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class MatcherTest {

  private static ServiceIdentity identity(PlatformCondition... alternatives) {
    return new ServiceIdentity(List.of(alternatives));
  }

  private static Security tolerating(Tolerance... tolerances) {
    return new Security(Set.of(tolerances), Set.of());
  }

  private static List<Reason> reasons(MatchResult result) {
    assertThat(result).isInstanceOf(MatchResult.Rejected.class);
    return result.reasons();
  }

  private static List<ReasonCode> codes(MatchResult result) {
    return reasons(result).stream().map(Reason::code).toList();
  }

  // --- admission ---

  @Test
  void match_everyConditionHolds_admitsWithTheAlternativeIndex() {
    assertThat(Matcher.match(identity(sgxCondition()), sgx().build(), Security.DEFAULT))
        .isEqualTo(new MatchResult.Admitted(0));
    assertThat(Matcher.match(identity(tdxCondition()), tdx().build(), Security.DEFAULT))
        .isEqualTo(new MatchResult.Admitted(0));
    assertThat(Matcher.match(identity(snpCondition()), snp().build(), Security.DEFAULT))
        .isEqualTo(new MatchResult.Admitted(0));
  }

  // --- simulation ---

  @Test
  void match_simulatedClaims_withoutSimulationTolerated_areRejected() {
    MatchResult result =
        Matcher.match(identity(simulationCondition()), simulation().build(), Security.DEFAULT);

    assertThat(reasons(result))
        .singleElement()
        .satisfies(r -> {
          assertThat(r.code()).isEqualTo(ReasonCode.SIMULATION_NOT_TOLERATED);
          assertThat(r.field()).isEqualTo("security.tolerate");
          assertThat(r.message())
              .isEqualTo(
                  "security.tolerate: simulated is true, expected false (simulated evidence"
                      + " proves nothing about confidentiality; \"simulation\" is not"
                      + " tolerated)");
        });
  }

  @Test
  void match_simulatedClaims_withSimulationTolerated_areAdmitted() {
    assertThat(
            Matcher.match(
                identity(simulationCondition()),
                simulation().build(),
                tolerating(Tolerance.SIMULATION)))
        .isEqualTo(new MatchResult.Admitted(0));
  }

  @Test
  void match_simulatedClaims_neverMatchAHardwareAlternative() {
    MatchResult result =
        Matcher.match(
            identity(sgxCondition(), snpCondition()),
            simulation().build(),
            tolerating(Tolerance.values()));

    assertThat(reasons(result))
        .singleElement()
        .satisfies(r -> {
          assertThat(r.code()).isEqualTo(ReasonCode.NO_ALTERNATIVE_FOR_PLATFORM);
          assertThat(r.message())
              .isEqualTo(
                  "identity: platform is simulation, expected one of [sgx, snp] (the"
                      + " identity has no simulation alternative)");
        });
  }

  @Test
  void match_hardwareClaims_neverMatchASimulationAlternative() {
    VerifiedClaims claims = sgx().bytes("measurement", TestClaims.SIM_MEASUREMENT.value()).build();

    assertThat(
            codes(
                Matcher.match(
                    identity(simulationCondition()), claims, tolerating(Tolerance.values()))))
        .containsExactly(ReasonCode.NO_ALTERNATIVE_FOR_PLATFORM);
  }

  @Test
  void match_simulatedClaims_withAnotherMeasurement_areRejectedEvenWhenTolerated() {
    VerifiedClaims claims = simulation().bytes("measurement", b32(0x99).value()).build();

    assertThat(
            reasons(
                Matcher.match(
                    identity(simulationCondition()), claims, tolerating(Tolerance.SIMULATION))))
        .singleElement()
        .satisfies(r -> {
          assertThat(r.code()).isEqualTo(ReasonCode.CLAIM_MISMATCH);
          assertThat(r.field()).isEqualTo("identity[0].simulation.measurement");
          assertThat(r.expected()).isEqualTo(TestClaims.SIM_MEASUREMENT.hex());
          assertThat(r.actual()).isEqualTo(b32(0x99).hex());
        });
  }

  // --- debug ---

  @Test
  void match_debugClaims_withoutDebugTolerated_areRejected() {
    MatchResult result =
        Matcher.match(identity(sgxCondition()), sgx().debug(true).build(), Security.DEFAULT);

    assertThat(reasons(result))
        .singleElement()
        .satisfies(r -> {
          assertThat(r.code()).isEqualTo(ReasonCode.DEBUG_NOT_TOLERATED);
          assertThat(r.claim()).isEqualTo("debug");
          assertThat(r.message()).startsWith("security.tolerate: debug is true, expected false");
        });
  }

  @Test
  void match_debugClaims_withDebugTolerated_areAdmitted() {
    assertThat(
            Matcher.match(
                identity(snpCondition()), snp().debug(true).build(), tolerating(Tolerance.DEBUG)))
        .isInstanceOf(MatchResult.Admitted.class);
  }

  // --- TCB status ---

  /**
   * Every TCB status against every combination of the three TCB tolerances. The second column is
   * the tolerances the status needs, written out here rather than taken from the code under test.
   */
  @ParameterizedTest(name = "{0} needs [{1}]")
  @CsvSource(
      delimiter = '|',
      value = {
        "UP_TO_DATE                               | ",
        "SW_HARDENING_NEEDED                      | SW_HARDENING_NEEDED",
        "CONFIGURATION_NEEDED                     | CONFIGURATION_NEEDED",
        "CONFIGURATION_AND_SW_HARDENING_NEEDED    | CONFIGURATION_NEEDED SW_HARDENING_NEEDED",
        "OUT_OF_DATE                              | OUTDATED_TCB",
        "OUT_OF_DATE_CONFIGURATION_NEEDED         | OUTDATED_TCB CONFIGURATION_NEEDED",
        "TD_RELAUNCH_ADVISED                      | OUTDATED_TCB",
        "TD_RELAUNCH_ADVISED_CONFIGURATION_NEEDED | OUTDATED_TCB CONFIGURATION_NEEDED",
      })
  void match_tcbStatus_isAdmittedExactlyWhenItsTolerancesAreGiven(TcbStatus status, String needs) {
    Set<Tolerance> needed = EnumSet.noneOf(Tolerance.class);
    if (needs != null) {
      Arrays.stream(needs.split(" ")).map(Tolerance::valueOf).forEach(needed::add);
    }
    List<Tolerance> tcbTolerances =
        List.of(
            Tolerance.OUTDATED_TCB, Tolerance.SW_HARDENING_NEEDED, Tolerance.CONFIGURATION_NEEDED);
    for (int mask = 0; mask < 8; mask++) {
      Set<Tolerance> given = EnumSet.noneOf(Tolerance.class);
      for (int bit = 0; bit < 3; bit++) {
        if ((mask & (1 << bit)) != 0) {
          given.add(tcbTolerances.get(bit));
        }
      }
      for (VerifiedClaims.Builder claims : List.of(sgx(), tdx())) {
        MatchResult result =
            Matcher.match(
                identity(sgxCondition(), tdxCondition()),
                claims.tcbStatus(status).build(),
                new Security(given, Set.of()));
        if (given.containsAll(needed)) {
          assertThat(result)
              .as("%s with %s", status, given)
              .isInstanceOf(MatchResult.Admitted.class);
        } else {
          Set<Tolerance> missing = EnumSet.copyOf(needed);
          missing.removeAll(given);
          assertThat(reasons(result))
              .as("%s with %s", status, given)
              .singleElement()
              .satisfies(r -> {
                assertThat(r.code()).isEqualTo(ReasonCode.TCB_STATUS_NOT_TOLERATED);
                assertThat(r.actual()).isEqualTo(status.text());
                assertThat(r.message())
                    .endsWith(
                        "missing "
                            + missing.stream()
                                .map(t -> "\"" + t.yamlName() + "\"")
                                .collect(Collectors.joining(", "))
                            + ")");
              });
        }
      }
    }
  }

  @Test
  void match_outOfDate_withOutdatedTcbTolerated_isAdmitted() {
    assertThat(
            Matcher.match(
                identity(sgxCondition()),
                sgx().tcbStatus(TcbStatus.OUT_OF_DATE).build(),
                tolerating(Tolerance.OUTDATED_TCB)))
        .isInstanceOf(MatchResult.Admitted.class);
  }

  @Test
  void match_swHardeningNeeded_withItsToleranceOnly_isAdmitted_andOutdatedTcbDoesNotCoverIt() {
    VerifiedClaims claims = sgx().tcbStatus(TcbStatus.SW_HARDENING_NEEDED).build();
    assertThat(
            Matcher.match(
                identity(sgxCondition()), claims, tolerating(Tolerance.SW_HARDENING_NEEDED)))
        .isInstanceOf(MatchResult.Admitted.class);
    assertThat(
            codes(
                Matcher.match(
                    identity(sgxCondition()), claims, tolerating(Tolerance.OUTDATED_TCB))))
        .containsExactly(ReasonCode.TCB_STATUS_NOT_TOLERATED);
  }

  @Test
  void match_configurationNeeded_withItsToleranceOnly_isAdmitted() {
    assertThat(
            Matcher.match(
                identity(tdxCondition()),
                tdx().tcbStatus(TcbStatus.CONFIGURATION_NEEDED).build(),
                tolerating(Tolerance.CONFIGURATION_NEEDED)))
        .isInstanceOf(MatchResult.Admitted.class);
  }

  @ParameterizedTest
  @EnumSource(
      value = EvidenceType.class,
      names = {"SGX", "TDX"})
  void match_unknownTcbStatus_ofSgxOrTdx_isRejected_whateverIsTolerated(EvidenceType type) {
    VerifiedClaims.Builder claims = type == EvidenceType.SGX ? sgx() : tdx();

    MatchResult result =
        Matcher.match(
            identity(sgxCondition(), tdxCondition()),
            claims.tcbStatus(TcbStatus.UNKNOWN).build(),
            tolerating(Tolerance.values()));

    assertThat(reasons(result))
        .singleElement()
        .satisfies(r -> {
          assertThat(r.code()).isEqualTo(ReasonCode.TCB_STATUS_UNKNOWN);
          assertThat(r.actual()).isEqualTo("Unknown");
          assertThat(r.message()).contains("no tolerance admits it");
        });
  }

  @Test
  void match_unknownTcbStatus_ofSnpAndSimulation_isAdmittedWithoutTcbTolerances() {
    assertThat(Matcher.match(identity(snpCondition()), snp().build(), Security.DEFAULT))
        .isInstanceOf(MatchResult.Admitted.class);
    assertThat(
            Matcher.match(
                identity(simulationCondition()),
                simulation().build(),
                tolerating(Tolerance.SIMULATION)))
        .isInstanceOf(MatchResult.Admitted.class);
  }

  // --- advisories ---

  @Test
  void match_categoryTolerated_butAdvisoriesNotIgnored_isRejectedNamingEachMissingAdvisory() {
    VerifiedClaims claims =
        sgx()
            .tcbStatus(TcbStatus.SW_HARDENING_NEEDED)
            .advisoryIds(List.of("INTEL-SA-00334", "INTEL-SA-00615"))
            .build();
    Security security =
        new Security(Set.of(Tolerance.SW_HARDENING_NEEDED), Set.of("INTEL-SA-00334"));

    List<Reason> reasons = reasons(Matcher.match(identity(sgxCondition()), claims, security));

    assertThat(reasons)
        .singleElement()
        .satisfies(r -> {
          assertThat(r.code()).isEqualTo(ReasonCode.ADVISORY_NOT_IGNORED);
          assertThat(r.field()).isEqualTo("security.ignore_advisories");
          assertThat(r.actual()).isEqualTo("INTEL-SA-00615");
          assertThat(r.message())
              .isEqualTo(
                  "security.ignore_advisories: advisory INTEL-SA-00615 applies to the"
                      + " platform's TCB, expected it in ignore_advisories (a category"
                      + " tolerance alone is not enough)");
        });
  }

  @Test
  void match_advisoriesIgnored_withoutTheCategoryTolerated_isRejected() {
    VerifiedClaims claims =
        sgx()
            .tcbStatus(TcbStatus.SW_HARDENING_NEEDED)
            .advisoryIds(List.of("INTEL-SA-00334"))
            .build();

    assertThat(
            codes(
                Matcher.match(
                    identity(sgxCondition()),
                    claims,
                    new Security(Set.of(), Set.of("INTEL-SA-00334")))))
        .containsExactly(ReasonCode.TCB_STATUS_NOT_TOLERATED);
  }

  @Test
  void match_categoryAndEveryAdvisory_isAdmitted() {
    VerifiedClaims claims =
        sgx()
            .tcbStatus(TcbStatus.SW_HARDENING_NEEDED)
            .advisoryIds(List.of("INTEL-SA-00334", "INTEL-SA-00615"))
            .build();
    Security security =
        new Security(
            Set.of(Tolerance.SW_HARDENING_NEEDED), Set.of("INTEL-SA-00334", "INTEL-SA-00615"));

    assertThat(Matcher.match(identity(sgxCondition()), claims, security))
        .isEqualTo(new MatchResult.Admitted(0));
  }

  // --- identity ---

  @Test
  void match_wrongMrenclave_namesFieldExpectedAndActual() {
    VerifiedClaims claims = sgx().bytes("mrEnclave", b32(0x99).value()).build();

    assertThat(reasons(Matcher.match(identity(sgxCondition()), claims, Security.DEFAULT)))
        .singleElement()
        .satisfies(r -> {
          assertThat(r.code()).isEqualTo(ReasonCode.CLAIM_MISMATCH);
          assertThat(r.message())
              .isEqualTo(
                  "identity[0].sgx.mrenclave: mrEnclave is "
                      + b32(0x99).hex()
                      + ", expected one of ["
                      + b32(0x10).hex()
                      + ", "
                      + TestClaims.MR_ENCLAVE.hex()
                      + "]");
        });
  }

  @Test
  void match_noAlternativeForThePlatform_isRejected() {
    assertThat(
            reasons(
                Matcher.match(
                    identity(sgxCondition(), simulationCondition()),
                    tdx().build(),
                    Security.DEFAULT)))
        .singleElement()
        .satisfies(r -> {
          assertThat(r.code()).isEqualTo(ReasonCode.NO_ALTERNATIVE_FOR_PLATFORM);
          assertThat(r.actual()).isEqualTo("tdx");
          assertThat(r.expected()).isEqualTo("one of [sgx, simulation]");
        });
  }

  @Test
  void match_azureHclClaims_areSnp_andMatchSnpAlternatives() {
    VerifiedClaims claims = snp(EvidenceType.SNP_AZURE_HCL).build();

    assertThat(Matcher.match(identity(sgxCondition(), snpCondition()), claims, Security.DEFAULT))
        .isEqualTo(new MatchResult.Admitted(1));
    assertThat(codes(Matcher.match(identity(sgxCondition()), claims, Security.DEFAULT)))
        .containsExactly(ReasonCode.NO_ALTERNATIVE_FOR_PLATFORM);
  }

  @Test
  void match_alternativesOfOtherPlatforms_areSkipped_andTheFirstMatchingOneIsNamed() {
    SgxCondition other =
        new SgxCondition(
            List.of(b32(0x98)),
            Optional.empty(),
            OptionalInt.empty(),
            OptionalInt.empty(),
            OptionalInt.empty());

    assertThat(
            Matcher.match(
                identity(tdxCondition(), other, snpCondition(), sgxCondition()),
                sgx().build(),
                Security.DEFAULT))
        .isEqualTo(new MatchResult.Admitted(3));
  }

  @Test
  void match_noAlternativeOfThePlatformMatches_listsTheMismatchesOfEach() {
    SgxCondition bySigner =
        new SgxCondition(
            List.of(),
            Optional.of(b32(0x97)),
            OptionalInt.empty(),
            OptionalInt.of(4),
            OptionalInt.empty());

    List<Reason> reasons =
        reasons(
            Matcher.match(
                identity(sgxCondition(), tdxCondition(), bySigner),
                sgx().bytes("mrEnclave", b32(0x99).value()).build(),
                Security.DEFAULT));

    assertThat(reasons)
        .extracting(Reason::field)
        .containsExactly(
            "identity[0].sgx.mrenclave", "identity[2].sgx.mrsigner", "identity[2].sgx.isvsvn_min");
  }

  @Test
  void match_missingClaim_isAReason_notAnException() {
    assertThat(
            reasons(
                Matcher.match(identity(sgxCondition()), sgx("mrSigner").build(), Security.DEFAULT)))
        .singleElement()
        .satisfies(r -> {
          assertThat(r.code()).isEqualTo(ReasonCode.CLAIM_MISSING);
          assertThat(r.message())
              .isEqualTo(
                  "identity[0].sgx.mrsigner: mrSigner is absent, expected "
                      + TestClaims.MR_SIGNER.hex()
                      + " (the evidence has no mrSigner)");
        });
  }

  @Test
  void match_claimOfTheWrongType_isAReason_notAnException() {
    VerifiedClaims claims =
        sgx().number("mrEnclave", 1).text("isvSvn", "3").flag("mrSigner", true).build();

    assertThat(reasons(Matcher.match(identity(sgxCondition()), claims, Security.DEFAULT)))
        .extracting(Reason::code, Reason::field, Reason::actual)
        .containsExactly(
            tuple(ReasonCode.CLAIM_MALFORMED, "identity[0].sgx.mrenclave", "a number"),
            tuple(ReasonCode.CLAIM_MALFORMED, "identity[0].sgx.mrsigner", "a flag"),
            tuple(ReasonCode.CLAIM_MALFORMED, "identity[0].sgx.isvsvn_min", "text"),
            tuple(ReasonCode.CLAIM_MALFORMED, "identity[0].sgx.isvsvn_max", "text"));
  }

  // --- everything at once ---

  @Test
  void match_reportsEveryReasonAtOnce_securityFirst() {
    VerifiedClaims claims =
        sgx()
            .debug(true)
            .tcbStatus(TcbStatus.OUT_OF_DATE_CONFIGURATION_NEEDED)
            .advisoryIds(List.of("INTEL-SA-00289", "INTEL-SA-00615"))
            .bytes("mrEnclave", b32(0x99).value())
            .bytes("mrSigner", b32(0x98).value())
            .number("isvProdId", 8)
            .number("isvSvn", 2)
            .build();
    Security security =
        new Security(Set.of(Tolerance.CONFIGURATION_NEEDED), Set.of("INTEL-SA-00289"));

    List<Reason> reasons = reasons(Matcher.match(identity(sgxCondition()), claims, security));

    assertThat(reasons)
        .extracting(Reason::code, Reason::field)
        .containsExactly(
            tuple(ReasonCode.DEBUG_NOT_TOLERATED, "security.tolerate"),
            tuple(ReasonCode.TCB_STATUS_NOT_TOLERATED, "security.tolerate"),
            tuple(ReasonCode.ADVISORY_NOT_IGNORED, "security.ignore_advisories"),
            tuple(ReasonCode.CLAIM_MISMATCH, "identity[0].sgx.mrenclave"),
            tuple(ReasonCode.CLAIM_MISMATCH, "identity[0].sgx.mrsigner"),
            tuple(ReasonCode.CLAIM_MISMATCH, "identity[0].sgx.isvprodid"),
            tuple(ReasonCode.CLAIM_BELOW_MINIMUM, "identity[0].sgx.isvsvn_min"));
    assertThat(reasons.get(1).message()).endsWith("missing \"outdated-tcb\")");
  }

  @Test
  void match_simulatedAndMismatched_reportsBoth() {
    VerifiedClaims claims = simulation().bytes("measurement", b32(0x99).value()).build();

    assertThat(codes(Matcher.match(identity(simulationCondition()), claims, Security.DEFAULT)))
        .containsExactly(ReasonCode.SIMULATION_NOT_TOLERATED, ReasonCode.CLAIM_MISMATCH);
  }

  @Test
  void match_doesNotDependOnTheOrderOfOtherPlatformsAlternatives() {
    List<PlatformCondition> alternatives =
        new ArrayList<>(List.of(tdxCondition(), snpCondition(), simulationCondition()));
    for (int i = 0; i <= alternatives.size(); i++) {
      List<PlatformCondition> withSgx = new ArrayList<>(alternatives);
      withSgx.add(i, sgxCondition());
      assertThat(Matcher.match(new ServiceIdentity(withSgx), sgx().build(), Security.DEFAULT))
          .isEqualTo(new MatchResult.Admitted(i));
    }
  }
}
