package io.coffer.cli.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.coffer.cli.command.ExitCode;
import io.coffer.cli.testing.CasWorld;
import io.coffer.cli.testing.CliRun;
import io.coffer.cli.testing.LoopbackCas;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code coffer audit events} on a log fetched from a real CAS on loopback after a policy creation,
 * a reveal and a refused reveal.
 */
class EventsCommandTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path dir;

  private static CasWorld world;
  private static LoopbackCas cas;
  private static String owner;
  private static String stranger;
  private static Path log;

  @BeforeAll
  static void start() throws Exception {
    world = CasWorld.in(dir);
    cas = LoopbackCas.serving(world.home(), world.code("cas"), LoopbackCas.newKeys());
    world.pin(cas, "prod");
    Path ownerDir = world.identity("owner");
    Path strangerDir = world.identity("stranger");
    owner = CasWorld.identityOf(ownerDir);
    stranger = CasWorld.identityOf(strangerDir);
    Path policy =
        world.file(
            "policy.yaml",
            "name: lab/results\nversion: 1\nsecrets:\n  - name: metrics-key\n    kind: binary\n"
                + "    size: 16\n    reveal_to: ["
                + owner
                + "]\n");
    ok(
        world.run(
            "policy",
            "create",
            "--cas",
            "prod",
            "--identity",
            ownerDir.toString(),
            policy.toString()));
    ok(reveal(ownerDir));
    assertThat(reveal(strangerDir).exitCode()).isEqualTo(ExitCode.NO);
    log = dir.resolve("log");
    ok(world.run("audit", "fetch", "--cas", "prod", "--out", log.toString()));
  }

  @AfterAll
  static void stop() {
    cas.close();
  }

  private static CliRun reveal(Path identity) {
    return world.run(
        "secret",
        "reveal",
        "--cas",
        "prod",
        "--identity",
        identity.toString(),
        "--policy",
        "lab/results",
        "--secret",
        "metrics-key");
  }

  private static CliRun ok(CliRun run) {
    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.OK);
    return run;
  }

  private static CliRun events(Path logDir, String... more) {
    List<String> args = new ArrayList<>(List.of("audit", "events", "--log", logDir.toString()));
    args.addAll(List.of(more));
    return world.run(args.toArray(String[]::new));
  }

  /** A copy of the fetched log, to spoil. */
  private static Path copyOfLog(String name) throws Exception {
    Path copy = dir.resolve(name);
    try (var files = Files.walk(log)) {
      for (Path p : files.toList()) {
        Path target = copy.resolve(log.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
    return copy;
  }

  @Test
  void events_listsEveryEvent_oneLineEach_inLogOrder() {
    CliRun run = ok(events(log));

    List<String> lines = run.out().lines().toList();
    assertThat(lines).hasSize(3);
    assertThat(lines.get(0))
        .matches("\\s+0  policy\\.created .*")
        .contains("policy=lab/results")
        .contains("creator=" + owner);
    assertThat(lines.get(1))
        .matches("\\s+1  secret\\.released .*")
        .contains("revealed_to=" + owner)
        .contains("secrets=metrics-key");
    assertThat(lines.get(2))
        .matches("\\s+2  access\\.denied .*")
        .contains("policy=lab/results")
        .contains("operation=reveal")
        .contains("caller=" + stranger)
        .contains("reason=REVEAL_TO");
  }

  @Test
  void events_type_keepsOnlyThoseTypes() {
    CliRun run = ok(events(log, "--type", "access.denied", "--type", "policy.created"));

    assertThat(run.out().lines().map(l -> l.strip().split("\\s+")[1]).toList())
        .containsExactly("policy.created", "access.denied");
  }

  @Test
  void events_json_isAnArrayOfEvents() throws Exception {
    JsonNode doc = JSON.readTree(ok(events(log, "--json", "--type", "access.denied")).out());

    assertThat(doc.isArray()).isTrue();
    assertThat(doc).hasSize(1);
    JsonNode denied = doc.get(0);
    assertThat(denied.get("index").asLong()).isEqualTo(2);
    assertThat(denied.get("type").asText()).isEqualTo("access.denied");
    assertThat(denied.get("caller").asText()).isEqualTo(stranger);
    assertThat(denied.get("reason").asText()).isEqualTo("REVEAL_TO");
    assertThat(denied.get("time").asText()).isNotEmpty();
  }

  @Test
  void events_withTheKeyGiven_verifiesWithIt() {
    ok(events(log, "--key", cas.keys.ledgerVerifierKey()));
  }

  @Test
  void events_withAnotherKey_isRefused() {
    CliRun run = events(log, "--key", LoopbackCas.newKeys().ledgerVerifierKey());

    assertThat(run.exitCode()).isEqualTo(ExitCode.NO);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).contains("does not verify");
  }

  @Test
  void events_tamperedEntryBundle_isRefused_andListsNothing() throws Exception {
    Path spoiled = copyOfLog("tampered");
    Path bundle = spoiled.resolve("tile/entries/000.p/3");
    byte[] bytes = Files.readAllBytes(bundle);
    bytes[bytes.length - 3] ^= 0x01;
    Files.write(bundle, bytes);

    CliRun run = events(spoiled);

    assertThat(run.exitCode()).isEqualTo(ExitCode.NO);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).contains("does not verify").contains("tampered");
  }

  @Test
  void events_noVkeyAndNoKey_isAUsageError() throws Exception {
    Path copy = copyOfLog("keyless");
    Files.delete(copy.resolve("vkey"));

    CliRun run = events(copy);

    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(run.err()).contains("--key");
  }

  @Test
  void events_unknownType_isAUsageError_namingTheTypes() {
    CliRun run = events(log, "--type", "secret.leaked");

    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(run.err()).contains("secret.leaked").contains("access.denied");
  }
}
