package io.coffer.attestation.intel;

import static io.coffer.attestation.intel.DcapVectors.DCAP_QVL_SGX;
import static io.coffer.attestation.intel.DcapVectors.DCAP_QVL_TDX;
import static io.coffer.attestation.intel.DcapVectors.DCAP_QVL_TDX_V5;
import static io.coffer.attestation.intel.DcapVectors.GO_T0;
import static io.coffer.attestation.intel.DcapVectors.GO_TDX_V4;
import static io.coffer.attestation.intel.DcapVectors.GO_TDX_V5;
import static io.coffer.attestation.intel.DcapVectors.MOBILECOIN;
import static io.coffer.attestation.intel.DcapVectors.ZKDCAP_SGX;
import static io.coffer.attestation.intel.DcapVectors.ZKDCAP_TDX;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.coffer.attestation.AttestationException;
import io.coffer.attestation.AttestationException.Reason;
import io.coffer.attestation.ClaimValue;
import io.coffer.attestation.Collateral;
import io.coffer.attestation.Collateral.JsonKind;
import io.coffer.attestation.Platform;
import io.coffer.attestation.TcbStatus;
import io.coffer.attestation.VerificationOptions;
import io.coffer.attestation.VerifiedClaims;
import io.coffer.attestation.testing.Vectors;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every published SGX and TDX vector, with the outcome its source states (see the READMEs next to
 * the vectors). Where a source states nothing, the test says what Intel's rules give and why.
 */
class DcapVectorsTest {

  private static final HexFormat HEX = HexFormat.of();

  private static String hex(VerifiedClaims claims, String name) {
    return ((ClaimValue.Bytes) claims.claim(name).orElseThrow()).hex();
  }

  private static long number(VerifiedClaims claims, String name) {
    return ((ClaimValue.Number) claims.claim(name).orElseThrow()).value();
  }

  private static byte[] padded(byte[] prefix) {
    return Arrays.copyOf(prefix, 64);
  }

  private static Reason reasonOf(ThrowingVerification v) {
    try {
      v.run();
    } catch (AttestationException e) {
      return e.reason();
    }
    throw new AssertionError("verification succeeded");
  }

  @FunctionalInterface
  private interface ThrowingVerification {
    void run() throws AttestationException;
  }

  // --- dcap-qvl SGX v3 -------------------------------------------------------------------------

  @Test
  void dcapQvlSgx_isConfigurationAndSwHardeningNeeded_withItsAdvisories() throws Exception {
    VerifiedClaims claims = DCAP_QVL_SGX.verify();

    assertThat(claims.platform()).isEqualTo(Platform.SGX);
    assertThat(claims.tcbStatus()).isEqualTo(TcbStatus.CONFIGURATION_AND_SW_HARDENING_NEEDED);
    assertThat(claims.advisoryIds()).containsExactly("INTEL-SA-00289", "INTEL-SA-00615");
    assertThat(hex(claims, "mrEnclave"))
        .isEqualTo("33d8736db756ed4997e04ba358d27833188f1932ff7b1d156904d3f560452fbb");
    assertThat(hex(claims, "mrSigner"))
        .isEqualTo("815f42f11cf64430c30bab7816ba596a1da0130c3b028b673133a66cf9a3e0e6");
    assertThat(hex(claims, "attributes")).isEqualTo("0500000000000000e700000000000000");
    assertThat(number(claims, "isvProdId")).isZero();
    assertThat(number(claims, "isvSvn")).isZero();
    assertThat(claims.reportData())
        .isEqualTo(padded("Hello, world!".getBytes(StandardCharsets.US_ASCII)));
    assertThat(number(claims, "quoteVersion")).isEqualTo(3);
    assertThat(claims.debug()).isFalse();
    assertThat(hex(claims, "fmspc")).isEqualTo("00a067110000");
    assertThat(claims.collateralValidUntil()).contains(Instant.parse("2025-07-19T10:01:18Z"));
  }

  @Test
  void dcapQvlSgx_atTheOlderFixedInstant_isRefused_becauseItsCollateralIsNotYetIssued() {
    // The older revision's instant precedes the PCK CRL's thisUpdate and the TCB info's issueDate.
    assertThat(reasonOf(() -> DCAP_QVL_SGX.at(Instant.ofEpochSecond(1750320802L)).verify()))
        .isEqualTo(Reason.COLLATERAL_EXPIRED);
  }

