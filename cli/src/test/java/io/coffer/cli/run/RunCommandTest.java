package io.coffer.cli.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.attestation.simulation.Measurement;
import io.coffer.cli.Main;
import io.coffer.cli.attest.TeeInterfaces;
import io.coffer.cli.command.ExitCode;
import io.coffer.cli.testing.CasCli;
import io.coffer.cli.testing.CasWorld;
import io.coffer.cli.testing.CliRun;
import io.coffer.cli.testing.LoopbackCas;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code coffer run} against a real CAS on loopback, with simulated evidence of a measured
 * directory and policies created through the CLI. The programs write what they received outside the
 * work directory, which a run empties.
 */
class RunCommandTest {

  @TempDir static Path dir;

  private static CasWorld world;
  private static LoopbackCas cas;
  private static String fingerprint;
  private static Path app;
  private static Path work;
  private static Path work2;
  private static Path out;

  @BeforeAll
  static void start() throws Exception {
    world = CasWorld.in(dir);
    io.coffer.cas.identity.CasKeys keys = LoopbackCas.newKeys();
    fingerprint = keys.fingerprint();
    cas = LoopbackCas.serving(world.home(), world.code("cas"), keys);
    world.pin(cas, "prod");
    Path alice = world.identity("alice");
    app = Files.createDirectories(dir.resolve("app"));
    Files.writeString(app.resolve("api.jar"), "the api", StandardCharsets.UTF_8);
    work = dir.resolve("work");
    work2 = dir.resolve("work2");
    out = Files.createDirectories(dir.resolve("out"));
    String measurement = HexFormat.of().formatHex(Measurement.of(List.of(app)));
    for (String yaml : List.of(policy(measurement), strictPolicy(measurement))) {
      Path policy = world.file("policy.yaml", yaml);
      CliRun created =
          world.run(
              "policy",
              "create",
              "--cas",
              "prod",
              "--identity",
              alice.toString(),
              policy.toString());
      assertThat(created.exitCode()).as(created.err()).isEqualTo(ExitCode.OK);
    }
  }

  @AfterAll
  static void stop() {
    cas.close();
  }

  private static String policy(String measurement) {
    String script =
        "/usr/bin/env > "
            + out.resolve("env")
            + "; printf '%s\\n' \\\"$@\\\" > "
            + out.resolve("args")
            + "; /bin/cat "
            + work.resolve("app/key.pem")
            + " > "
            + out.resolve("file")
            + "; exit $CODE";
    return "name: apps/web\n"
        + "version: 1\n"
        + "services:\n"
        + "  - name: shell\n"
        + "    identity:\n"
        + "      - simulation:\n"
        + "          measurement: "
        + measurement
        + "\n"
        + "    command: [/bin/sh, -c, \""
        + script
        + "\", sh]\n"
        + "    environment:\n"
        + "      TOKEN: $$COFFER:token$$\n"
        + "      MODE: production\n"
        + "    pwd: "
        + work.resolve("app")
        + "\n"
        + "    files:\n"
        + "      - path: "
        + work.resolve("app/key.pem")
        + "\n"
        + "        content: $$COFFER:signing-key:pem$$\n"
        + "    allow_host_args: [--epochs=10]\n"
        + "    allow_host_env: [CODE]\n"
        + service("writer", measurement, "$WRITE", work)
        + service("writer2", measurement, "$WRITE", work2)
        + "secrets:\n"
        + "  - name: token\n"
        + "    kind: ascii\n"
        + "    size: 24\n"
        + "  - name: signing-key\n"
        + "    kind: private-key\n"
        + "volumes:\n"
        + "  - name: data\n"
        + "security:\n"
        + "  tolerate: [simulation]\n";
  }

  /** A service running {@code /bin/sh -c "$SCRIPT"} with the volume data at {@code w/data}. */
  private static String service(String name, String measurement, String script, Path w) {
    return "  - name: "
        + name
        + "\n"
        + "    identity:\n"
        + "      - simulation:\n"
        + "          measurement: "
        + measurement
        + "\n"
        + "    command: [/bin/sh, -c, 'eval \"$SCRIPT\"']\n"
        + "    volumes:\n"
        + "      - name: data\n"
        + "        path: "
        + w.resolve("data")
        + "\n"
        + "        mode: rw\n"
        + "    allow_host_env: [SCRIPT]\n";
  }

  private static String strictPolicy(String measurement) {
    return "name: apps/strict\n"
        + "version: 1\n"
        + "services:\n"
        + "  - name: shell\n"
        + "    identity:\n"
        + "      - simulation:\n"
        + "          measurement: "
        + measurement
        + "\n"
        + "    command: [/bin/sh, -c, 'touch "
        + out.resolve("strict-started")
        + "']\n";
  }

  /**
   * {@code coffer run --cas prod ARGS} with the workload's clock, no TEE interfaces, and {@code
   * env} as the host's environment.
   */
  private static CliRun run(Map<String, String> env, List<String> args) {
    List<String> all = new ArrayList<>(List.of("--cas", "prod"));
    all.addAll(args);
    return runAt(env, all);
  }

