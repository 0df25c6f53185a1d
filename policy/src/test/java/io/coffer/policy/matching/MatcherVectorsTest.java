package io.coffer.policy.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.coffer.attestation.ClaimValue;
import io.coffer.attestation.Platform;
import io.coffer.attestation.TcbStatus;
import io.coffer.attestation.VerifiedClaims;
import io.coffer.policy.model.Bytes16;
import io.coffer.policy.model.Bytes32;
import io.coffer.policy.model.Bytes48;
import io.coffer.policy.model.PlatformCondition;
import io.coffer.policy.model.Security;
import io.coffer.policy.model.ServiceIdentity;
import io.coffer.policy.model.SgxCondition;
import io.coffer.policy.model.SimulationCondition;
import io.coffer.policy.model.SnpCondition;
import io.coffer.policy.model.SnpTcb;
import io.coffer.policy.model.TdxCondition;
import io.coffer.policy.model.Tolerance;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Matching claims from real verifications of the published vectors. */
class MatcherVectorsTest {

  // dcap-qvl's SGX quote, as its README and docs/attestation.md show it.
  private static final Bytes32 QVL_MRENCLAVE =
      Bytes32.fromHex("33d8736db756ed4997e04ba358d27833188f1932ff7b1d156904d3f560452fbb");
  private static final Bytes32 QVL_MRSIGNER =
      Bytes32.fromHex("815f42f11cf64430c30bab7816ba596a1da0130c3b028b673133a66cf9a3e0e6");

  private static final Bytes48 QVL_MRTD =
      Bytes48.fromHex(
          "91eb2b44d141d4ece09f0c75c2c53d247a3c68edd7fafe8a3520c942a604a407de03ae6dc5f87f27428b2538873118b7");
  private static final Bytes48 QVL_RTMR0 =
      Bytes48.fromHex(
          "44c0197b39157fdd7a4dcc44767f9d6b0bb3977c7a8e347b8492f827fe9d9e5c48aca29b220b80b6a540cf994b9bc9c0");
  private static final Bytes48 QVL_RTMR1 =
      Bytes48.fromHex(
          "0084452c01668329d4bc06acdf58a7205c26743304509973949e5619bf81a6a7aea8c323c173019b3093d54e579e9378");
  private static final Bytes48 QVL_RTMR2 =
      Bytes48.fromHex(
          "d833feef2cd945148aa38ead2c53e9b7f138190aaaebfc551dccd829fc207aa3ba80b70870d7330733642e01d48c3132");
  private static final Bytes48 ZEROS_48 = new Bytes48(new byte[48]);

  private static final Bytes48 TRUSTEE_MEASUREMENT =
      Bytes48.fromHex(
          "a1f3930413247bb38cfc171579ea3c12d5fe4901f0c792f63fd75d98f1ef827c23500644e0e692e6be917f9050d3d38c");
  private static final Bytes48 AZURE_MEASUREMENT =
      Bytes48.fromHex(
          "9ac48fcac8a2d88aeeff8d427ad4f2be0e3917c748a18bdf52cc317e7fe20308b459d5ef1a12e0c22944eb386d17c315");
  private static final Bytes48 TRUSTEE_ID_KEY_DIGEST =
      Bytes48.fromHex(
          "0356215882a825279a85b300b0b742931d113bf7e32dde2e50ffde7ec743ca491ecdd7f336dc28a6e0b2bb57af7a44a3");
  private static final SnpTcb MILAN_TCB = new SnpTcb(3, 0, 8, 115, OptionalInt.empty());

  private static VerifiedClaims qvlSgx;
  private static VerifiedClaims qvlSgxSignaturesOnly;
  private static VerifiedClaims zkdcapSgx;
  private static VerifiedClaims qvlTdx;
  private static VerifiedClaims zkdcapTdx;
  private static VerifiedClaims trusteeSnp;
  private static VerifiedClaims azureHcl;

  @BeforeAll
  static void verifyTheVectors() throws Exception {
    qvlSgx = VerifiedVectors.dcapQvlSgx();
    qvlSgxSignaturesOnly = VerifiedVectors.dcapQvlSgxSignaturesOnly();
    zkdcapSgx = VerifiedVectors.zkdcapSgx();
    qvlTdx = VerifiedVectors.dcapQvlTdx();
    zkdcapTdx = VerifiedVectors.zkdcapTdx();
    trusteeSnp = VerifiedVectors.trusteeSnp();
    azureHcl = VerifiedVectors.trusteeAzureHcl();
  }

  private static ServiceIdentity identity(PlatformCondition... alternatives) {
    return new ServiceIdentity(List.of(alternatives));
  }

