package io.coffer.cli.attest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.coffer.attestation.simulation.Measurement;
import io.coffer.cli.Main;
import io.coffer.cli.command.ExitCode;
import io.coffer.cli.testing.CasCli;
import io.coffer.cli.testing.CasWorld;
import io.coffer.cli.testing.CliRun;
import io.coffer.cli.testing.LoopbackCas;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code coffer attest request} against a real CAS on loopback, with simulated evidence of a
 * measured directory and a policy created through the CLI.
 */
class RequestCommandTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  // One CAS for all tests: admissions leave its state as it was (secrets stay, tags do not move).
  @TempDir static Path dir;

  private static CasWorld world;
  private static LoopbackCas cas;
  private static Path app;

  @BeforeAll
  static void start() throws Exception {
    world = CasWorld.in(dir);
    cas = LoopbackCas.serving(world.home(), world.code("cas"), LoopbackCas.newKeys());
    world.pin(cas, "prod");
    Path alice = world.identity("alice");
    app = Files.createDirectories(dir.resolve("app"));
    Files.writeString(app.resolve("api.jar"), "the api", StandardCharsets.UTF_8);
    String measurement = HexFormat.of().formatHex(Measurement.of(List.of(app)));
    Path policy = world.file("policy.yaml", policy(measurement));
    CliRun created =
        world.run(
            "policy", "create", "--cas", "prod", "--identity", alice.toString(), policy.toString());
    assertThat(created.exitCode()).as(created.err()).isEqualTo(ExitCode.OK);
  }

  @AfterAll
  static void stop() {
    cas.close();
  }

  private static String policy(String measurement) {
    return "name: apps/web\n"
        + "version: 1\n"
        + "services:\n"
        + "  - name: api\n"
        + "    identity:\n"
        + "      - simulation:\n"
        + "          measurement: "
        + measurement
        + "\n"
        + "    command: [/bin/api, --token, $$COFFER:token$$]\n"
        + "    environment:\n"
        + "      DB_PASSWORD: $$COFFER:db-password$$\n"
        + "      MODE: production\n"
        + "    pwd: /app\n"
        + "    files:\n"
        + "      - path: /app/key.pem\n"
        + "        content: $$COFFER:signing-key:pem$$\n"
        + "    volumes:\n"
        + "      - name: data\n"
        + "        path: /data\n"
        + "        mode: rw\n"
        + "secrets:\n"
        + "  - name: token\n"
        + "    kind: ascii\n"
        + "    size: 24\n"
        + "  - name: db-password\n"
        + "    kind: ascii\n"
        + "    size: 16\n"
        + "  - name: signing-key\n"
        + "    kind: private-key\n"
        + "volumes:\n"
        + "  - name: data\n"
        + "security:\n"
        + "  tolerate: [simulation]\n";
  }

  /**
   * Runs {@code coffer attest request --cas prod ARGS} with the workload's clock (the CAS checks
   * that evidence is fresh by its own clock) and TEE interfaces that are not there.
   */
  private CliRun request(String... args) {
    CasCli cli = new CasCli(world.home(), Clock.systemUTC());
    CommandLine cl = Main.commandLine();
    CommandLine attest = cl.getSubcommands().get("attest");
    attest.getCommandSpec().removeSubcommand("request");
    attest.addSubcommand(
        "request",
        new CommandLine(
            new RequestCommand(
                cli.context(),
                new TeeInterfaces(dir.resolve("configfs-tsm"), dir.resolve("gramine")))));
    List<String> all = new ArrayList<>(List.of("attest", "request", "--cas", "prod"));
    all.addAll(List.of(args));
    return CliRun.run(cl, all.toArray(String[]::new));
  }

  private CliRun api(String... more) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "--policy",
                "apps/web",
                "--service",
                "api",
                "--tee",
                "simulation",
                "--measure",
                app.toString()));
    args.addAll(List.of(more));
    return request(args.toArray(String[]::new));
  }

  /** The configuration with its secrets, as the workload gets it. */
  private JsonNode secrets() throws Exception {
    CliRun shown = api("--json", "--show-secrets");
    assertThat(shown.exitCode()).as(shown.err()).isEqualTo(ExitCode.OK);
    return JSON.readTree(shown.out());
  }

  @Test
  void admitted_printsTheConfiguration_withSecretsRedacted() throws Exception {
    JsonNode secret = secrets();
    String password = secret.at("/environment/DB_PASSWORD").asText();
    String token = secret.at("/command/2").asText();
    String volumeKey = secret.at("/volumes/0/key").asText();
    String signingKey = secret.at("/files/0/content").asText();
    assertThat(password).hasSize(16);

    CliRun run = api();

    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.OK);
    assertThat(run.out())
        .contains("policy:       apps/web")
        .contains("service:      api")
        .contains("policy hash:  " + secret.get("policy_hash").asText())
        .contains("spiffe id:    spiffe://cas.test/apps/web/api")
        .contains("certificate:  serial ")
        .contains("command:      /bin/api --token <secret: 24 chars>")
        .contains("pwd:          /app")
        .contains("  DB_PASSWORD=<secret: 16 chars>")
        .contains("  MODE=production")
        .contains(
            "  /app/key.pem  mode 0"
                + Integer.toOctalString(secret.at("/files/0/mode").asInt())
                + "  "
                + signingKey.getBytes(StandardCharsets.UTF_8).length
                + " bytes")
        .contains("  data  /data  rw  tag (none)  generation 0")
        .containsPattern("attestation result token: [a-z]+ \\(verified with the CAS's verify-key");
    for (String value : List.of(password, token, volumeKey, signingKey)) {
      assertThat(run.out()).doesNotContain(value);
      assertThat(run.err()).doesNotContain(value);
    }
    assertThat(run.err()).contains("WARNING: simulated evidence");
  }

  @Test
  void showSecrets_printsTheValues() throws Exception {
    String password = secrets().at("/environment/DB_PASSWORD").asText();

    CliRun run = api("--show-secrets");

    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.OK);
    assertThat(run.out()).contains("  DB_PASSWORD=" + password).doesNotContain("<secret:");
  }

  @Test
  void json_parses_andRedactsEverySecretBearingValue() throws Exception {
    JsonNode secret = secrets();

    CliRun run = api("--json");

    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.OK);
    JsonNode config = JSON.readTree(run.out());
    assertThat(config.get("policy").asText()).isEqualTo("apps/web");
    assertThat(config.get("service").asText()).isEqualTo("api");
    assertThat(config.at("/environment/MODE").asText()).isEqualTo("production");
    List<String> pointers = new ArrayList<>();
    config.get("secret_bearing").forEach(p -> pointers.add(p.asText()));
    assertThat(pointers)
        .containsExactlyInAnyOrder(
            "/command/2", "/environment/DB_PASSWORD", "/files/0/content", "/volumes/0/key");
    for (String p : pointers) {
      assertThat(config.at(p).asText())
          .isEqualTo("<secret: " + secret.at(p).asText().length() + " chars>");
      assertThat(run.out()).doesNotContain(secret.at(p).asText());
    }
    assertThat(config.get("attestation_result").asText())
        .matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");
  }

  @Test
  void wrongMeasurement_isRefused_withItsReasonAndExitCode() throws Exception {
    Path other = Files.createDirectories(dir.resolve("other"));
    Files.writeString(other.resolve("api.jar"), "tampered", StandardCharsets.UTF_8);

    CliRun run =
        request(
            "--policy",
            "apps/web",
            "--service",
            "api",
            "--tee",
            "simulation",
            "--measure",
            other.toString());

    assertThat(run.exitCode()).isEqualTo(ExitCode.NO);
    assertThat(run.err()).contains("refused: wrong-measurement: ");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void wrongMeasurement_json_namesTheReasons() throws Exception {
    CliRun run =
        request(
            "--policy",
            "apps/web",
            "--service",
            "api",
            "--tee",
            "simulation",
            "--measure",
            world.code("cas").toString(),
            "--json");

    assertThat(run.exitCode()).isEqualTo(ExitCode.NO);
    JsonNode doc = JSON.readTree(run.out());
    assertThat(doc.get("admitted").asBoolean()).isFalse();
    assertThat(doc.get("reasons")).hasSize(1);
    assertThat(doc.get("reasons").get(0).asText()).isEqualTo("wrong-measurement");
  }

  @Test
  void unknownService_isRefused() {
    CliRun run =
        request(
            "--policy",
            "apps/web",
            "--service",
            "db",
            "--tee",
            "simulation",
            "--measure",
            app.toString());

    assertThat(run.exitCode()).isEqualTo(ExitCode.NO);
    assertThat(run.err()).contains("refused: unknown-service");
  }

  @Test
  void auto_withoutTee_usesSimulation_andSaysSo() {
    CliRun run = request("--policy", "apps/web", "--service", "api", "--measure", app.toString());

    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.OK);
    assertThat(run.err()).contains("evidence from simulation (--tee auto)");
  }

  @Test
  void hardwareTee_notOnThisMachine_isUnavailable() {
    CliRun run = request("--policy", "apps/web", "--service", "api", "--tee", "tdx");

    assertThat(run.exitCode()).isEqualTo(ExitCode.UNAVAILABLE);
    assertThat(run.err()).contains("--tee tdx needs configfs-tsm");
  }

  @Test
  void simulation_withoutMeasure_isAUsageError() {
    CliRun run = request("--policy", "apps/web", "--service", "api", "--tee", "simulation");

    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(run.err()).contains("needs at least one --measure PATH");
  }

  @Test
  void missingSimulationKey_isUnreadableInput_andNoKeyIsMade() {
    Path key = dir.resolve("nowhere.pem");

    CliRun run = api("--simulation-key", key.toString());

    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(run.err()).contains(key + ": cannot load the simulated platform's key");
    assertThat(key).doesNotExist();
  }

  @Test
  void anotherSimulatedPlatform_isRefused() throws Exception {
    Path key = dir.resolve("other-platform.pem");
    io.coffer.attestation.simulation.SimulatedPlatform.loadOrCreate(key);

    CliRun run = api("--simulation-key", key.toString());

    assertThat(run.exitCode()).isEqualTo(ExitCode.NO);
    assertThat(run.err()).contains("refused: evidence-invalid");
  }

  @Test
  void unpinnedCas_isAUsageError() {
    CasCli cli = new CasCli(world.home(), Clock.systemUTC());
    CliRun other =
        cli.run(
            "attest",
            "request",
            "--cas",
            "staging",
            "--policy",
            "apps/web",
            "--service",
            "api",
            "--tee",
            "simulation",
            "--measure",
            app.toString());

    assertThat(other.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(other.err()).contains("no CAS is pinned as staging");
  }
}
