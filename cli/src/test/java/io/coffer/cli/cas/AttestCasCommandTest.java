package io.coffer.cli.cas;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.cas.identity.CasPin;
import io.coffer.cli.command.ExitCode;
import io.coffer.cli.testing.CasWorld;
import io.coffer.cli.testing.CliRun;
import io.coffer.cli.testing.LoopbackCas;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AttestCasCommandTest {

  @TempDir Path dir;

  private CasWorld world;
  private LoopbackCas cas;

  @BeforeEach
  void start() throws Exception {
    world = CasWorld.in(dir);
    cas = LoopbackCas.serving(world.home(), world.code("a"), LoopbackCas.newKeys());
  }

  @AfterEach
  void stop() {
    cas.close();
  }

  private CliRun attest(String... more) {
    String[] base = {"cas", "attest", "--url", cas.uri().toString(), "--name", "prod"};
    String[] all = new String[base.length + more.length];
    System.arraycopy(base, 0, all, 0, base.length);
    System.arraycopy(more, 0, all, base.length, more.length);
    return world.run(all);
  }

  private Path pinFile() {
    return world.home().resolve("cas").resolve("prod.json");
  }

  @Test
  void attest_simulatedCas_tolerated_pinsItsKeys_privately() throws Exception {
    CliRun run = attest("--tolerate", "simulation");

    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.OK);
    assertThat(run.out())
        .contains("pinned CAS prod at " + cas.uri())
        .contains("simulation (SIMULATED")
        .contains("sha256:" + cas.keys.fingerprint())
        .contains(cas.keys.ledgerVerifierKey());
    assertThat(run.err()).contains("WARNING: SIMULATION");
    CasPin pin = CasPin.decode(Files.readAllBytes(pinFile()));
    assertThat(pin.tlsPublicKey()).isEqualTo(cas.keys.tlsPublicKey());
    assertThat(pin.ledgerVerifierKey()).isEqualTo(cas.keys.ledgerVerifierKey());
    assertThat(pin.simulated()).isTrue();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(pinFile())))
        .isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(pinFile().getParent())))
        .isEqualTo("rwx------");
  }

  @Test
  void attest_simulationNotTolerated_fails_andPinsNothing() {
    CliRun run = attest();

    assertThat(run.exitCode()).isEqualTo(ExitCode.NO);
    assertThat(run.err()).contains("SIMULATION_NOT_TOLERATED");
    assertThat(pinFile()).doesNotExist();
  }

  @Test
  void attest_otherMeasurementExpected_fails() {
    CliRun run = attest("--tolerate", "simulation", "--expect-measurement", "ab".repeat(32));

    assertThat(run.exitCode()).isEqualTo(ExitCode.NO);
    assertThat(run.err()).contains("MEASUREMENT_MISMATCH");
    assertThat(pinFile()).doesNotExist();
  }

  @Test
  void attest_expectedMeasurement_pins() throws Exception {
    attest("--tolerate", "simulation");
    String measurement = CasPin.decode(Files.readAllBytes(pinFile())).measurement().hex();

    CliRun run =
        attest("--tolerate", "simulation", "--expect-measurement", measurement, "--replace");

    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.OK);
  }

  @Test
  void attest_existingPin_isNotReplaced_withoutReplace() throws Exception {
    attest("--tolerate", "simulation");
    byte[] before = Files.readAllBytes(pinFile());

    try (LoopbackCas other =
        LoopbackCas.serving(world.home(), world.code("b"), LoopbackCas.newKeys())) {
      CliRun refused =
          world.run(
              "cas",
              "attest",
              "--url",
              other.uri().toString(),
              "--name",
              "prod",
              "--tolerate",
              "simulation");
      assertThat(refused.exitCode()).isEqualTo(ExitCode.USAGE);
      assertThat(refused.err()).contains("--replace");
      assertThat(Files.readAllBytes(pinFile())).isEqualTo(before);

      CliRun replaced =
          world.run(
              "cas",
              "attest",
              "--url",
              other.uri().toString(),
              "--name",
              "prod",
              "--tolerate",
              "simulation",
              "--replace");
      assertThat(replaced.exitCode()).as(replaced.err()).isEqualTo(ExitCode.OK);
      assertThat(CasPin.decode(Files.readAllBytes(pinFile())).tlsPublicKey())
          .isEqualTo(other.keys.tlsPublicKey());
    }
  }

  @Test
  void attest_json_describesThePin() {
    CliRun run = attest("--tolerate", "simulation", "--json");

    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.OK);
    assertThat(run.out())
        .contains("\"simulated\" : true")
        .contains("\"tlsFingerprint\" : \"" + cas.keys.fingerprint() + "\"")
        .contains("\"pinFile\"");
  }

  @Test
  void attest_badNameOrUrl_isUsageError() {
    assertThat(
            world.run("cas", "attest", "--url", cas.uri().toString(), "--name", "../x").exitCode())
        .isEqualTo(ExitCode.USAGE);
    assertThat(world.run("cas", "attest", "--url", "http://127.0.0.1:1", "--name", "x").exitCode())
        .isEqualTo(ExitCode.USAGE);
    assertThat(world.run("cas", "attest", "--url", cas.uri() + "/v1", "--name", "x").exitCode())
        .isEqualTo(ExitCode.USAGE);
  }

  @Test
  void attest_unknownTolerance_isUsageError() {
    CliRun run = attest("--tolerate", "everything");

    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(run.err()).contains("not a tolerance");
  }

  @Test
  void attest_nothingListening_isUnavailable() throws Exception {
    int port;
    try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
      port = s.getLocalPort();
    }
    CliRun run = world.run("cas", "attest", "--url", "https://127.0.0.1:" + port, "--name", "gone");

    assertThat(run.exitCode()).isEqualTo(ExitCode.UNAVAILABLE);
    assertThat(run.err()).contains("transport");
  }

  @Test
  void pinFile_encodesTheTlsKey_asBase64Spki() throws Exception {
    attest("--tolerate", "simulation");

    assertThat(Files.readString(pinFile()))
        .contains(Base64.getEncoder().encodeToString(cas.keys.tlsPublicKey()));
  }
}