  private static SgxCondition qvlEnclave() {
    return new SgxCondition(
        List.of(QVL_MRENCLAVE),
        Optional.of(QVL_MRSIGNER),
        OptionalInt.of(0),
        OptionalInt.of(0),
        OptionalInt.empty());
  }

  private static TdxCondition qvlTd(Bytes16 teeTcbSvnMin) {
    return new TdxCondition(
        Optional.of(QVL_MRTD),
        Optional.of(QVL_RTMR0),
        Optional.of(QVL_RTMR1),
        Optional.of(QVL_RTMR2),
        Optional.of(ZEROS_48),
        Optional.of(ZEROS_48),
        Optional.of(teeTcbSvnMin));
  }

  private static SnpCondition trusteeGuest(Bytes48 measurement, SnpTcb minTcb) {
    return new SnpCondition(
        Optional.of(measurement),
        Optional.of(new Bytes32(new byte[32])),
        Optional.of(TRUSTEE_ID_KEY_DIGEST),
        Optional.empty(),
        Optional.of(minTcb),
        OptionalInt.of(0));
  }

  // --- SGX: dcap-qvl, ConfigurationAndSWHardeningNeeded with INTEL-SA-00289 and INTEL-SA-00615 ---

  @Test
  void dcapQvlSgx_verifiesWithTheStatusAndAdvisoriesItsSourceStates() {
    assertThat(qvlSgx.tcbStatus()).isEqualTo(TcbStatus.CONFIGURATION_AND_SW_HARDENING_NEEDED);
    assertThat(qvlSgx.advisoryIds()).containsExactly("INTEL-SA-00289", "INTEL-SA-00615");
  }

  @Test
  void dcapQvlSgx_underTheDefaultSecurity_isRejectedForItsStatusAndEachAdvisory() {
    MatchResult result = Matcher.match(identity(qvlEnclave()), qvlSgx, Security.DEFAULT);

    assertThat(result.reasons())
        .extracting(Reason::code, Reason::actual)
        .containsExactly(
            tuple(ReasonCode.TCB_STATUS_NOT_TOLERATED, "ConfigurationAndSWHardeningNeeded"),
            tuple(ReasonCode.ADVISORY_NOT_IGNORED, "INTEL-SA-00289"),
            tuple(ReasonCode.ADVISORY_NOT_IGNORED, "INTEL-SA-00615"));
    // The example of docs/policy.md.
    assertThat(result.reasons())
        .extracting(Reason::toString)
        .containsExactly(
            "TCB_STATUS_NOT_TOLERATED: security.tolerate: tcbStatus is"
                + " ConfigurationAndSWHardeningNeeded, expected UpToDate or a tolerated status"
                + " (needs \"sw-hardening-needed\", \"configuration-needed\" tolerated; missing"
                + " \"sw-hardening-needed\", \"configuration-needed\")",
            "ADVISORY_NOT_IGNORED: security.ignore_advisories: advisory INTEL-SA-00289 applies to"
                + " the platform's TCB, expected it in ignore_advisories (a category tolerance alone"
                + " is not enough)",
            "ADVISORY_NOT_IGNORED: security.ignore_advisories: advisory INTEL-SA-00615 applies to"
                + " the platform's TCB, expected it in ignore_advisories (a category tolerance alone"
                + " is not enough)");
  }

  @Test
  void dcapQvlSgx_withBothCategories_andBothAdvisories_isAdmitted() {
    Security security =
        new Security(
            Set.of(Tolerance.SW_HARDENING_NEEDED, Tolerance.CONFIGURATION_NEEDED),
            Set.of("INTEL-SA-00289", "INTEL-SA-00615"));

    assertThat(Matcher.match(identity(qvlEnclave()), qvlSgx, security))
        .isEqualTo(new MatchResult.Admitted(0));
  }

  @Test
  void dcapQvlSgx_withBothCategories_butOneAdvisory_isRejectedForTheOther() {
    Security security =
        new Security(
            Set.of(Tolerance.SW_HARDENING_NEEDED, Tolerance.CONFIGURATION_NEEDED),
            Set.of("INTEL-SA-00289"));

    assertThat(Matcher.match(identity(qvlEnclave()), qvlSgx, security).reasons())
        .extracting(Reason::code, Reason::actual)
        .containsExactly(tuple(ReasonCode.ADVISORY_NOT_IGNORED, "INTEL-SA-00615"));
  }

  @Test
  void dcapQvlSgx_withOneCategoryOnly_isRejected() {
    Security security =
        new Security(
            Set.of(Tolerance.SW_HARDENING_NEEDED), Set.of("INTEL-SA-00289", "INTEL-SA-00615"));

    assertThat(Matcher.match(identity(qvlEnclave()), qvlSgx, security).reasons())
        .extracting(Reason::code)
        .containsExactly(ReasonCode.TCB_STATUS_NOT_TOLERATED);
  }