  // --- zkdcap SGX v3 and TDX v4 ----------------------------------------------------------------

  @Test
  void zkdcapSgx_isSwHardeningNeeded_withTheSourcesValidityWindow() throws Exception {
    VerifiedClaims claims = ZKDCAP_SGX.verify();

    assertThat(claims.platform()).isEqualTo(Platform.SGX);
    assertThat(claims.tcbStatus()).isEqualTo(TcbStatus.SW_HARDENING_NEEDED);
    assertThat(claims.advisoryIds()).containsExactly("INTEL-SA-00334", "INTEL-SA-00615");
    assertThat(hex(claims, "fmspc")).isEqualTo("00906ed50000");
    assertThat(number(claims, "quoteVersion")).isEqualTo(3);
    assertThat(claims.collateralValidFrom()).contains(Instant.ofEpochSecond(1737456351L));
    assertThat(claims.collateralValidUntil()).contains(Instant.ofEpochSecond(1740048100L));
    assertThat(hex(claims, "mrEnclave"))
        .isEqualTo("dca1a1841ab2e3fa7025c1d175d2c947df760b3baa4a9a0f30f4fd05718fcfe3");
  }

  @Test
  void zkdcapTdx_isOutOfDate() throws Exception {
    VerifiedClaims claims = ZKDCAP_TDX.verify();

    assertThat(claims.platform()).isEqualTo(Platform.TDX);
    assertThat(claims.tcbStatus()).isEqualTo(TcbStatus.OUT_OF_DATE);
    // Not stated by the source: the advisories of the matching platform level (Intel's rules).
    assertThat(claims.advisoryIds())
        .containsExactly("INTEL-SA-00960", "INTEL-SA-00982", "INTEL-SA-00986");
    assertThat(hex(claims, "teeTcbSvn")).isEqualTo("04010700000000000000000000000000");
    assertThat(hex(claims, "mrTd"))
        .isEqualTo(
            "935be7742dd89c6a4df6dba8353d89041ae0f052beef993b1e7f4524d3bc5765"
                + "0df20e5582158352e1240b3f1fed55d8");
  }

  // --- dcap-qvl TDX v4 and v5 ------------------------------------------------------------------

  @Test
  void dcapQvlTdx_isUpToDate_withoutAdvisories_andTheSnapshotsMeasurements() throws Exception {
    VerifiedClaims claims = DCAP_QVL_TDX.verify();

    assertThat(claims.tcbStatus()).isEqualTo(TcbStatus.UP_TO_DATE);
    assertThat(claims.advisoryIds()).isEmpty();
    assertThat(hex(claims, "mrTd"))
        .isEqualTo(
            "91eb2b44d141d4ece09f0c75c2c53d247a3c68edd7fafe8a3520c942a604a407"
                + "de03ae6dc5f87f27428b2538873118b7");
    assertThat(hex(claims, "rtmr0"))
        .isEqualTo(
            "44c0197b39157fdd7a4dcc44767f9d6b0bb3977c7a8e347b8492f827fe9d9e5c"
                + "48aca29b220b80b6a540cf994b9bc9c0");
    assertThat(hex(claims, "rtmr1"))
        .isEqualTo(
            "0084452c01668329d4bc06acdf58a7205c26743304509973949e5619bf81a6a7"
                + "aea8c323c173019b3093d54e579e9378");
    assertThat(hex(claims, "rtmr2"))
        .isEqualTo(
            "d833feef2cd945148aa38ead2c53e9b7f138190aaaebfc551dccd829fc207aa3"
                + "ba80b70870d7330733642e01d48c3132");
    assertThat(hex(claims, "rtmr3")).isEqualTo("0".repeat(96));
    assertThat(hex(claims, "mrSeam"))
        .isEqualTo(
            "5b38e33a6487958b72c3c12a938eaa5e3fd4510c51aeeab58c7d5ecee41d7c43"
                + "6489d6c8e4f92f160b7cad34207b00c1");
    assertThat(hex(claims, "teeTcbSvn")).isEqualTo("06010300000000000000000000000000");
    assertThat(hex(claims, "tdAttributes")).isEqualTo("0000001000000000");
    assertThat(hex(claims, "xfam")).isEqualTo("e702060000000000");
    assertThat(HEX.formatHex(claims.reportData()))
        .isEqualTo(
            "9a9d48e7f6799642d3d1b34e1e5e1742d4bb02dd6ddd551862c1211d35c304f9"
                + "eca3efdbb481601c163cf52493d6e44aed55d51ec39b7e518fadb92c2b523f20");
    assertThat(claims.debug()).isFalse();
  }

