package io.coffer.cli.attest;

import static io.coffer.cli.attest.AttestCli.vector;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.coffer.attestation.testing.Vectors;
import io.coffer.cli.command.ExitCode;
import io.coffer.cli.testing.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code coffer attest verify} on the published SGX, TDX and SEV-SNP vectors, with the outcomes
 * their sources state (see {@code testvectors/README.md} in the attestation module), and attacked.
 */
class VerifyCommandTest {

  /** dcap-qvl's SGX instant: the collateral's nextUpdate minus one second. */
  private static final String DCAP_QVL_SGX_AT = "1752919277";

  /** dcap-qvl's TDX instant. */
  private static final String DCAP_QVL_TDX_AT = "1752919234";

  @TempDir Path dir;

  private static JsonNode json(CliRun run) throws Exception {
    return new ObjectMapper().readTree(run.out());
  }

  private static CliRun verify(Path evidence, String... more) {
    List<String> args =
        new ArrayList<>(List.of("attest", "verify", "--evidence", evidence.toString()));
    args.addAll(List.of(more));
    return CliRun.run(args.toArray(String[]::new));
  }

  private Path dcapQvlSgxQuote() {
    return vector("sgx/dcap-qvl-sgx-v3/sgx_quote", dir, "quote");
  }

  /** The dcap-qvl SGX collateral bundle, alone in a directory, under a name that says nothing. */
  private Path dcapQvlSgxCollateral() {
    vector("sgx/dcap-qvl-sgx-v3/sgx_quote_collateral.json", dir.resolve("collateral"), "a");
    return dir.resolve("collateral");
  }

  private Path dcapQvlTdxQuote() {
    return vector("tdx/dcap-qvl-tdx-v4/tdx_quote", dir, "quote");
  }

  private Path dcapQvlTdxCollateral() {
    return vector("tdx/dcap-qvl-tdx-v4/tdx_quote_collateral.json", dir.resolve("c"), "bundle");
  }

  // --- Intel SGX -------------------------------------------------------------------------------

  @Test
  void sgxQuote_withItsCollateralDirectory_verifies_withTheSourcesStatusAndAdvisories()
      throws Exception {
    CliRun run =
        verify(
            dcapQvlSgxQuote(),
            "--collateral",
            dcapQvlSgxCollateral().toString(),
            "--at",
            DCAP_QVL_SGX_AT,
            "--json");

    assertThat(run.exitCode()).isEqualTo(ExitCode.OK);
    assertThat(run.err()).isEmpty();
    JsonNode claims = json(run);
    assertThat(claims.get("verified").asBoolean()).isTrue();
    assertThat(claims.get("platform").asText()).isEqualTo("sgx");
    assertThat(claims.get("tcbStatus").asText()).isEqualTo("ConfigurationAndSWHardeningNeeded");
    assertThat(claims.get("advisories"))
        .extracting(JsonNode::asText)
        .containsExactly("INTEL-SA-00289", "INTEL-SA-00615");
    assertThat(claims.get("debug").asBoolean()).isFalse();
    assertThat(claims.get("simulated").asBoolean()).isFalse();
    assertThat(claims.get("mrEnclave").asText())
        .isEqualTo("33d8736db756ed4997e04ba358d27833188f1932ff7b1d156904d3f560452fbb");
    assertThat(claims.get("mrSigner").asText())
        .isEqualTo("815f42f11cf64430c30bab7816ba596a1da0130c3b028b673133a66cf9a3e0e6");
    assertThat(claims.get("isvProdId").asLong()).isZero();
    // "Hello, world!", zero-padded to 64 bytes.
    assertThat(claims.get("reportData").asText())
        .isEqualTo("48656c6c6f2c20776f726c6421" + "00".repeat(51));
    assertThat(claims.get("verifiedAt").asText()).isEqualTo("2025-07-19T10:01:17Z");
    assertThat(claims.get("collateralValidUntil").asText()).isEqualTo("2025-07-19T10:01:18Z");
  }