  @Test
  void dcapQvlSgx_againstAnotherEnclave_isRejectedNamingTheRealMrenclave() {
    SgxCondition other =
        new SgxCondition(
            List.of(Bytes32.fromHex("00".repeat(32))),
            Optional.of(QVL_MRSIGNER),
            OptionalInt.empty(),
            OptionalInt.of(1),
            OptionalInt.empty());
    Security security =
        new Security(
            Set.of(Tolerance.SW_HARDENING_NEEDED, Tolerance.CONFIGURATION_NEEDED),
            Set.of("INTEL-SA-00289", "INTEL-SA-00615"));

    assertThat(Matcher.match(identity(other), qvlSgx, security).reasons())
        .extracting(Reason::code, Reason::field, Reason::actual)
        .containsExactly(
            tuple(ReasonCode.CLAIM_MISMATCH, "identity[0].sgx.mrenclave", QVL_MRENCLAVE.hex()),
            tuple(ReasonCode.CLAIM_BELOW_MINIMUM, "identity[0].sgx.isvsvn_min", "0"));
  }

  @Test
  void dcapQvlSgx_verifiedBySignaturesOnly_isNeverAdmitted() {
    assertThat(qvlSgxSignaturesOnly.tcbStatus()).isEqualTo(TcbStatus.UNKNOWN);

    assertThat(
            Matcher.match(
                    identity(qvlEnclave()),
                    qvlSgxSignaturesOnly,
                    new Security(
                        Set.of(Tolerance.values()), Set.of("INTEL-SA-00289", "INTEL-SA-00615")))
                .reasons())
        .extracting(Reason::code)
        .containsExactly(ReasonCode.TCB_STATUS_UNKNOWN);
  }

  // --- SGX: zkdcap, SWHardeningNeeded with INTEL-SA-00334 and INTEL-SA-00615 ---

  @Test
  void zkdcapSgx_needsSwHardeningAndItsAdvisories_andIsNotTheQvlEnclave() {
    assertThat(zkdcapSgx.tcbStatus()).isEqualTo(TcbStatus.SW_HARDENING_NEEDED);
    Security security =
        new Security(
            Set.of(Tolerance.SW_HARDENING_NEEDED), Set.of("INTEL-SA-00334", "INTEL-SA-00615"));

    assertThat(Matcher.match(identity(qvlEnclave()), zkdcapSgx, security).reasons())
        .extracting(Reason::code, Reason::field)
        .containsExactly(
            tuple(ReasonCode.CLAIM_MISMATCH, "identity[0].sgx.mrenclave"),
            tuple(ReasonCode.CLAIM_MISMATCH, "identity[0].sgx.mrsigner"));
  }

  // --- TDX: dcap-qvl UpToDate, zkdcap OutOfDate ---

  @Test
  void dcapQvlTdx_upToDate_matchingEveryRegister_isAdmittedByDefault() {
    assertThat(qvlTdx.tcbStatus()).isEqualTo(TcbStatus.UP_TO_DATE);

    assertThat(
            Matcher.match(
                identity(qvlEnclave(), qvlTd(Bytes16.fromHex("06010300000000000000000000000000"))),
                qvlTdx,
                Security.DEFAULT))
        .isEqualTo(new MatchResult.Admitted(1));
  }

  @Test
  void dcapQvlTdx_belowATeeTcbSvnMinimum_isRejected() {
    assertThat(
            Matcher.match(
                    identity(qvlTd(Bytes16.fromHex("06010400000000000000000000000000"))),
                    qvlTdx,
                    Security.DEFAULT)
                .reasons())
        .singleElement()
        .satisfies(r -> {
          assertThat(r.code()).isEqualTo(ReasonCode.CLAIM_BELOW_MINIMUM);
          assertThat(r.actual()).isEqualTo("06010300000000000000000000000000");
          assertThat(r.message()).endsWith("(byte 2: 3 < 4)");
        });
  }

  @Test
  void zkdcapTdx_outOfDate_needsOutdatedTcb_andEachOfItsAdvisories() {
    assertThat(zkdcapTdx.tcbStatus()).isEqualTo(TcbStatus.OUT_OF_DATE);
    assertThat(zkdcapTdx.advisoryIds()).isNotEmpty();
    Bytes48 mrTd = new Bytes48(((ClaimValue.Bytes) zkdcapTdx.claims().get("mrTd")).value());
    TdxCondition td =
        new TdxCondition(
            Optional.of(mrTd),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty());

    MatchResult strict = Matcher.match(identity(td), zkdcapTdx, Security.DEFAULT);
    MatchResult tolerant =
        Matcher.match(
            identity(td),
            zkdcapTdx,
            new Security(Set.of(Tolerance.OUTDATED_TCB), Set.copyOf(zkdcapTdx.advisoryIds())));

    assertThat(strict.reasons().get(0).code()).isEqualTo(ReasonCode.TCB_STATUS_NOT_TOLERATED);
    assertThat(strict.reasons()).hasSize(1 + zkdcapTdx.advisoryIds().size());
    assertThat(tolerant).isEqualTo(new MatchResult.Admitted(0));
  }