  @Test
  void dcapQvlTdxV5_unmodified_hasNoMatchingTcbLevel_underIntelsComponentRule() {
    // Not stated by the source. SGX component 8 of the PCK certificate (3) is below every level's
    // (5), so by Intel's component-wise comparison no level matches.
    assertThatThrownBy(DCAP_QVL_TDX_V5::verify)
        .isInstanceOf(AttestationException.class)
        .extracting(e -> ((AttestationException) e).reason())
        .isEqualTo(Reason.NO_MATCHING_TCB_LEVEL);
  }

  @Test
  void dcapQvlTdxV5_signaturesAndChain_verify_withTheTd15Claims() throws Exception {
    VerifiedClaims claims = DCAP_QVL_TDX_V5.verifySignatures();

    assertThat(number(claims, "quoteVersion")).isEqualTo(5);
    assertThat(hex(claims, "teeTcbSvn2")).isEqualTo("0d010300000000000000000000000000");
    assertThat(hex(claims, "mrServiceTd")).isEqualTo("0".repeat(96));
    assertThat(hex(claims, "mrTd"))
        .isEqualTo(
            "273828c46252fcbdd8ad2dd907130222b03466d52a2911d70c1a5950895d6bd1"
                + "ae451d382d5a9b1b4c0ed0e5ae9a3dbd");
  }

  @Test
  void dcapQvlTdxV5_withTheSourcesOverride_isUpToDate() throws Exception {
    // The source's test: every level set to UpToDate and an all-zero UpToDate level inserted
    // first, after the signatures were checked.
    Collateral c = DCAP_QVL_TDX_V5.loadCollateral();
    ObjectNode info = tcbInfoJson(c);
    ArrayNode levels = (ArrayNode) info.get("tcbLevels");
    levels.forEach(l -> ((ObjectNode) l).put("tcbStatus", "UpToDate"));
    ObjectNode zero = levels.get(0).deepCopy();
    ObjectNode tcb = (ObjectNode) zero.get("tcb");
    tcb.put("pcesvn", 0);
    for (String kind : List.of("sgxtcbcomponents", "tdxtcbcomponents")) {
      tcb.get(kind).forEach(component -> ((ObjectNode) component).put("svn", 0));
    }
    levels.insert(0, zero);

    TcbEvaluation.Result r = evaluateTdx(DCAP_QVL_TDX_V5, c, info);

    assertThat(r.status()).isEqualTo(TcbStatus.UP_TO_DATE);
  }

  // --- go-tdx-guest v4 -------------------------------------------------------------------------