  @Test
  void sgxQuote_asText_printsOneAlignedLinePerClaim() {
    CliRun run =
        verify(
            dcapQvlSgxQuote(),
            "--collateral",
            dcapQvlSgxCollateral().toString(),
            "--at",
            DCAP_QVL_SGX_AT);

    assertThat(run.exitCode()).isEqualTo(ExitCode.OK);
    assertThat(run.out())
        .startsWith("platform ")
        .containsPattern("(?m)^tcbStatus +ConfigurationAndSWHardeningNeeded$")
        .containsPattern("(?m)^advisories +INTEL-SA-00289, INTEL-SA-00615$")
        .containsPattern(
            "(?m)^mrEnclave +33d8736db756ed4997e04ba358d27833188f1932ff7b1d156904d3f560452fbb$")
        .doesNotContainPattern("(?m)^verified ");
  }

  @Test
  void zkdcapSgx_collateralFilesUnderMeaninglessNames_areRecognisedByContent() throws Exception {
    Path c = dir.resolve("c");
    String d = "sgx/zkdcap-sgx-v3/";
    vector(d + "tcbinfov3_00906ED50000.json", c, "1");
    vector(d + "qeidentityv2_sgx.json", c, "2");
    vector(d + "tcb_signing_cert.pem", c, "3");
    vector(d + "intel_root_ca_crl.der", c, "4");
    vector(d + "pck_processor_crl.der", c.resolve("sub"), "5");

    CliRun run =
        verify(
            vector(d + "quote_v3_00906ED50000.dat", dir, "quote"),
            "--collateral",
            c.toString(),
            "--at",
            "2025-01-21T11:24:46Z",
            "--json");

    assertThat(run.exitCode()).isEqualTo(ExitCode.OK);
    assertThat(json(run).get("tcbStatus").asText()).isEqualTo("SWHardeningNeeded");
    assertThat(json(run).get("advisories"))
        .extracting(JsonNode::asText)
        .containsExactly("INTEL-SA-00334", "INTEL-SA-00615");
    assertThat(json(run).get("fmspc").asText()).isEqualTo("00906ed50000");
  }

  @Test
  void theSameCollateral_asFilesInsteadOfADirectory_givesTheSameClaims() throws Exception {
    Path quote = dcapQvlSgxQuote();
    Path bundle = dcapQvlSgxCollateral().resolve("a");

    CliRun byDirectory =
        verify(
            quote,
            "--collateral",
            bundle.getParent().toString(),
            "--at",
            DCAP_QVL_SGX_AT,
            "--json");
    CliRun byFile =
        verify(quote, "--collateral", bundle.toString(), "--at", DCAP_QVL_SGX_AT, "--json");

    assertThat(byFile.exitCode()).isEqualTo(ExitCode.OK);
    assertThat(json(byFile)).isEqualTo(json(byDirectory));
  }

  @Test
  void atAsIsoOrUnixSeconds_isTheSameInstant() throws Exception {
    Path quote = dcapQvlSgxQuote();
    Path c = dcapQvlSgxCollateral();

    CliRun iso =
        verify(quote, "--collateral", c.toString(), "--at", "2025-07-19T12:01:17+02:00", "--json");
    CliRun unix = verify(quote, "--collateral", c.toString(), "--at", DCAP_QVL_SGX_AT, "--json");

    assertThat(iso.exitCode()).isEqualTo(ExitCode.OK);
    assertThat(json(iso)).isEqualTo(json(unix));
  }

  // --- Intel TDX -------------------------------------------------------------------------------

  @Test
  void tdxQuote_withItsCollateral_verifies_withItsMeasurements() throws Exception {
    CliRun run =
        verify(
            dcapQvlTdxQuote(),
            "--collateral",
            dcapQvlTdxCollateral().toString(),
            "--at",
            DCAP_QVL_TDX_AT,
            "--json");

    assertThat(run.exitCode()).isEqualTo(ExitCode.OK);
    JsonNode claims = json(run);
    assertThat(claims.get("platform").asText()).isEqualTo("tdx");
    assertThat(claims.get("tcbStatus").asText()).isEqualTo("UpToDate");
    assertThat(claims.get("advisories")).isEmpty();
    assertThat(claims.get("mrTd").asText())
        .isEqualTo(
            "91eb2b44d141d4ece09f0c75c2c53d247a3c68edd7fafe8a3520c942a604a407"
                + "de03ae6dc5f87f27428b2538873118b7");
    assertThat(claims.get("rtmr0").asText())
        .isEqualTo(
            "44c0197b39157fdd7a4dcc44767f9d6b0bb3977c7a8e347b8492f827fe9d9e5c"
                + "48aca29b220b80b6a540cf994b9bc9c0");
    assertThat(claims.get("rtmr3").asText()).isEqualTo("0".repeat(96));
    assertThat(claims.get("reportData").asText())
        .isEqualTo(
            "9a9d48e7f6799642d3d1b34e1e5e1742d4bb02dd6ddd551862c1211d35c304f9"
                + "eca3efdbb481601c163cf52493d6e44aed55d51ec39b7e518fadb92c2b523f20");
  }