  // --- SEV-SNP: trustee Milan report, and the same kind inside Azure's HCL report ---

  @Test
  void trusteeSnp_matchingMeasurementAndMinimumTcb_isAdmittedWithoutTcbTolerances() {
    assertThat(trusteeSnp.tcbStatus()).isEqualTo(TcbStatus.UNKNOWN);

    assertThat(
            Matcher.match(
                identity(trusteeGuest(TRUSTEE_MEASUREMENT, MILAN_TCB)),
                trusteeSnp,
                Security.DEFAULT))
        .isEqualTo(new MatchResult.Admitted(0));
  }

  @Test
  void trusteeSnp_aboveItsTcb_orAskingForAnFmc_isRejected() {
    SnpTcb newer = new SnpTcb(3, 0, 8, 116, OptionalInt.of(0));

    assertThat(
            Matcher.match(
                    identity(trusteeGuest(TRUSTEE_MEASUREMENT, newer)),
                    trusteeSnp,
                    Security.DEFAULT)
                .reasons())
        .extracting(Reason::code, Reason::field)
        .containsExactly(
            tuple(ReasonCode.CLAIM_BELOW_MINIMUM, "identity[0].snp.min_tcb.microcode"),
            tuple(ReasonCode.CLAIM_MISSING, "identity[0].snp.min_tcb.fmc"));
  }

  @Test
  void azureHcl_isSnp_andMatchesOnlyItsOwnMeasurement() {
    assertThat(azureHcl.platform()).isEqualTo(Platform.SNP);

    assertThat(
            Matcher.match(
                identity(
                    trusteeGuest(TRUSTEE_MEASUREMENT, MILAN_TCB),
                    trusteeGuest(AZURE_MEASUREMENT, MILAN_TCB)),
                azureHcl,
                Security.DEFAULT))
        .isEqualTo(new MatchResult.Admitted(1));
    assertThat(
            Matcher.match(
                    identity(trusteeGuest(TRUSTEE_MEASUREMENT, MILAN_TCB)),
                    azureHcl,
                    Security.DEFAULT)
                .reasons())
        .extracting(Reason::code, Reason::actual)
        .containsExactly(tuple(ReasonCode.CLAIM_MISMATCH, AZURE_MEASUREMENT.hex()));
  }

  // --- across platforms ---

  @Test
  void realClaims_ofEachPlatform_matchNoOtherPlatformsAlternative() {
    ServiceIdentity simulationOnly = identity(new SimulationCondition(new Bytes32(new byte[32])));
    Security everything =
        new Security(
            Set.of(Tolerance.values()),
            Set.of(
                "INTEL-SA-00289",
                "INTEL-SA-00334",
                "INTEL-SA-00615",
                "INTEL-SA-00960",
                "INTEL-SA-00982",
                "INTEL-SA-00986"));
    for (VerifiedClaims claims :
        List.of(qvlSgx, zkdcapSgx, qvlTdx, zkdcapTdx, trusteeSnp, azureHcl)) {
      assertThat(Matcher.match(simulationOnly, claims, everything).reasons())
          .as(claims.toString())
          .extracting(Reason::code)
          .containsExactly(ReasonCode.NO_ALTERNATIVE_FOR_PLATFORM);
    }
    assertThat(Matcher.match(identity(qvlEnclave()), trusteeSnp, everything).reasons())
        .extracting(Reason::code)
        .containsExactly(ReasonCode.NO_ALTERNATIVE_FOR_PLATFORM);
  }

  @Test
  void simulatedEvidence_isAdmittedOnlyWithSimulationTolerated() throws Exception {
    byte[] measurement = new byte[32];
    measurement[0] = 7;
    VerifiedClaims claims = VerifiedVectors.simulated(measurement);
    ServiceIdentity id = identity(qvlEnclave(), new SimulationCondition(new Bytes32(measurement)));

    assertThat(Matcher.match(id, claims, Security.DEFAULT).reasons())
        .extracting(Reason::code)
        .containsExactly(ReasonCode.SIMULATION_NOT_TOLERATED);
    assertThat(Matcher.match(id, claims, new Security(Set.of(Tolerance.SIMULATION), Set.of())))
        .isEqualTo(new MatchResult.Admitted(1));
  }
}