  @Test
  void goTdxV4_withoutCollateral_verifies_withTheDeepCheckValues() throws Exception {
    VerifiedClaims claims = GO_TDX_V4.with(List.of()).verifySignatures();

    assertThat(claims.tcbStatus()).isEqualTo(TcbStatus.UNKNOWN);
    assertThat(hex(claims, "teeTcbSvn")).isEqualTo("03000400000000000000000000000000");
    assertThat(hex(claims, "mrSeam"))
        .isEqualTo(
            "2fd279c16164a93dd5bf373d834328d46008c2b693af9ebb865b08b2ced320c9"
                + "a89b4869a9fab60fbe9d0c5a5363c656");
    assertThat(hex(claims, "tdAttributes")).isEqualTo("0000004000000000");
    assertThat(hex(claims, "xfam")).isEqualTo("e71a060000000000");
    assertThat(hex(claims, "mrTd"))
        .isEqualTo(
            "6363b8043668a3ad953278e10389574d326c6749fb78aa810ecd9336923db86f"
                + "22fc00b8dcd404bc10d5e119d7215cbb");
    assertThat(hex(claims, "mrConfigId")).isEqualTo("0".repeat(96));
    assertThat(hex(claims, "mrOwner")).isEqualTo("0".repeat(96));
    assertThat(hex(claims, "mrOwnerConfig")).isEqualTo("0".repeat(96));
    assertThat(hex(claims, "rtmr0"))
        .isEqualTo(
            "2927da70461cd63266f43230cc1849c03ef25ebe490062a801d8fcc80af42976"
                + "823adf08f833c1e50b51779c6593f32a");
    assertThat(hex(claims, "rtmr1"))
        .isEqualTo(
            "2c700b8ba9b85783f8be9fb9443647bdc0bb3c50747f06297cc6538c25a5f589"
                + "c4b56d035c59107c6bc5800db2cacb61");
    assertThat(hex(claims, "rtmr2"))
        .isEqualTo(
            "8652f0caaba7e215ea442dc36a4499d8fec3362f3a0b2ca151cbe4b3e6466fe5"
                + "9c7368b3c2287fc7c3bf5c924eb4424e");
    assertThat(hex(claims, "rtmr3")).isEqualTo("0".repeat(96));
    assertThat(HEX.formatHex(claims.reportData()))
        .isEqualTo(
            "6c62dec1b8191749a31dab490be532a35944dea47caef1f980863993d9899545"
                + "eb7406a38d1eed313b987a467dacead6f0c87a6d766c66f6f29f8acb281f1113");
    assertThat(hex(claims, "fmspc")).isEqualTo("50806f000000");
    assertThat(number(claims, "pceSvn")).isEqualTo(11);
  }

  @Test
  void goTdxV4_withItsCollateral_hasNoMatchingTcbLevel() {
    assertThat(reasonOf(GO_TDX_V4::verify)).isEqualTo(Reason.NO_MATCHING_TCB_LEVEL);
  }

  @Test
  void goTdxV4_withLevelZerosSvnsZeroed_isUpToDate() throws Exception {
    // TestSupportedTcbLevelsFromCollateral zeroes the SVNs of the first level in memory.
    Collateral c = GO_TDX_V4.loadCollateral();
    ObjectNode info = tcbInfoJson(c);
    ObjectNode tcb = (ObjectNode) info.get("tcbLevels").get(0).get("tcb");
    tcb.put("pcesvn", 0);
    for (String kind : List.of("sgxtcbcomponents", "tdxtcbcomponents")) {
      tcb.get(kind).forEach(component -> ((ObjectNode) component).put("svn", 0));
    }

    assertThat(evaluateTdx(GO_TDX_V4, c, info).status()).isEqualTo(TcbStatus.UP_TO_DATE);
  }

  @Test
  void goTdxV4_in2053_isRefused_becauseThePckChainHasExpired() {
    assertThat(
            reasonOf(() ->
                GO_TDX_V4
                    .with(List.of())
                    .at(Instant.parse("2053-07-01T01:00:00Z"))
                    .verifySignatures()))
        .isEqualTo(Reason.PCK_CHAIN_INVALID);
  }

  @ParameterizedTest(name = "byte {0} := {1} -> {2}")
  @CsvSource({
    "0x0000, 0x03, UNSUPPORTED_VERSION",
    "0x0278, 0x10, MALFORMED_EVIDENCE",
    "0x1343, 0x32, PCK_CHAIN_INVALID",
    "0x1329, 0x32, PCK_CHAIN_INVALID",
    "0x0F5F, 0x32, PCK_CHAIN_INVALID",
    "0x0B77, 0x32, PCK_CHAIN_INVALID",
    "0x001E, 0x32, QUOTE_SIGNATURE_INVALID",
    "0x003C, 0x32, QUOTE_SIGNATURE_INVALID"
  })
  void goTdxV4_negativeCases_areRefused_byTheRightCheck(String offset, String value, Reason reason)
      throws Exception {
    byte[] quote = GO_TDX_V4.quoteBytes();
    quote[Integer.decode(offset)] = (byte) (int) Integer.decode(value);

    assertThat(
            reasonOf(() ->
                GO_TDX_V4.verify(
                    quote, Collateral.empty(), VerificationOptions.at(GO_T0).signaturesOnly())))
        .isEqualTo(reason);
  }