  @Test
  void tdxQuote_afterTheCollateralsNextUpdate_isCollateralExpired() throws Exception {
    CliRun run =
        verify(
            dcapQvlTdxQuote(),
            "--collateral",
            dcapQvlTdxCollateral().toString(),
            "--at",
            "2025-08-19T00:00:00Z",
            "--json");

    assertThat(run.exitCode()).isEqualTo(ExitCode.NO);
    JsonNode refusal = json(run);
    assertThat(refusal.get("verified").asBoolean()).isFalse();
    assertThat(refusal.get("reason").asText()).isEqualTo("COLLATERAL_EXPIRED");
    assertThat(refusal.get("message").asText()).startsWith(dir.resolve("quote") + ": ");
    assertThat(refusal.size()).isEqualTo(3);
    assertThat(run.err()).hasLineCount(1).startsWith("coffer attest verify: COLLATERAL_EXPIRED: ");
  }

  @Test
  void sgxQuote_afterTheCollateralsNextUpdate_asText_saysWhyOnStderrOnly() {
    CliRun run =
        verify(
            dcapQvlSgxQuote(),
            "--collateral",
            dcapQvlSgxCollateral().toString(),
            "--at",
            "1752919279");

    assertThat(run.exitCode()).isEqualTo(ExitCode.NO);
    assertThat(run.out()).isEmpty();
    assertThat(run.err())
        .hasLineCount(1)
        .startsWith("coffer attest verify: COLLATERAL_EXPIRED: ")
        .doesNotContain("Exception");
  }

  @Test
  void flippedByteInTheEnclaveMeasurement_breaksTheQuoteSignature() throws Exception {
    Path quote = dcapQvlSgxQuote();
    byte[] b = Files.readAllBytes(quote);
    b[48 + 64] ^= 1; // the first byte of MRENCLAVE in the report body
    Files.write(quote, b);

    CliRun run =
        verify(
            quote,
            "--collateral",
            dcapQvlSgxCollateral().toString(),
            "--at",
            DCAP_QVL_SGX_AT,
            "--json");

    assertThat(run.exitCode()).isEqualTo(ExitCode.NO);
    assertThat(json(run).get("reason").asText()).isEqualTo("QUOTE_SIGNATURE_INVALID");
    assertThat(run.err()).contains("QUOTE_SIGNATURE_INVALID");
  }

  @Test
  void collateralForAnotherPlatform_isRefused() throws Exception {
    CliRun run =
        verify(
            dcapQvlSgxQuote(),
            "--collateral",
            dcapQvlTdxCollateral().toString(),
            "--at",
            DCAP_QVL_SGX_AT,
            "--json");

    assertThat(run.exitCode()).isEqualTo(ExitCode.NO);
    assertThat(json(run).get("verified").asBoolean()).isFalse();
  }

  @Test
  void signatureOnly_withoutTcbCollateral_verifies_withUnknownStatus() throws Exception {
    Path quote = vector("tdx/go-tdx-guest-v4/tdx_prod_quote_SPR_E4.dat", dir, "quote");

    CliRun run = verify(quote, "--signature-only", "--at", "2023-07-01T01:00:00Z", "--json");

    assertThat(run.exitCode()).isEqualTo(ExitCode.OK);
    assertThat(json(run).get("tcbStatus").asText()).isEqualTo("Unknown");
    assertThat(json(run).get("mrTd").asText())
        .isEqualTo(
            "6363b8043668a3ad953278e10389574d326c6749fb78aa810ecd9336923db86f"
                + "22fc00b8dcd404bc10d5e119d7215cbb");
  }

  @Test
  void withoutCollateral_andWithoutSignatureOnly_collateralIsMissing() throws Exception {
    Path quote = vector("tdx/go-tdx-guest-v4/tdx_prod_quote_SPR_E4.dat", dir, "quote");

    CliRun run = verify(quote, "--at", "2023-07-01T01:00:00Z", "--json");

    assertThat(run.exitCode()).isEqualTo(ExitCode.NO);
    assertThat(json(run).get("reason").asText()).isEqualTo("COLLATERAL_MISSING");
  }