  /** {@code coffer run ARGS}, the CAS given in ARGS. */
  private static CliRun runAt(Map<String, String> env, List<String> args) {
    CasCli cli = new CasCli(world.home(), Clock.systemUTC());
    CommandLine cl = Main.commandLine();
    cl.getCommandSpec().removeSubcommand("run");
    cl.addSubcommand(
        "run",
        new CommandLine(
            new RunCommand(
                cli.context(),
                new TeeInterfaces(dir.resolve("configfs-tsm"), dir.resolve("gramine")),
                env)));
    List<String> all = new ArrayList<>(List.of("run"));
    all.addAll(args);
    return CliRun.run(cl, all.toArray(String[]::new));
  }

  /** Runs a writer service with {@code script} as the host variable SCRIPT its policy allows. */
  private static CliRun runWithScript(List<String> args, String script) {
    return run(Map.of("SCRIPT", script, "PATH", "/usr/bin:/bin"), args);
  }

  private static List<String> as(String policy, String service, Path measured, Path w) {
    return new ArrayList<>(
        List.of(
            "--policy",
            policy,
            "--service",
            service,
            "--tee",
            "simulation",
            "--measure",
            measured.toString(),
            "--work",
            w.toString(),
            "--volumes",
            dir.resolve("volumes").toString()));
  }

  private static String read(String name) throws IOException {
    return Files.readString(out.resolve(name), StandardCharsets.UTF_8);
  }

  @Test
  void run_shellProgram_receivesExactlyThePolicysEnvironmentArgumentsAndFiles() throws Exception {
    List<String> args = as("apps/web", "shell", app, work);
    args.addAll(List.of("--", "--epochs=10", "--evil-flag"));

    CliRun run = run(Map.of("CODE", "0", "LD_PRELOAD", "/tmp/evil.so", "HOME", "/root"), args);

    assertThat(run.exitCode()).as(run.err()).isZero();
    List<String> env =
        read("env").lines().filter(l -> !l.startsWith("PWD=") && !l.startsWith("SHLVL=")).toList();
    assertThat(env).hasSize(3).contains("MODE=production", "CODE=0");
    String token = env.stream().filter(l -> l.startsWith("TOKEN=")).findFirst().orElseThrow();
    assertThat(token).hasSize("TOKEN=".length() + 24);
    assertThat(read("args")).isEqualTo("--epochs=10\n");
    String key = read("file");
    assertThat(key).startsWith("-----BEGIN PRIVATE KEY-----");
    assertThat(run.err())
        .contains("coffer run: 1 host argument(s) dropped")
        .contains("coffer run: program exited with status 0")
        .doesNotContain("--evil-flag");
    for (String secret : List.of(token.substring("TOKEN=".length()), key.strip())) {
      assertThat(run.out()).doesNotContain(secret);
      assertThat(run.err()).doesNotContain(secret);
    }
    assertThat(emptyOrAbsent(work)).isTrue();
  }

  @Test
  void run_programExits7_exitsWith7() throws Exception {
    CliRun run = runWithScript(as("apps/web", "writer", app, work), "exit 7");

    assertThat(run.exitCode()).as(run.err()).isEqualTo(7);
  }

  @Test
  void run_wrongMeasurement_refused_programNotStarted() throws Exception {
    Path other = Files.createDirectories(dir.resolve("other"));
    Files.writeString(other.resolve("api.jar"), "another api");
    Path marker = out.resolve("wrong-started");

    CliRun run = runWithScript(as("apps/web", "writer", other, work), "touch " + marker);

    assertThat(run.exitCode()).isEqualTo(ExitCode.NO);
    assertThat(run.err()).contains("coffer run: refused: wrong-measurement");
    assertThat(marker).doesNotExist();
    assertThat(emptyOrAbsent(work)).isTrue();
  }

  @Test
  void run_simulationNotTolerated_refused_programNotStarted() {
    CliRun run = run(Map.of(), as("apps/strict", "shell", app, work));

    assertThat(run.exitCode()).isEqualTo(ExitCode.NO);
    assertThat(run.err()).contains("coffer run: refused: ");
    assertThat(out.resolve("strict-started")).doesNotExist();
  }

