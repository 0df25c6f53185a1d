package io.coffer.cli.attest;

import static io.coffer.cli.attest.AttestCli.vector;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.coffer.attestation.collect.FakeTsmKernel;
import io.coffer.attestation.simulation.Measurement;
import io.coffer.attestation.testing.Vectors;
import io.coffer.cli.command.ExitCode;
import io.coffer.cli.testing.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code coffer attest collect} against imitations of configfs-tsm and Gramine and with the
 * simulator, and the simulated evidence it writes verified by {@code coffer attest verify}.
 */
class CollectCommandTest {

  /** A 32-byte nonce, as hex. */
  private static final String NONCE =
      "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";

  @TempDir Path dir;

  private AttestCli cli;
  private Path app;
  private Path out;

  @BeforeEach
  void setUp() throws Exception {
    cli = AttestCli.in(dir);
    app = Files.createDirectories(dir.resolve("app"));
    Files.writeString(app.resolve("main.py"), "print('hello')\n");
    out = dir.resolve("evidence.bin");
  }

  private static JsonNode json(CliRun run) throws Exception {
    return new ObjectMapper().readTree(run.out());
  }

  private CliRun collectSimulated(String... more) {
    String[] base = {
      "attest",
      "collect",
      "--tee",
      "simulation",
      "--measure",
      app.toString(),
      "--report-data",
      NONCE,
      "--out",
      out.toString()
    };
    return cli.run(Stream.concat(Arrays.stream(base), Arrays.stream(more)).toArray(String[]::new));
  }

  private CliRun verify(AttestCli with, Path evidence, String... more) {
    String[] base = {"attest", "verify", "--evidence", evidence.toString(), "--json"};
    return with.run(Stream.concat(Arrays.stream(base), Arrays.stream(more)).toArray(String[]::new));
  }