  @Test
  void aForcedTypeThatIsNotTheEvidences_isRefused() {
    CliRun run =
        verify(
            dcapQvlSgxQuote(),
            "--type",
            "tdx",
            "--collateral",
            dcapQvlSgxCollateral().toString(),
            "--at",
            DCAP_QVL_SGX_AT);

    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(run.err()).startsWith("coffer attest verify: MALFORMED_EVIDENCE: ");
  }

  // --- extra trust roots -----------------------------------------------------------------------

  @Test
  void intelsSampleQuote_verifiesOnlyWithItsTestRootAddedAsATrustRoot() throws Exception {
    String d = "sgx/intel-qvl-sampledata-sgx/";
    Path c = dir.resolve("c");
    for (String f :
        List.of(
            "pckCert.pem",
            "pckSignChain.pem",
            "tcbInfo.json",
            "tcbSignChain.pem",
            "qeIdentity.json",
            "rootCaCrl.der",
            "intermediateCaCrl.der")) {
      vector(d + f, c, f);
    }
    Path quote = vector(d + "quote.dat", dir, "quote");
    Path root = vector(d + "trustedRootCaCert.pem", dir, "root.pem");
    // Inside every sample item's validity window.
    String at = "2025-01-01T00:00:00Z";

    CliRun pinnedOnly = verify(quote, "--collateral", c.toString(), "--at", at, "--json");
    CliRun withRoot =
        verify(
            quote,
            "--collateral",
            c.toString(),
            "--trust-root",
            root.toString(),
            "--at",
            at,
            "--json");
    CliRun rootAsCollateral =
        verify(
            quote,
            "--collateral",
            c.toString(),
            "--collateral",
            root.toString(),
            "--at",
            at,
            "--json");

    assertThat(json(pinnedOnly).get("reason").asText()).isEqualTo("PCK_CHAIN_INVALID");
    assertThat(withRoot.exitCode()).isEqualTo(ExitCode.OK);
    assertThat(json(withRoot).get("tcbStatus").asText()).isEqualTo("UpToDate");
    assertThat(json(rootAsCollateral).get("reason").asText()).isEqualTo("PCK_CHAIN_INVALID");
  }

  @Test
  void anExtraTrustRoot_doesNotDisplaceThePinnedOnes() throws Exception {
    Path root = vector("sgx/intel-qvl-sampledata-sgx/trustedRootCaCert.pem", dir, "root.pem");

    CliRun run =
        verify(
            dcapQvlSgxQuote(),
            "--collateral",
            dcapQvlSgxCollateral().toString(),
            "--trust-root",
            root.toString(),
            "--at",
            DCAP_QVL_SGX_AT,
            "--json");

    assertThat(run.exitCode()).isEqualTo(ExitCode.OK);
  }

  @Test
  void aLeafCertificateAsTrustRoot_isAUsageError() {
    Path leaf = vector("sgx/intel-qvl-sampledata-sgx/pckCert.pem", dir, "leaf.pem");

    CliRun run =
        verify(dcapQvlSgxQuote(), "--trust-root", leaf.toString(), "--at", DCAP_QVL_SGX_AT);

    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(run.err()).startsWith("coffer attest verify: --trust-root " + leaf + ": ");
  }

  // --- AMD SEV-SNP -----------------------------------------------------------------------------

  @Test
  void snpReport_withItsVcek_verifies() throws Exception {
    Path report = vector("snp/trustee-milan-vcek/test-report.bin", dir, "report");
    Path vcek = vector("snp/trustee-milan-vcek/test-vcek.der", dir.resolve("c"), "vcek");

    CliRun run =
        verify(
            report,
            "--type",
            "snp",
            "--collateral",
            vcek.toString(),
            "--at",
            "2025-01-01T00:00:00Z",
            "--json");

    assertThat(run.exitCode()).isEqualTo(ExitCode.OK);
    assertThat(json(run).get("platform").asText()).isEqualTo("snp");
    assertThat(json(run).get("evidenceType").asText()).isEqualTo("snp");
  }