  @Test
  void run_volume_writtenThenRead_olderCopyRefused_concurrentWriterRefused() throws Exception {
    Path store = dir.resolve("volumes");
    // 1. First run writes the volume.
    CliRun first =
        runWithScript(as("apps/web", "writer", app, work), "echo one > " + work + "/data/v");
    assertThat(first.exitCode()).as(first.err()).isZero();
    assertThat(first.err()).contains("coffer run: volume data: saved, tag ");
    Path copy = dir.resolve("volumes-after-first");
    copyTree(store, copy);

    // 2. The next run reads it, and writes again.
    CliRun second =
        runWithScript(
            as("apps/web", "writer", app, work),
            "cat "
                + work
                + "/data/v > "
                + out.resolve("seen")
                + "; echo two > "
                + work
                + "/data/v");
    assertThat(second.exitCode()).as(second.err()).isZero();
    assertThat(read("seen")).isEqualTo("one\n");

    // 3. The older sealed copy restored: refused as a rollback, program not started.
    Path moved = dir.resolve("volumes-current");
    Files.move(store, moved);
    copyTree(copy, store);
    Path marker = out.resolve("rollback-started");
    CliRun rolledBack = runWithScript(as("apps/web", "writer", app, work), "touch " + marker);
    assertThat(rolledBack.exitCode()).isEqualTo(ExitCode.NO);
    assertThat(rolledBack.err()).contains("no sealed copy of volume data with the current tag");
    assertThat(marker).doesNotExist();
    deleteTree(store);
    Files.move(moved, store);

    // 4. Two writers from the same tag: the one that reports second is refused with 75.
    Path paused = out.resolve("paused");
    Path release = out.resolve("release");
    CliRun[] slow = new CliRun[1];
    Thread writer2 =
        new Thread(() ->
            slow[0] =
                runWithScript(
                    as("apps/web", "writer2", app, work2),
                    "touch "
                        + paused
                        + "; while [ ! -e "
                        + release
                        + " ]; do sleep 0.05; done; echo slow > "
                        + work2
                        + "/data/v"));
    writer2.start();
    while (!Files.exists(paused) && writer2.isAlive()) {
      Thread.sleep(10);
    }
    CliRun fast =
        runWithScript(as("apps/web", "writer", app, work), "echo fast > " + work + "/data/v");
    Files.createFile(release);
    writer2.join();
    assertThat(fast.exitCode()).as(fast.err()).isZero();
    assertThat(slow[0].exitCode()).as(slow[0].err()).isEqualTo(RunCommand.VOLUME_NOT_SAVED);
    assertThat(slow[0].err())
        .contains("volume data was not saved (stale tag: another writer moved it first");

    // The CAS's tag is the winner's: the next run reads what it wrote.
    CliRun after =
        runWithScript(
            as("apps/web", "writer", app, work),
            "cat " + work + "/data/v > " + out.resolve("after"));
    assertThat(after.exitCode()).as(after.err()).isZero();
    assertThat(read("after")).isEqualTo("fast\n");
  }

  @Test
  void run_volumesWithoutVolumesOption_refusedBeforeAnythingIsWritten() throws Exception {
    List<String> args = as("apps/web", "writer", app, work);
    args.removeAll(List.of("--volumes", dir.resolve("volumes").toString()));
    Path marker = out.resolve("no-store-started");

    CliRun run = runWithScript(args, "touch " + marker);

    assertThat(run.exitCode()).isEqualTo(ExitCode.NO);
    assertThat(run.err()).contains("coffer run: service writer mounts volumes: give");
    assertThat(marker).doesNotExist();
  }

  @Test
  void run_casGivenByAddressAndFingerprint_runs_andAnotherKeyIsNeverTalkedTo() throws Exception {
    Path marker = out.resolve("by-fingerprint");
    List<String> good =
        new ArrayList<>(
            List.of(
                "--cas-url", cas.uri().toString(), "--cas-fingerprint", "sha256:" + fingerprint));
    good.addAll(as("apps/web", "writer2", app, work2));
    CliRun run = runAt(Map.of("SCRIPT", "touch " + marker), good);
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(marker).exists();
    Files.delete(marker);

    List<String> wrong =
        new ArrayList<>(
            List.of("--cas-url", cas.uri().toString(), "--cas-fingerprint", "ab".repeat(32)));
    wrong.addAll(as("apps/web", "writer2", app, work2));
    CliRun refused = runAt(Map.of("SCRIPT", "touch " + marker), wrong);
    assertThat(refused.exitCode()).isNotZero();
    assertThat(marker).doesNotExist();

    List<String> both =
        new ArrayList<>(
            List.of(
                "--cas",
                "prod",
                "--cas-url",
                cas.uri().toString(),
                "--cas-fingerprint",
                fingerprint));
    both.addAll(as("apps/web", "writer2", app, work2));
    assertThat(runAt(Map.of(), both).exitCode()).isEqualTo(ExitCode.USAGE);
  }

  @Test
  void run_quiet_printsNoStepLines() throws Exception {
    List<String> args = as("apps/web", "writer2", app, work2);
    args.add("--quiet");

    CliRun run = runWithScript(args, "exit 0");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.err()).doesNotContain("coffer run: program exited");
  }

  private static boolean emptyOrAbsent(Path d) throws IOException {
    if (!Files.exists(d)) {
      return true;
    }
    try (Stream<Path> s = Files.list(d)) {
      return s.findAny().isEmpty();
    }
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> s = Files.walk(from)) {
      for (Path p : s.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> s = Files.walk(root)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