  /** The files of {@code dir} other than {@code except}: temporary leftovers, if any. */
  private static List<Path> othersIn(Path dir, Path... except) throws Exception {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> !List.of(except).contains(f)).toList();
    }
  }

  // --- simulation, end to end ------------------------------------------------------------------

  @Test
  void simulated_collectThenVerifyWithTypeSimulation_givesTheMeasurementAndReportData()
      throws Exception {
    CliRun collected = collectSimulated("--json");
    CliRun verified = verify(cli, out, "--type", "simulation");

    assertThat(collected.exitCode()).isEqualTo(ExitCode.OK);
    assertThat(json(collected).get("evidenceType").asText()).isEqualTo("simulation");
    assertThat(json(collected).get("simulated").asBoolean()).isTrue();
    assertThat(Files.size(out)).isEqualTo(216);
    assertThat(verified.exitCode()).isEqualTo(ExitCode.OK);
    JsonNode claims = json(verified);
    assertThat(claims.get("simulated").asBoolean()).isTrue();
    assertThat(claims.get("platform").asText()).isEqualTo("simulation");
    assertThat(claims.get("tcbStatus").asText()).isEqualTo("Unknown");
    assertThat(claims.get("reportData").asText()).isEqualTo(NONCE + "00".repeat(32));
    assertThat(claims.get("measurement").asText())
        .isEqualTo(HexFormat.of().formatHex(Measurement.of(List.of(app))))
        .isEqualTo(json(collected).get("measurement").asText());
    assertThat(claims.get("issuedAt").asLong()).isEqualTo(AttestCli.NOW.getEpochSecond());
    assertThat(verified.err()).isEqualTo(VerifyCommand.SIMULATED_WARNING + "\n");
    assertThat(collected.err()).isEqualTo(VerifyCommand.SIMULATED_WARNING + "\n");
  }

  @Test
  void simulated_theKeyIsCreatedOnce_ownerOnly_andNeverPrinted() throws Exception {
    CliRun first = collectSimulated("--json");
    Path key = cli.home().simulatedPlatformKey();
    String keyFile = Files.readString(key);
    CliRun second = collectSimulated();

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key)))
        .isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key.getParent())))
        .isEqualTo("rwx------");
    assertThat(Files.readString(key)).isEqualTo(keyFile);
    for (CliRun run : List.of(first, second)) {
      assertThat(run.exitCode()).isEqualTo(ExitCode.OK);
      for (String line : keyFile.lines().filter(l -> !l.startsWith("-----")).toList()) {
        assertThat(run.out() + run.err()).doesNotContain(line);
      }
    }
  }

  @Test
  void simulatedEvidence_isRefusedByAutoDetection_withAClearMessage() throws Exception {
    collectSimulated();

    CliRun run = verify(cli, out);
    CliRun text = cli.run("attest", "verify", "--evidence", out.toString());

    assertThat(run.exitCode()).isEqualTo(ExitCode.NO);
    assertThat(json(run).get("verified").asBoolean()).isFalse();
    assertThat(json(run).get("reason").asText()).isEqualTo("SIMULATION_NOT_ALLOWED");
    assertThat(json(run).get("message").asText()).contains("--type simulation");
    assertThat(text.exitCode()).isEqualTo(ExitCode.NO);
    assertThat(text.out()).isEmpty();
    assertThat(text.err())
        .hasLineCount(1)
        .startsWith("coffer attest verify: SIMULATION_NOT_ALLOWED: ")
        .contains("proves nothing about confidentiality")
        .contains("--type simulation");
  }

  @Test
  void simulatedEvidence_fromAnotherMachine_needsItsPublicKeyAsATrustRoot() throws Exception {
    collectSimulated();
    AttestCli elsewhere = AttestCli.in(dir.resolve("elsewhere"));
    String keyFile = Files.readString(cli.home().simulatedPlatformKey());
    Path publicKey =
        Files.writeString(
            dir.resolve("platform.pub"),
            keyFile.substring(keyFile.indexOf("-----BEGIN PUBLIC KEY-----")));
    Path privateKey = Files.writeString(dir.resolve("platform.key"), keyFile);

    CliRun untrusted = verify(elsewhere, out, "--type", "simulation");
    CliRun trusted =
        verify(elsewhere, out, "--type", "simulation", "--trust-root", publicKey.toString());
    CliRun keyFileAsRoot =
        verify(elsewhere, out, "--type", "simulation", "--trust-root", privateKey.toString());

    assertThat(untrusted.exitCode()).isEqualTo(ExitCode.NO);
    assertThat(json(untrusted).get("reason").asText()).isEqualTo("COLLATERAL_MISSING");
    assertThat(trusted.exitCode()).isEqualTo(ExitCode.OK);
    assertThat(keyFileAsRoot.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(keyFileAsRoot.err()).contains("private key");
  }

  @Test
  void simulatedEvidence_withAFlippedByte_isRefused() throws Exception {
    collectSimulated();
    byte[] b = Files.readAllBytes(out);
    b[20] ^= 1; // in the measurement
    Files.write(out, b);

    CliRun run = verify(cli, out, "--type", "simulation");

    assertThat(run.exitCode()).isEqualTo(ExitCode.NO);
    assertThat(json(run).get("reason").asText()).isEqualTo("REPORT_SIGNATURE_INVALID");
  }

  @Test
  void simulatedEvidence_verifiedLongBeforeItWasIssued_isRefused() throws Exception {
    collectSimulated();

    CliRun run = verify(cli, out, "--type", "simulation", "--at", "2025-07-01T11:00:00Z");

    assertThat(run.exitCode()).isEqualTo(ExitCode.NO);
    assertThat(json(run).get("reason").asText()).isEqualTo("COLLATERAL_EXPIRED");
  }

  @Test
  void aRealQuoteVerifiedAsSimulation_isNotSimulatedEvidence() {
    Path quote = vector("sgx/dcap-qvl-sgx-v3/sgx_quote", dir, "quote");

    CliRun run = verify(cli, quote, "--type", "simulation");

    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(run.err()).contains("MALFORMED_EVIDENCE");
  }

  // --- hardware interfaces ---------------------------------------------------------------------

  @Test
  void auto_onAMachineWithoutATee_isUnavailable_andWritesNothing() throws Exception {
    CliRun run = cli.run("attest", "collect", "--report-data", NONCE, "--out", out.toString());

    assertThat(run.exitCode()).isEqualTo(ExitCode.UNAVAILABLE);
    assertThat(run.err())
        .hasLineCount(1)
        .startsWith("coffer attest collect: no TEE available on this machine")
        .contains("--tee simulation");
    assertThat(othersIn(dir, dir.resolve("app"))).isEmpty();
    assertThat(cli.home().directory()).doesNotExist();
  }

  @ParameterizedTest
  @ValueSource(strings = {"tdx", "snp", "sgx-gramine"})
  void anAbsentTee_namedExplicitly_isUnavailable(String tee) {
    CliRun run =
        cli.run("attest", "collect", "--tee", tee, "--report-data", NONCE, "--out", out.toString());

    assertThat(run.exitCode()).isEqualTo(ExitCode.UNAVAILABLE);
    assertThat(run.err()).startsWith("coffer attest collect: --tee " + tee + " needs ");
    assertThat(out).doesNotExist();
  }

  @Test
  void auto_withGramine_collectsTheQuote_afterWritingThePaddedReportData() throws Exception {
    Path gramine = Files.createDirectories(dir.resolve("gramine"));
    Files.writeString(gramine.resolve("attestation_type"), "dcap\n");
    Files.write(gramine.resolve("user_report_data"), new byte[64]);
    Files.write(gramine.resolve("quote"), Vectors.bytes("sgx/dcap-qvl-sgx-v3/sgx_quote"));
    Path collateral =
        vector("sgx/dcap-qvl-sgx-v3/sgx_quote_collateral.json", dir.resolve("c"), "bundle");

    CliRun run =
        cli.run("attest", "collect", "--report-data", "48656c6c6f", "--out", out.toString());
    CliRun verified = verify(cli, out, "--collateral", collateral.toString(), "--at", "1752919277");

    assertThat(run.exitCode()).isEqualTo(ExitCode.OK);
    assertThat(run.out()).startsWith("sgx evidence, ").contains("from gramine");
    assertThat(run.err()).isEmpty();
    assertThat(Files.readAllBytes(gramine.resolve("user_report_data")))
        .isEqualTo(Arrays.copyOf(HexFormat.of().parseHex("48656c6c6f"), 64));
    assertThat(verified.exitCode()).isEqualTo(ExitCode.OK);
    assertThat(json(verified).get("platform").asText()).isEqualTo("sgx");
  }

  @Test
  void configfsTsm_givesTdxEvidence_whenTdxIsAskedFor_andRefusesToCallItSnp() throws Exception {
    byte[] quote = Vectors.bytes("tdx/dcap-qvl-tdx-v4/tdx_quote");
    try (FakeTsmKernel kernel =
        new FakeTsmKernel(
            Files.createDirectories(dir.resolve("configfs-tsm")), "tdx_guest", in -> quote, 0)) {
      CliRun tdx =
          cli.run(
              "attest",
              "collect",
              "--tee",
              "tdx",
              "--report-data",
              NONCE,
              "--out",
              out.toString(),
              "--json");
      byte[] written = kernel.lastReportData();
      Path snpOut = dir.resolve("snp.bin");
      CliRun snp =
          cli.run(
              "attest",
              "collect",
              "--tee",
              "snp",
              "--report-data",
              NONCE,
              "--out",
              snpOut.toString());

      assertThat(tdx.exitCode()).isEqualTo(ExitCode.OK);
      assertThat(json(tdx).get("evidenceType").asText()).isEqualTo("tdx");
      assertThat(json(tdx).get("source").asText()).isEqualTo("configfs-tsm");
      assertThat(Files.readAllBytes(out)).isEqualTo(quote);
      assertThat(written).isEqualTo(HexFormat.of().parseHex(NONCE + "00".repeat(32)));
      assertThat(snp.exitCode()).isEqualTo(ExitCode.UNAVAILABLE);
      assertThat(snp.err()).contains("gives tdx evidence, not snp");
      assertThat(snpOut).doesNotExist();
    }
  }

  // --- options and output files ----------------------------------------------------------------

  @ParameterizedTest
  @ValueSource(
      strings = {
        "abc", // odd
        "zz", // not hex
        "0x00", // not hex
        "", // nothing
      })
  void badReportData_isAUsageError_andWritesNothing(String reportData) throws Exception {
    CliRun run = collectSimulatedWithReportData(reportData);

    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(run.err()).startsWith("coffer attest collect: ").contains("--report-data");
    assertThat(out).doesNotExist();
    assertThat(cli.home().directory()).doesNotExist();
  }

  @Test
  void reportDataOfSixtyFiveBytes_isAUsageError_sixtyFourAreFine() throws Exception {
    CliRun tooLong = collectSimulatedWithReportData("ab".repeat(65));
    CliRun exact = collectSimulatedWithReportData("AB".repeat(64));

    assertThat(tooLong.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(tooLong.err()).contains("65 bytes is more than the 64 bytes");
    assertThat(exact.exitCode()).isEqualTo(ExitCode.OK);
    assertThat(Arrays.copyOfRange(Files.readAllBytes(out), 48, 112))
        .isEqualTo(HexFormat.of().parseHex("ab".repeat(64)));
  }

  private CliRun collectSimulatedWithReportData(String reportData) {
    return cli.run(
        "attest",
        "collect",
        "--tee",
        "simulation",
        "--measure",
        app.toString(),
        "--report-data",
        reportData,
        "--out",
        out.toString());
  }

  @Test
  void aFailedCollection_leavesTheExistingOutputAsItWas() throws Exception {
    Files.writeString(out, "earlier evidence");

    CliRun noTee = cli.run("attest", "collect", "--report-data", NONCE, "--out", out.toString());
    CliRun unreadable =
        cli.run(
            "attest",
            "collect",
            "--tee",
            "simulation",
            "--measure",
            dir.resolve("missing").toString(),
            "--report-data",
            NONCE,
            "--out",
            out.toString());

    assertThat(noTee.exitCode()).isEqualTo(ExitCode.UNAVAILABLE);
    assertThat(unreadable.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(Files.readString(out)).isEqualTo("earlier evidence");
    assertThat(othersIn(dir, out, app, dir.resolve("home"))).isEmpty();
  }

  @Test
  void aSuccessfulCollection_replacesTheOutput_andLeavesNoTemporaryFile() throws Exception {
    Files.writeString(out, "earlier evidence");

    CliRun run = collectSimulated();

    assertThat(run.exitCode()).isEqualTo(ExitCode.OK);
    assertThat(Files.size(out)).isEqualTo(216);
    assertThat(othersIn(dir, out, app, dir.resolve("home"))).isEmpty();
  }

  @Test
  void anOutputInAMissingDirectory_isAUsageError_andCreatesNothing() {
    out = dir.resolve("no-such-dir").resolve("evidence.bin");

    CliRun run = collectSimulated();

    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(run.err()).startsWith("coffer attest collect: --out " + out + ": cannot write");
    assertThat(out.getParent()).doesNotExist();
  }

  @Test
  void measure_isOnlyForSimulation_andSimulationNeedsIt() {
    CliRun withAuto =
        cli.run(
            "attest",
            "collect",
            "--measure",
            app.toString(),
            "--report-data",
            NONCE,
            "--out",
            out.toString());
    CliRun withoutMeasure =
        cli.run(
            "attest",
            "collect",
            "--tee",
            "simulation",
            "--report-data",
            NONCE,
            "--out",
            out.toString());

    assertThat(withAuto.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(withAuto.err()).contains("--measure is only for --tee simulation");
    assertThat(withoutMeasure.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(withoutMeasure.err()).contains("needs at least one --measure");
    assertThat(out).doesNotExist();
  }
}