  @Test
  void azureHclReport_isDetected_andVerifiesAsSnpAzureHcl() throws Exception {
    Path report = vector("snp/trustee-azure-hcl-milan/hcl-report.bin", dir, "report");
    Path vcek = vector("snp/trustee-azure-hcl-milan/vcek.pem", dir.resolve("c"), "vcek");

    CliRun auto =
        verify(report, "--collateral", vcek.toString(), "--at", "2025-01-01T00:00:00Z", "--json");
    CliRun named =
        verify(
            report,
            "--type",
            "snp-azure-hcl",
            "--collateral",
            vcek.toString(),
            "--at",
            "2025-01-01T00:00:00Z",
            "--json");

    assertThat(auto.exitCode()).isEqualTo(ExitCode.OK);
    assertThat(json(auto).get("evidenceType").asText()).isEqualTo("snp-azure-hcl");
    assertThat(json(named)).isEqualTo(json(auto));
  }

  // --- unreadable input: exit 2 ----------------------------------------------------------------

  @Test
  void aJunkFileInTheCollateralDirectory_isAUsageError_namingTheFile() {
    Path c = dcapQvlSgxCollateral();
    Path junk = c.resolve("notes.txt");
    try {
      Files.writeString(junk, "fetched from the PCS on Monday\n");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }

    CliRun run =
        verify(dcapQvlSgxQuote(), "--collateral", c.toString(), "--at", DCAP_QVL_SGX_AT, "--json");

    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(run.out()).isEmpty();
    assertThat(run.err())
        .hasLineCount(1)
        .startsWith("coffer attest verify: COLLATERAL_MALFORMED: ")
        .contains(junk.toString());
  }

  @Test
  void theQuoteItselfGivenAsCollateral_isNotCollateral() {
    Path quote = dcapQvlSgxQuote();

    CliRun run = verify(quote, "--collateral", quote.toString(), "--at", DCAP_QVL_SGX_AT);

    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(run.err()).contains(quote.toString()).contains("COLLATERAL_MALFORMED");
  }

  @Test
  void aMissingCollateralPath_isAUsageError_namingIt() {
    Path missing = dir.resolve("no-such-collateral");

    CliRun run =
        verify(dcapQvlSgxQuote(), "--collateral", missing.toString(), "--at", DCAP_QVL_SGX_AT);

    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(run.err()).contains(missing.toString());
  }

  @Test
  void aMissingEvidenceFile_isAUsageError_withoutAStackTrace() {
    Path missing = dir.resolve("no-such-quote");

    CliRun run = verify(missing, "--at", DCAP_QVL_SGX_AT, "--json");

    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(run.out()).isEmpty();
    assertThat(run.err())
        .hasLineCount(1)
        .startsWith("coffer attest verify: --evidence " + missing + ": cannot read")
        .doesNotContain("\tat ");
  }

  @Test
  void withDebug_anUnreadableEvidenceFile_showsTheCause() {
    CliRun run = verify(dir.resolve("no-such-quote"), "--at", DCAP_QVL_SGX_AT, "--debug");

    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(run.err()).contains("NoSuchFileException").contains("\tat ");
  }

  @Test
  void evidenceThatIsNoKnownFormat_isAUsageError() throws Exception {
    Path junk = Files.write(dir.resolve("junk"), new byte[1000]);

    CliRun run = verify(junk, "--at", DCAP_QVL_SGX_AT, "--json");

    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(run.err()).startsWith("coffer attest verify: MALFORMED_EVIDENCE: " + junk + ": ");
  }

  @Test
  void evidenceLargerThanAnyEvidence_isRefusedBeforeParsing() throws Exception {
    byte[] big = new byte[io.coffer.attestation.Evidence.MAX_SIZE_BYTES + 1];
    System.arraycopy(Vectors.bytes("sgx/dcap-qvl-sgx-v3/sgx_quote"), 0, big, 0, 1000);
    Path huge = Files.write(dir.resolve("huge"), big);

    CliRun run = verify(huge, "--at", DCAP_QVL_SGX_AT);

    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(run.err()).contains("larger than any evidence");
  }

  @ParameterizedTest
  @ValueSource(strings = {"yesterday", "2025-07-19T10:01:17", "2025-13-01T00:00:00Z", "-5", ""})
  void aBadAt_isAUsageError(String at) {
    CliRun run = verify(dcapQvlSgxQuote(), "--at", at);

    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(run.err()).startsWith("coffer attest verify: ").contains("--at");
  }

  @Test
  void anUnknownType_isAUsageError_listingTheTypes() {
    CliRun run = verify(dcapQvlSgxQuote(), "--type", "sev");

    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(run.err()).contains("auto, sgx, tdx, snp, snp-azure-hcl, simulation");
  }
}
