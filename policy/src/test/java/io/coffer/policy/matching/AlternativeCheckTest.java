package io.coffer.policy.matching;

import static io.coffer.policy.matching.TestClaims.b32;
import static io.coffer.policy.matching.TestClaims.b48;
import static io.coffer.policy.matching.TestClaims.sgx;
import static io.coffer.policy.matching.TestClaims.sgxCondition;
import static io.coffer.policy.matching.TestClaims.simulation;
import static io.coffer.policy.matching.TestClaims.simulationCondition;
import static io.coffer.policy.matching.TestClaims.snp;
import static io.coffer.policy.matching.TestClaims.snpCondition;
import static io.coffer.policy.matching.TestClaims.tdx;
import static io.coffer.policy.matching.TestClaims.tdxCondition;
import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.attestation.VerifiedClaims;
import io.coffer.policy.model.Bytes16;
import io.coffer.policy.model.PlatformCondition;
import io.coffer.policy.model.SgxCondition;
import io.coffer.policy.model.SnpTcb;
import io.coffer.policy.model.TdxCondition;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AlternativeCheckTest {

  private static Reason single(PlatformCondition alternative, VerifiedClaims claims) {
    List<Reason> reasons = AlternativeCheck.check(alternative, 2, claims);
    assertThat(reasons).hasSize(1);
    return reasons.get(0);
  }

  private static void assertReason(
      Reason r, ReasonCode code, String field, String claim, String expected, String actual) {
    assertThat(r.code()).isEqualTo(code);
    assertThat(r.field()).isEqualTo(field);
    assertThat(r.claim()).isEqualTo(claim);
    assertThat(r.expected()).isEqualTo(expected);
    assertThat(r.actual()).isEqualTo(actual);
  }

  @Test
  void check_matchingClaims_giveNoReason_onEveryPlatform() {
    assertThat(AlternativeCheck.check(sgxCondition(), 0, sgx().build())).isEmpty();
    assertThat(AlternativeCheck.check(tdxCondition(), 0, tdx().build())).isEmpty();
    assertThat(AlternativeCheck.check(snpCondition(), 0, snp().build())).isEmpty();
    assertThat(AlternativeCheck.check(simulationCondition(), 0, simulation().build())).isEmpty();
  }

  // --- SGX ---

  @Test
  void check_sgxMrsigner_mismatch() {
    assertReason(
        single(sgxCondition(), sgx().bytes("mrSigner", b32(0x99).value()).build()),
        ReasonCode.CLAIM_MISMATCH,
        "identity[2].sgx.mrsigner",
        "mrSigner",
        TestClaims.MR_SIGNER.hex(),
        b32(0x99).hex());
  }

  @Test
  void check_sgxIsvprodid_mismatch() {
    assertReason(
        single(sgxCondition(), sgx().number("isvProdId", 8).build()),
        ReasonCode.CLAIM_MISMATCH,
        "identity[2].sgx.isvprodid",
        "isvProdId",
        "7",
        "8");
  }

  @Test
  void check_sgxIsvsvn_outsideTheRange_belowOrAbove() {
    assertReason(
        single(sgxCondition(), sgx().number("isvSvn", 2).build()),
        ReasonCode.CLAIM_BELOW_MINIMUM,
        "identity[2].sgx.isvsvn_min",
        "isvSvn",
        "at least 3",
        "2");
    assertReason(
        single(sgxCondition(), sgx().number("isvSvn", 4).build()),
        ReasonCode.CLAIM_ABOVE_MAXIMUM,
        "identity[2].sgx.isvsvn_max",
        "isvSvn",
        "at most 3",
        "4");
  }

  @Test
  void check_sgxIsvsvn_atTheBoundsOfTheRange_matches() {
    SgxCondition range =
        new SgxCondition(
            List.of(TestClaims.MR_ENCLAVE),
            Optional.empty(),
            OptionalInt.empty(),
            OptionalInt.of(2),
            OptionalInt.of(4));
    for (int svn = 0; svn <= 6; svn++) {
      boolean inRange = svn >= 2 && svn <= 4;
      assertThat(AlternativeCheck.check(range, 0, sgx().number("isvSvn", svn).build()).isEmpty())
          .as("isvSvn %d", svn)
          .isEqualTo(inRange);
    }
  }

  @Test
  void check_hugeUnsignedClaim_isAboveTheMaximum_notBelowTheMinimum() {
    // -1 is 2^64 - 1 as the unsigned number claims carry.
    List<Reason> reasons =
        AlternativeCheck.check(sgxCondition(), 0, sgx().number("isvSvn", -1).build());

    assertThat(reasons).extracting(Reason::code).containsExactly(ReasonCode.CLAIM_ABOVE_MAXIMUM);
    assertThat(reasons.get(0).actual()).isEqualTo("18446744073709551615");
  }

  @Test
  void check_sgxConditionsLeftOut_areNotCompared() {
    SgxCondition onlySigner =
        new SgxCondition(
            List.of(),
            Optional.of(TestClaims.MR_SIGNER),
            OptionalInt.empty(),
            OptionalInt.empty(),
            OptionalInt.empty());

    assertThat(
            AlternativeCheck.check(onlySigner, 0, sgx("mrEnclave", "isvProdId", "isvSvn").build()))
        .isEmpty();
  }

  // --- TDX ---

  @Test
  void check_tdxMrtd_mismatch() {
    assertReason(
        single(tdxCondition(), tdx().bytes("mrTd", b48(0x99).value()).build()),
        ReasonCode.CLAIM_MISMATCH,
        "identity[2].tdx.mrtd",
        "mrTd",
        TestClaims.MR_TD.hex(),
        b48(0x99).hex());
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 2, 3})
  void check_tdxRtmr_mismatch(int index) {
    assertReason(
        single(tdxCondition(), tdx().bytes("rtmr" + index, b48(0x99).value()).build()),
        ReasonCode.CLAIM_MISMATCH,
        "identity[2].tdx.rtmr" + index,
        "rtmr" + index,
        TestClaims.rtmr(index).hex(),
        b48(0x99).hex());
  }

  @Test
  void check_tdxMrconfigid_mismatch() {
    assertReason(
        single(tdxCondition(), tdx().bytes("mrConfigId", b48(0x99).value()).build()),
        ReasonCode.CLAIM_MISMATCH,
        "identity[2].tdx.mrconfigid",
        "mrConfigId",
        TestClaims.MR_CONFIG_ID.hex(),
        b48(0x99).hex());
  }

  @Test
  void check_tdxTeeTcbSvn_isComparedByteByByte_notAsANumber() {
    // Byte 0 is higher than the minimum, byte 2 lower: a lexicographic comparison would accept it.
    Bytes16 claim = Bytes16.fromHex("07010200000000000000000000000000");

    assertReason(
        single(tdxCondition(), tdx().bytes("teeTcbSvn", claim.value()).build()),
        ReasonCode.CLAIM_BELOW_MINIMUM,
        "identity[2].tdx.tee_tcb_svn_min",
        "teeTcbSvn",
        "at least 06010300000000000000000000000000 byte by byte",
        "07010200000000000000000000000000");
    assertThat(single(tdxCondition(), tdx().bytes("teeTcbSvn", claim.value()).build()).message())
        .endsWith("(byte 2: 2 < 3)");
  }

  @Test
  void check_tdxTeeTcbSvn_bytesAreUnsigned() {
    Bytes16 high = Bytes16.fromHex("ff010300000000000000000000000000");
    TdxCondition min0x80 =
        new TdxCondition(
            Optional.of(TestClaims.MR_TD),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.of(Bytes16.fromHex("80000000000000000000000000000000")));

    assertThat(AlternativeCheck.check(min0x80, 0, tdx().bytes("teeTcbSvn", high.value()).build()))
        .isEmpty();
    assertThat(AlternativeCheck.check(min0x80, 0, tdx().build()))
        .extracting(Reason::code)
        .containsExactly(ReasonCode.CLAIM_BELOW_MINIMUM);
  }

  // --- SEV-SNP ---

  @Test
  void check_snpDigests_mismatch() {
    assertReason(
        single(snpCondition(), snp().bytes("measurement", b48(0x99).value()).build()),
        ReasonCode.CLAIM_MISMATCH,
        "identity[2].snp.measurement",
        "measurement",
        TestClaims.MEASUREMENT.hex(),
        b48(0x99).hex());
    assertReason(
        single(snpCondition(), snp().bytes("hostData", b32(0x99).value()).build()),
        ReasonCode.CLAIM_MISMATCH,
        "identity[2].snp.host_data",
        "hostData",
        TestClaims.HOST_DATA.hex(),
        b32(0x99).hex());
    assertReason(
        single(snpCondition(), snp().bytes("idKeyDigest", b48(0x99).value()).build()),
        ReasonCode.CLAIM_MISMATCH,
        "identity[2].snp.id_key_digest",
        "idKeyDigest",
        TestClaims.ID_KEY_DIGEST.hex(),
        b48(0x99).hex());
    assertReason(
        single(snpCondition(), snp().bytes("authorKeyDigest", b48(0x99).value()).build()),
        ReasonCode.CLAIM_MISMATCH,
        "identity[2].snp.author_key_digest",
        "authorKeyDigest",
        TestClaims.AUTHOR_KEY_DIGEST.hex(),
        b48(0x99).hex());
  }

  @ParameterizedTest
  @ValueSource(strings = {"Bootloader", "Tee", "Snp", "Microcode"})
  void check_snpReportedTcbComponent_belowTheMinimum(String component) {
    SnpTcb min = new SnpTcb(4, 5, 6, 7, OptionalInt.empty());
    VerifiedClaims.Builder claims =
        snp()
            .number("reportedTcbBootloader", 4)
            .number("reportedTcbTee", 5)
            .number("reportedTcbSnp", 6)
            .number("reportedTcbMicrocode", 7);
    assertThat(
            AlternativeCheck.check(
                snpCondition(Optional.of(min), OptionalInt.empty()), 0, claims.build()))
        .isEmpty();

    Reason r =
        single(
            snpCondition(Optional.of(min), OptionalInt.empty()),
            claims.number("reportedTcb" + component, 3).build());

    assertThat(r.code()).isEqualTo(ReasonCode.CLAIM_BELOW_MINIMUM);
    assertThat(r.field())
        .isEqualTo("identity[2].snp.min_tcb." + component.toLowerCase(java.util.Locale.ROOT));
    assertThat(r.claim()).isEqualTo("reportedTcb" + component);
    assertThat(r.actual()).isEqualTo("3");
  }

  @Test
  void check_snpMinFmc_onAReportWithoutFmc_isAMissingClaim() {
    SnpTcb withFmc = new SnpTcb(3, 0, 8, 115, OptionalInt.of(1));

    assertReason(
        single(snpCondition(Optional.of(withFmc), OptionalInt.empty()), snp().build()),
        ReasonCode.CLAIM_MISSING,
        "identity[2].snp.min_tcb.fmc",
        "reportedTcbFmc",
        "at least 1",
        "absent");
  }

  @Test
  void check_snpFmc_onTurin_isComparedWhenAMinimumIsGiven() {
    SnpTcb withFmc = new SnpTcb(3, 0, 8, 115, OptionalInt.of(2));
    VerifiedClaims turin = snp().number("reportedTcbFmc", 1).build();

    assertReason(
        single(snpCondition(Optional.of(withFmc), OptionalInt.empty()), turin),
        ReasonCode.CLAIM_BELOW_MINIMUM,
        "identity[2].snp.min_tcb.fmc",
        "reportedTcbFmc",
        "at least 2",
        "1");
    assertThat(AlternativeCheck.check(snpCondition(), 0, turin)).isEmpty();
  }

  @Test
  void check_snpVmpl_aboveTheMaximum() {
    assertReason(
        single(snpCondition(), snp().number("vmpl", 1).build()),
        ReasonCode.CLAIM_ABOVE_MAXIMUM,
        "identity[2].snp.vmpl_max",
        "vmpl",
        "at most 0",
        "1");
    assertThat(
            AlternativeCheck.check(
                snpCondition(Optional.empty(), OptionalInt.of(3)),
                0,
                snp().number("vmpl", 3).build()))
        .isEmpty();
  }

  @Test
  void check_everyFailingConditionOfOneAlternative_isReported() {
    VerifiedClaims claims =
        snp("hostData")
            .bytes("measurement", b48(0x99).value())
            .number("vmpl", 2)
            .number("reportedTcbSnp", 1)
            .build();

    assertThat(AlternativeCheck.check(snpCondition(), 0, claims))
        .extracting(Reason::field)
        .containsExactly(
            "identity[0].snp.measurement",
            "identity[0].snp.host_data",
            "identity[0].snp.min_tcb.snp",
            "identity[0].snp.vmpl_max");
  }

  // --- simulation ---

  @Test
  void check_simulationMeasurement_mismatch() {
    assertReason(
        single(simulationCondition(), simulation().bytes("measurement", b32(0x99).value()).build()),
        ReasonCode.CLAIM_MISMATCH,
        "identity[2].simulation.measurement",
        "measurement",
        TestClaims.SIM_MEASUREMENT.hex(),
        b32(0x99).hex());
  }
}