  // --- go-tdx-guest v5 and COS
  // --------------------------------------------------------------------

  @Test
  void goTdxV5_withoutCollateral_verifiesAtT5() throws Exception {
    VerifiedClaims claims = GO_TDX_V5.verifySignatures();

    assertThat(number(claims, "quoteVersion")).isEqualTo(5);
    assertThat(hex(claims, "mrTd"))
        .isEqualTo(
            "7348651a34b2d2d3462822e3a750ec6110125f36757c78480bbfc69cc0d21fb0"
                + "01a1ced3ee19747dda8f750c3bc8f876");
    assertThat(HEX.formatHex(claims.reportData()))
        .isEqualTo(
            "945eaacf5abc1f719d8666a942fda03d1edcb4490277396093dc5a5289ab9f1e"
                + "094aed63060cd4a4933a4dd537ed1255c9c79ecb3ed82cd1b486233e31c25c3a");
    assertThat(claims.claims()).containsKeys("teeTcbSvn2", "mrServiceTd");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "truncated to 100 bytes, MALFORMED_EVIDENCE",
    "body type 1, MALFORMED_EVIDENCE",
    "body size 999, MALFORMED_EVIDENCE",
    "body type 2 with a 648-byte body, MALFORMED_EVIDENCE"
  })
  void goTdxV5_negativeParses_areRefused(String change, Reason reason) {
    byte[] quote = GO_TDX_V5.quoteBytes();
    switch (change) {
      case "truncated to 100 bytes" -> quote = Arrays.copyOf(quote, 100);
      case "body type 1" -> quote[0x30] = 1;
      case "body size 999" -> {
        quote[50] = (byte) 0xe7;
        quote[51] = 0x03;
        quote[52] = 0;
        quote[53] = 0;
      }
      default -> quote[48] = 2;
    }
    byte[] q = quote;

    assertThat(
            reasonOf(() ->
                GO_TDX_V5.verify(
                    q,
                    Collateral.empty(),
                    VerificationOptions.at(DcapVectors.GO_T5).signaturesOnly())))
        .isEqualTo(reason);
  }

  @Test
  void goTdxV5_fullVerification_needsCrls() {
    assertThat(
            reasonOf(() ->
                GO_TDX_V5
                    .plus(
                        "tdx/go-tdx-guest-v5/sample_tcbinfo_response_v5",
                        "tdx/go-tdx-guest-v5/sample_qeIdentity_response",
                        "tdx/go-tdx-guest-v5/tcbInfoIssuerChain.pem")
                    .verify()))
        .isEqualTo(Reason.COLLATERAL_MISSING);
  }

  @Test
  void cos113Quote_verifies_andItsReportDataIsTheNonce() throws Exception {
    DcapVectors.Case cos =
        new DcapVectors.Case(
            "tdx/go-tdx-guest-cos113/cos-113-tdx-quote.dat",
            List.of(),
            // The source uses the wall clock; any instant inside the PCK chain's validity will do.
            Instant.parse("2025-06-01T00:00:00Z"));

    VerifiedClaims claims = cos.verifySignatures();

    assertThat(claims.reportData()).isEqualTo(Vectors.bytes("tdx/go-tdx-guest-cos113/nonce.dat"));
    assertThat(hex(claims, "fmspc")).isEqualTo("00806f050000");
  }

  // --- trustee ---------------------------------------------------------------------------------

  @Test
  void trusteeTdxQuote4_hasTheSourcesClaims() throws Exception {
    VerifiedClaims claims =
        new DcapVectors.Case(
                "tdx/trustee-tdx/tdx_quote_4.dat", List.of(), Instant.parse("2025-01-01T00:00:00Z"))
            .verifySignatures();
    JsonNode body =
        new ObjectMapper()
            .readTree(Vectors.bytes("tdx/trustee-tdx/parse_tdx_claims_expected.json"))
            .get("quote")
            .get("body");
    Map<String, String> names =
        Map.ofEntries(
            Map.entry("mr_config_id", "mrConfigId"),
            Map.entry("mr_owner", "mrOwner"),
            Map.entry("mr_owner_config", "mrOwnerConfig"),
            Map.entry("mr_seam", "mrSeam"),
            Map.entry("mr_td", "mrTd"),
            Map.entry("mrsigner_seam", "mrSignerSeam"),
            Map.entry("report_data", "reportData"),
            Map.entry("rtmr_0", "rtmr0"),
            Map.entry("rtmr_1", "rtmr1"),
            Map.entry("rtmr_2", "rtmr2"),
            Map.entry("rtmr_3", "rtmr3"),
            Map.entry("seam_attributes", "seamAttributes"),
            Map.entry("tcb_svn", "teeTcbSvn"),
            Map.entry("td_attributes", "tdAttributes"),
            Map.entry("xfam", "xfam"));

    assertThat(body.size()).isEqualTo(names.size());
    names.forEach((source, claim) ->
        assertThat(hex(claims, claim)).as(claim).isEqualTo(body.get(source).asText()));
    assertThat(claims.debug()).isTrue();
    assertThat(number(claims, "quoteVersion")).isEqualTo(4);
  }

  @Test
  void trusteeTdxQuote5_isVersion5_andVerifies() throws Exception {
    VerifiedClaims claims =
        new DcapVectors.Case(
                "tdx/trustee-tdx/tdx_quote_5.dat", List.of(), Instant.parse("2026-02-01T00:00:00Z"))
            .verifySignatures();

    assertThat(number(claims, "quoteVersion")).isEqualTo(5);
    assertThat(hex(claims, "fmspc")).isEqualTo("90c06f000000");
  }

  @Test
  void trusteeTdxQuote6_withoutCrlsOrSigningChain_cannotBeFullyVerified() {
    DcapVectors.Case six =
        new DcapVectors.Case(
            "tdx/trustee-tdx/tdx_quote_6.dat",
            List.of("tdx/trustee-tdx/tcbInfo.json", "tdx/trustee-tdx/enclaveIdentity.json"),
            Instant.parse("2025-11-01T00:00:00Z"));

    assertThat(reasonOf(six::verify)).isEqualTo(Reason.COLLATERAL_MISSING);
  }

  @Test
  void azureTdxQuote_verifies() throws Exception {
    VerifiedClaims claims =
        new DcapVectors.Case(
                "tdx/trustee-tdx/az-tdx-vtpm-td-quote.bin",
                List.of(),
                Instant.parse("2025-01-01T00:00:00Z"))
            .verifySignatures();

    assertThat(hex(claims, "fmspc")).isEqualTo("00806f050000");
  }

  @Test
  void trusteeOcclumSgxQuote_hasTheSourcesClaims_andIsADebugEnclave() throws Exception {
    VerifiedClaims claims =
        new DcapVectors.Case(
                "sgx/trustee-occlum-sgx-v3/occlum_quote.dat",
                List.of(),
                Instant.parse("2025-01-01T00:00:00Z"))
            .verifySignatures();

    assertThat(hex(claims, "cpuSvn")).isEqualTo("06060c0cffff00000000000000000000");
    assertThat(hex(claims, "miscSelect")).isEqualTo("01000000");
    assertThat(hex(claims, "attributes")).isEqualTo("0700000000000000e700000000000000");
    assertThat(hex(claims, "mrEnclave"))
        .isEqualTo("8f173e4613ff05c52aaf04162d234edae8c9977eae47eb2299ae16a553011c68");
    assertThat(hex(claims, "mrSigner"))
        .isEqualTo("83d719e77deaca1470f6baf62a4d774303c899db69020f9c70ee1dfc08c7ce9e");
    assertThat(number(claims, "isvProdId")).isZero();
    assertThat(number(claims, "isvSvn")).isZero();
    assertThat(number(claims, "configSvn")).isZero();
    assertThat(hex(claims, "configId")).isEqualTo("0".repeat(128));
    assertThat(hex(claims, "isvFamilyId")).isEqualTo("0".repeat(32));
    assertThat(claims.reportData()).isEqualTo(padded("test".getBytes(StandardCharsets.US_ASCII)));
    assertThat(claims.debug()).isTrue();
    assertThat(number(claims, "qeSvn")).isEqualTo(8);
  }

  // --- mobilecoin ------------------------------------------------------------------------------

  @Test
  void mobilecoinQuote_verifies_withItsCrls() throws Exception {
    VerifiedClaims claims = MOBILECOIN.verifySignatures();

    assertThat(hex(claims, "mrEnclave"))
        .isEqualTo("1dd0df84810e53e26b2b167dfe0f97cc4364085fe0bd41d5e18a759c21d5c189");
    assertThat(claims.debug()).isTrue();
    assertThat(claims.reportData()).isEqualTo(new byte[64]);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "QE report byte 564, QE_REPORT_SIGNATURE_INVALID",
    "ISV report byte 48, QUOTE_SIGNATURE_INVALID",
    "attestation key replaced by the PCK key, QE_REPORT_DATA_MISMATCH",
    "attestation key byte 500, QE_REPORT_DATA_MISMATCH"
  })
  void mobilecoinQuote_mutations_areRefused(String change, Reason reason) throws Exception {
    byte[] quote = MOBILECOIN.quoteBytes();
    switch (change) {
      case "QE report byte 564" -> quote[564]++;
      case "ISV report byte 48" -> quote[48]++;
      case "attestation key byte 500" -> quote[500]++;
      default -> {
        var leaf =
            (java.security.interfaces.ECPublicKey)
                java.security.cert.CertificateFactory.getInstance("X.509")
                    .generateCertificate(
                        new java.io.ByteArrayInputStream(
                            Vectors.bytes("sgx/mobilecoin-hw-quote-v3/leaf_cert.der")))
                    .getPublicKey();
        byte[] x = unsigned32(leaf.getW().getAffineX());
        byte[] y = unsigned32(leaf.getW().getAffineY());
        System.arraycopy(x, 0, quote, 500, 32);
        System.arraycopy(y, 0, quote, 532, 32);
      }
    }

    assertThat(
            reasonOf(() ->
                MOBILECOIN.verify(
                    quote,
                    MOBILECOIN.loadCollateral(),
                    VerificationOptions.at(MOBILECOIN.at()).signaturesOnly())))
        .isEqualTo(reason);
  }

  private static byte[] unsigned32(java.math.BigInteger v) {
    byte[] b = v.toByteArray();
    byte[] out = new byte[32];
    int n = Math.min(32, b.length);
    System.arraycopy(b, b.length - n, out, 32 - n, n);
    return out;
  }

  // --- Intel's synthetic sample data (its own test root) ---------------------------------------

  @Test
  void intelSampleSgx_withItsRoot_verifies_withThePckCertificateFromTheCollateral()
      throws Exception {
    String d = "sgx/intel-qvl-sampledata-sgx/";
    DcapVerifier verifier =
        new DcapVerifier(DcapVectors.anchorsWithRoot(d + "trustedRootCaCert.pem"));
    DcapVectors.Case sample = intelSample(d);

    VerifiedClaims claims =
        verifier.verify(
            sample.evidence(sample.quoteBytes()),
            sample.loadCollateral(),
            VerificationOptions.at(sample.at()));

    // Not stated by the source (it has no expectations). By Intel's rules: the PCK certificate's
    // components reach the first UpToDate level and the QE's ISVSVN 1 its UpToDate level.
    assertThat(claims.tcbStatus()).isEqualTo(TcbStatus.UP_TO_DATE);
    assertThat(hex(claims, "mrEnclave")).isEqualTo("0".repeat(64));
    // The QVE identity beside it describes Intel's verification enclave: it is not used.
    DcapVectors.Case withQve = sample.plus(d + "qveIdentity.json");
    assertThat(
            verifier
                .verify(
                    withQve.evidence(withQve.quoteBytes()),
                    withQve.loadCollateral(),
                    VerificationOptions.at(withQve.at()))
                .tcbStatus())
        .isEqualTo(TcbStatus.UP_TO_DATE);
  }

  @Test
  void intelSampleSgx_isRefused_byTheProductionRoot() {
    DcapVectors.Case sample = intelSample("sgx/intel-qvl-sampledata-sgx/");

    assertThat(reasonOf(sample::verify)).isEqualTo(Reason.PCK_CHAIN_INVALID);
  }

  @Test
  void intelSampleSgx_withoutItsPckCertificate_lacksCollateral() throws Exception {
    String d = "sgx/intel-qvl-sampledata-sgx/";
    DcapVerifier verifier =
        new DcapVerifier(DcapVectors.anchorsWithRoot(d + "trustedRootCaCert.pem"));
    DcapVectors.Case sample = intelSample(d);
    DcapVectors.Case without =
        sample.with(sample.collateral().stream().filter(f -> !f.endsWith("pckCert.pem")).toList());

    assertThat(
            reasonOf(() ->
                verifier.verify(
                    without.evidence(without.quoteBytes()),
                    without.loadCollateral(),
                    VerificationOptions.at(without.at()))))
        .isEqualTo(Reason.COLLATERAL_MISSING);
  }

  @Test
  void intelSampleTdx_derChainVerifies_butItsIdentityAndTcbInfoAreRefused() throws Exception {
    String d = "tdx/intel-qvl-sampledata-tdx/";
    DcapVerifier verifier =
        new DcapVerifier(DcapVectors.anchorsWithRoot(d + "trustedRootCaCert.pem"));
    DcapVectors.Case sample = intelSample(d);
    VerificationOptions signatures = VerificationOptions.at(sample.at()).signaturesOnly();
    Collateral crls =
        sample.with(List.of(d + "rootCaCrl.der", d + "intermediateCaCrl.der")).loadCollateral();

    VerifiedClaims claims = verifier.verify(sample.evidence(sample.quoteBytes()), crls, signatures);
    assertThat(claims.platform()).isEqualTo(Platform.TDX);
    // The sample's TD_QE identity names another MRSIGNER than its QE report has.
    assertThat(
            reasonOf(() ->
                verifier.verify(
                    sample.evidence(sample.quoteBytes()), sample.loadCollateral(), signatures)))
        .isEqualTo(Reason.QE_IDENTITY_MISMATCH);
    // Its TCB info has component SVNs above 255, which a platform cannot have: refused, not
    // truncated.
    assertThat(
            reasonOf(() ->
                verifier.verify(
                    sample.evidence(sample.quoteBytes()),
                    sample.loadCollateral(),
                    VerificationOptions.at(sample.at()))))
        .isEqualTo(Reason.COLLATERAL_MALFORMED);
  }

  private static DcapVectors.Case intelSample(String d) {
    return new DcapVectors.Case(
        d + "quote.dat",
        List.of(
            d + "pckCert.pem",
            d + "pckSignChain.pem",
            d + "tcbInfo.json",
            d + "tcbSignChain.pem",
            d + "qeIdentity.json",
            d + "rootCaCrl.der",
            d + "intermediateCaCrl.der"),
        Instant.parse("2025-01-01T00:00:00Z"));
  }

  // --- helpers ---------------------------------------------------------------------------------

  private static ObjectNode tcbInfoJson(Collateral c) throws Exception {
    return (ObjectNode)
        new ObjectMapper().readTree(c.documents(JsonKind.TCB_INFO).getFirst().body());
  }

  /** Intel's TCB evaluation of a TDX vector with a changed TCB info, after signatures. */
  private static TcbEvaluation.Result evaluateTdx(
      DcapVectors.Case vector, Collateral c, ObjectNode info) throws Exception {
    // Signatures first, as the sources do before changing anything.
    vector.verify(vector.quoteBytes(), c, VerificationOptions.at(vector.at()).signaturesOnly());
    Quote quote = Quote.parse(vector.quoteBytes());
    PckExtensions pck = PckExtensions.of(PckChain.parse(quote.certificationData()).getFirst());
    TdReport td = quote.tdBody().orElseThrow();
    EnclaveIdentity qe =
        EnclaveIdentity.parse(c.documents(JsonKind.ENCLAVE_IDENTITY).getFirst().body(), "identity");
    return TcbEvaluation.tdx(
        pck,
        quote.qeReport().isvSvn(),
        td.teeTcbSvn(),
        td.isV15() ? Optional.of(td.teeTcbSvn2()) : Optional.empty(),
        TcbInfo.parse(new ObjectMapper().writeValueAsBytes(info), "changed TCB info"),
        qe);
  }
}
