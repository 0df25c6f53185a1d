package io.coffer.cli.policy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.coffer.cas.identity.CasPin;
import io.coffer.cli.cas.CasPins;
import io.coffer.cli.command.ExitCode;
import io.coffer.cli.testing.CasWorld;
import io.coffer.cli.testing.CliRun;
import io.coffer.cli.testing.LoopbackCas;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The policy commands against a real CAS on loopback: the whole governance flow and refusals. */
class RemotePolicyCommandsTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  private CasWorld world;
  private LoopbackCas cas;
  private Path alice;
  private Path bob;
  private Path carol;
  private Path mallory;

  @BeforeEach
  void start() throws Exception {
    world = CasWorld.in(dir);
    cas = LoopbackCas.serving(world.home(), world.code("a"), LoopbackCas.newKeys());
    world.pin(cas, "prod");
    alice = world.identity("alice");
    bob = world.identity("bob");
    carol = world.identity("carol");
    mallory = world.identity("mallory");
  }

  @AfterEach
  void stop() {
    cas.close();
  }

  private CliRun as(Path identity, String... args) {
    String[] all = new String[args.length + 4];
    System.arraycopy(args, 0, all, 0, 2);
    all[2] = "--cas";
    all[3] = "prod";
    all[4] = "--identity";
    all[5] = identity.toString();
    System.arraycopy(args, 2, all, 6, args.length - 2);
    return world.run(all);
  }

  private static JsonNode json(CliRun run) throws Exception {
    return JSON.readTree(run.out());
  }

  private String policy(String predecessor) {
    return "name: lab/training\n"
        + "version: 1\n"
        + (predecessor == null ? "" : "predecessor: \"" + predecessor + "\"\n")
        + "access:\n"
        + "  read: CREATOR\n"
        + "  update:\n"
        + "    require-all:\n"
        + "      - "
        + CasWorld.identityOf(bob)
        + "\n"
        + "      - "
        + CasWorld.identityOf(carol)
        + "\n"
        + "  create: CREATOR\n"
        + (predecessor == null
            ? ""
            : "secrets:\n  - name: licence\n    kind: ascii\n    value: s3cret\n");
  }

  private String create() throws Exception {
    CliRun created =
        as(alice, "policy", "create", world.file("v1.yaml", policy(null)).toString(), "--json");
    assertThat(created.exitCode()).as(created.err()).isEqualTo(ExitCode.OK);
    return json(created).get("hash").asText();
  }

  @Test
  void governance_createProposeApproveByTwo_activatesVersionTwo() throws Exception {
    String v1 = create();

    CliRun read = as(alice, "policy", "read", "lab/training");
    assertThat(read.exitCode()).as(read.err()).isEqualTo(ExitCode.OK);
    assertThat(read.out()).contains("\"name\":\"lab/training\"");

    Path v2 = world.file("v2.yaml", policy(v1));
    CliRun proposed = as(alice, "policy", "propose", v2.toString(), "--lifetime", "7d");
    assertThat(proposed.exitCode()).as(proposed.err()).isEqualTo(ExitCode.OK);
    String id = proposed.out().lines().findFirst().orElseThrow();
    assertThat(proposed.out()).contains("state:     open");

    CliRun text = as(bob, "policy", "proposal-text", id);
    assertThat(text.exitCode()).as(text.err()).isEqualTo(ExitCode.OK);
    assertThat(text.out()).contains("value_sha256").doesNotContain("s3cret");

    CliRun byBob = as(bob, "policy", "approve", id, "--sign");
    assertThat(byBob.exitCode()).as(byBob.err()).isEqualTo(ExitCode.OK);
    assertThat(byBob.out()).contains("state:     open").contains("approved:");

    CliRun signed = world.run("policy", "sign", "--identity", carol.toString(), v2.toString());
    assertThat(signed.exitCode()).as(signed.err()).isEqualTo(ExitCode.OK);
    Path approval = world.file("carol.json", signed.out());
    CliRun byCarol =
        as(carol, "policy", "approve", id, "--approval", approval.toString(), "--json");
    assertThat(byCarol.exitCode()).as(byCarol.err()).isEqualTo(ExitCode.OK);
    assertThat(json(byCarol).get("state").asText()).isEqualTo("activated");

    CliRun history = as(alice, "policy", "history", "lab/training", "--json");
    assertThat(history.exitCode()).as(history.err()).isEqualTo(ExitCode.OK);
    JsonNode versions = json(history).get("versions");
    assertThat(versions).hasSize(2);
    assertThat(versions.get(1).get("version").asInt()).isEqualTo(2);
    assertThat(versions.get(1).get("predecessor").asText()).isEqualTo(v1);
    assertThat(versions.get(1).get("proposal").asText()).isEqualTo(id);

    CliRun first = as(alice, "policy", "read", "lab/training", "--version", "1", "--json");
    assertThat(first.exitCode()).as(first.err()).isEqualTo(ExitCode.OK);
    assertThat(json(first).get("hash").asText()).isEqualTo(v1);

    CliRun human = as(alice, "policy", "history", "lab/training");
    assertThat(human.out()).contains("v1  " + v1).contains("v2  ");

    CliRun list = as(alice, "policy", "list", "--prefix", "lab/");
    assertThat(list.out()).isEqualTo("lab/training\n");

    CliRun proposals = as(alice, "policy", "proposals", "lab/training", "--open");
    assertThat(proposals.out()).contains("no open proposals");

    CliRun again = as(bob, "policy", "approve", id, "--sign");
    assertThat(again.exitCode()).isEqualTo(ExitCode.NO);
    assertThat(again.err()).contains("proposal-closed");
  }

  @Test
  void read_byAnotherIdentity_isForbidden() throws Exception {
    create();

    CliRun run = as(mallory, "policy", "read", "lab/training");

    assertThat(run.exitCode()).isEqualTo(ExitCode.NO);
    assertThat(run.err()).contains("forbidden: ");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void propose_stalePredecessor_isRefused() throws Exception {
    create();

    CliRun run =
        as(alice, "policy", "propose", world.file("v2.yaml", policy("ab".repeat(32))).toString());

    assertThat(run.exitCode()).isEqualTo(ExitCode.NO);
    assertThat(run.err()).contains("stale-predecessor");
  }

  @Test
  void rejectAndWithdraw_closeProposals() throws Exception {
    String v1 = create();
    Path v2 = world.file("v2.yaml", policy(v1));
    String first =
        as(alice, "policy", "propose", v2.toString()).out().lines().findFirst().orElseThrow();
    String second =
        as(alice, "policy", "propose", v2.toString()).out().lines().findFirst().orElseThrow();

    CliRun rejected = as(bob, "policy", "reject", first, "--reason", "not\u001b[31m now");
    assertThat(rejected.exitCode()).as(rejected.err()).isEqualTo(ExitCode.OK);
    assertThat(rejected.out())
        .contains("state:     rejected")
        .contains("not?[31m now")
        .doesNotContain("\u001b");

    CliRun byOther = as(bob, "policy", "withdraw", second);
    assertThat(byOther.exitCode()).isEqualTo(ExitCode.NO);
    assertThat(byOther.err()).contains("forbidden");

    CliRun withdrawn = as(alice, "policy", "withdraw", second, "--json");
    assertThat(withdrawn.exitCode()).as(withdrawn.err()).isEqualTo(ExitCode.OK);
    assertThat(json(withdrawn).get("state").asText()).isEqualTo("withdrawn");

    CliRun all = as(alice, "policy", "proposals", "lab/training", "--json");
    assertThat(json(all).get("proposals")).hasSize(2);
  }

  @Test
  void create_invalidPolicy_printsEachProblem_andSendsNothing() {
    Path bad = world.file("bad.yaml", "name: lab/x\nversion: 1\nbogus: 3\n");

    CliRun run = as(alice, "policy", "create", bad.toString());

    assertThat(run.exitCode()).isEqualTo(ExitCode.NO);
    assertThat(run.out()).containsPattern("bad\\.yaml:3:1: bogus: ");
    assertThat(cas.store.ledger().size()).isZero();
  }

  @Test
  void create_existingName_isRefused() throws Exception {
    create();

    CliRun run = as(alice, "policy", "create", dir.resolve("v1.yaml").toString());

    assertThat(run.exitCode()).isEqualTo(ExitCode.NO);
    assertThat(run.err()).contains("already-exists");
  }

  @Test
  void wrongPin_otherCasKey_isRefusedBeforeAnyRequest() throws Exception {
    try (LoopbackCas impostor =
        LoopbackCas.serving(world.home(), world.code("a"), LoopbackCas.newKeys())) {
      CasPins pins = world.cli().context().pins();
      CasPin real = pins.load("prod");
      pins.save(real.withUrl(impostor.uri()), true);

      CliRun run = as(alice, "policy", "create", world.file("v1.yaml", policy(null)).toString());

      assertThat(run.exitCode()).isEqualTo(ExitCode.NO);
      assertThat(run.err()).contains("did not present the TLS key pinned for prod");
      assertThat(impostor.store.ledger().size()).isZero();
    }
  }

  @Test
  void unpinnedCas_isUsageError_namingAttest() {
    CliRun run = world.run("policy", "list", "--cas", "nowhere", "--identity", alice.toString());

    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(run.err()).contains("run coffer cas attest");
  }

  @Test
  void approve_needsApprovalOrSign() {
    CliRun run = as(bob, "policy", "approve", "some-id");

    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
  }
}
