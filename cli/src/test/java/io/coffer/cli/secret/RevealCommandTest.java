package io.coffer.cli.secret;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.coffer.attestation.simulation.Measurement;
import io.coffer.cas.events.AccessDenied;
import io.coffer.cas.events.CasEvent;
import io.coffer.cas.events.EventCodec;
import io.coffer.cas.events.SecretReleased;
import io.coffer.cli.command.ExitCode;
import io.coffer.cli.testing.CasCli;
import io.coffer.cli.testing.CasWorld;
import io.coffer.cli.testing.CliRun;
import io.coffer.cli.testing.LoopbackCas;
import io.coffer.ledger.tiles.BundleId;
import io.coffer.ledger.tiles.TileLayout;
import io.coffer.ledger.tiles.TileReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code coffer secret reveal} against a real CAS on loopback: a policy whose secrets name the
 * hospital in {@code reveal_to}, and a service whose configuration holds the same secrets in other
 * formats, to compare with what a workload gets.
 */
class RevealCommandTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path dir;

  private static CasWorld world;
  private static LoopbackCas cas;
  private static Path app;
  private static Path hospital;
  private static Path vendor;
  private static Path operator;

  @BeforeAll
  static void start() throws Exception {
    world = CasWorld.in(dir);
    cas = LoopbackCas.serving(world.home(), world.code("cas"), LoopbackCas.newKeys());
    world.pin(cas, "prod");
    hospital = world.identity("hospital");
    vendor = world.identity("vendor");
    operator = world.identity("operator");
    app = Files.createDirectories(dir.resolve("app"));
    Files.writeString(app.resolve("train.jar"), "the trainer", StandardCharsets.UTF_8);
    String measurement = HexFormat.of().formatHex(Measurement.of(List.of(app)));
    Path policy = world.file("policy.yaml", policy(measurement, CasWorld.identityOf(hospital)));
    CliRun created =
        world.run(
            "policy",
            "create",
            "--cas",
            "prod",
            "--identity",
            hospital.toString(),
            policy.toString());
    assertThat(created.exitCode()).as(created.err()).isEqualTo(ExitCode.OK);
  }

  @AfterAll
  static void stop() {
    cas.close();
  }

  private static String policy(String measurement, String owner) {
    return "name: hospital/results\n"
        + "version: 1\n"
        + "services:\n"
        + "  - name: train\n"
        + "    identity:\n"
        + "      - simulation:\n"
        + "          measurement: "
        + measurement
        + "\n"
        + "    command: [/bin/train]\n"
        + "    environment:\n"
        + "      KEY_HEX: $$COFFER:result-key:hex$$\n"
        + "      KEY_B64: $$COFFER:result-key:base64$$\n"
        + "      NOTE: $$COFFER:note$$\n"
        + "      NOTE_B64: $$COFFER:note:base64$$\n"
        + "      SIGNING_DER: $$COFFER:signing-key:der$$\n"
        + "    files:\n"
        + "      - path: /run/ca.crt\n"
        + "        content: $$COFFER:lab-ca:crt$$\n"
        + "      - path: /run/ca.spki\n"
        + "        content: $$COFFER:lab-ca:spki$$\n"
        + "      - path: /run/ca.key\n"
        + "        content: $$COFFER:lab-ca:key$$\n"
        + "      - path: /run/signing.pem\n"
        + "        content: $$COFFER:signing-key:pem$$\n"
        + "secrets:\n"
        + "  - name: result-key\n"
        + "    kind: binary\n"
        + "    size: 32\n"
        + "    reveal_to: ["
        + owner
        + "]\n"
        + "  - name: note\n"
        + "    kind: ascii\n"
        + "    size: 20\n"
        + "    reveal_to: ["
        + owner
        + "]\n"
        + "  - name: signing-key\n"
        + "    kind: private-key\n"
        + "    reveal_to: ["
        + owner
        + "]\n"
        + "  - name: lab-ca\n"
        + "    kind: x509-ca\n"
        + "    common_name: Lab CA\n"
        + "    reveal_to: ["
        + owner
        + "]\n"
        + "  - name: hidden\n"
        + "    kind: ascii\n"
        + "    size: 12\n"
        + "security:\n"
        + "  tolerate: [simulation]\n";
  }

  /** The service's configuration as the workload gets it, values shown. */
  private static JsonNode workloadConfiguration() throws Exception {
    CasCli cli = new CasCli(world.home(), Clock.systemUTC());
    CliRun run =
        cli.run(
            "attest",
            "request",
            "--cas",
            "prod",
            "--policy",
            "hospital/results",
            "--service",
            "train",
            "--tee",
            "simulation",
            "--measure",
            app.toString(),
            "--json",
            "--show-secrets");
    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.OK);
    return JSON.readTree(run.out());
  }

  private static CliRun reveal(Path identity, String secret, String... more) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "secret",
                "reveal",
                "--cas",
                "prod",
                "--identity",
                identity.toString(),
                "--policy",
                "hospital/results",
                "--secret",
                secret));
    args.addAll(List.of(more));
    return world.run(args.toArray(String[]::new));
  }

  /** The value {@code secret reveal} prints for the hospital; asserts it succeeded. */
  private static String revealed(String secret, String... more) {
    CliRun run = reveal(hospital, secret, more);
    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.OK);
    return run.out();
  }

  private static String file(JsonNode config, String path) {
    for (JsonNode f : config.get("files")) {
      if (f.get("path").asText().equals(path)) {
        return f.get("content").asText();
      }
    }
    throw new AssertionError("no file " + path);
  }

  @Test
  void reveal_namedIdentity_getsTheValue_inEachFormat_asTheWorkloadDoes() throws Exception {
    JsonNode config = workloadConfiguration();
    String hex = config.at("/environment/KEY_HEX").asText();
    assertThat(hex).hasSize(64);

    assertThat(revealed("result-key")).isEqualTo(hex + "\n");
    assertThat(revealed("result-key", "--format", "hex")).isEqualTo(hex + "\n");
    assertThat(revealed("result-key", "--format", "base64"))
        .isEqualTo(config.at("/environment/KEY_B64").asText() + "\n")
        .isEqualTo(Base64.getEncoder().encodeToString(HexFormat.of().parseHex(hex)) + "\n");
    assertThat(revealed("note")).isEqualTo(config.at("/environment/NOTE").asText() + "\n");
    assertThat(revealed("note", "--format", "base64"))
        .isEqualTo(config.at("/environment/NOTE_B64").asText() + "\n");
    assertThat(revealed("signing-key", "--format", "der"))
        .isEqualTo(config.at("/environment/SIGNING_DER").asText() + "\n");
    assertThat(revealed("signing-key")).isEqualTo(file(config, "/run/signing.pem"));
    assertThat(revealed("lab-ca")).isEqualTo(file(config, "/run/ca.crt"));
    assertThat(revealed("lab-ca", "--format", "chain")).isEqualTo(file(config, "/run/ca.crt"));
    assertThat(revealed("lab-ca", "--format", "spki")).isEqualTo(file(config, "/run/ca.spki"));
    assertThat(revealed("lab-ca", "--format", "key")).isEqualTo(file(config, "/run/ca.key"));
  }

  @Test
  void reveal_json_printsPolicySecretKindFormatAndValue() throws Exception {
    String hex = workloadConfiguration().at("/environment/KEY_HEX").asText();

    JsonNode doc = JSON.readTree(revealed("result-key", "--format", "base64", "--json"));

    assertThat(doc.get("policy").asText()).isEqualTo("hospital/results");
    assertThat(doc.get("secret").asText()).isEqualTo("result-key");
    assertThat(doc.get("kind").asText()).isEqualTo("binary");
    assertThat(doc.get("format").asText()).isEqualTo("base64");
    assertThat(Base64.getDecoder().decode(doc.get("value").asText()))
        .isEqualTo(HexFormat.of().parseHex(hex));
    assertThat(doc.size()).isEqualTo(5);
  }

  @Test
  void reveal_eachReveal_isASecretReleasedEntry_namingThePerson() throws Exception {
    revealed("note");

    List<CasEvent> events = ledger();

    assertThat(events)
        .filteredOn(SecretReleased.class::isInstance)
        .map(SecretReleased.class::cast)
        .anySatisfy(e -> {
          assertThat(e.revealedTo().map(Object::toString)).contains(CasWorld.identityOf(hospital));
          assertThat(e.secrets()).extracting(SecretReleased.Released::name).containsExactly("note");
        });
  }

  @Test
  void reveal_anotherStakeholder_orTheOperator_isRefused_andTheLedgerHoldsAccessDenied()
      throws Exception {
    for (Path who : List.of(vendor, operator)) {
      String identity = CasWorld.identityOf(who);

      CliRun run = reveal(who, "result-key");

      assertThat(run.exitCode()).isEqualTo(ExitCode.NO);
      assertThat(run.out()).isEmpty();
      assertThat(run.err())
          .contains("not revealed to " + identity + ": the CAS recorded this as access.denied");
      assertThat(ledger())
          .filteredOn(AccessDenied.class::isInstance)
          .map(AccessDenied.class::cast)
          .anySatisfy(e -> {
            assertThat(e.caller().toString()).isEqualTo(identity);
            assertThat(e.operation()).isEqualTo(AccessDenied.Operation.REVEAL);
            assertThat(e.name()).isEqualTo("hospital/results");
            assertThat(e.reason()).isEqualTo(AccessDenied.Reason.REVEAL_TO);
          });
    }
  }

  @Test
  void reveal_secretNamingNobody_isRefusedToTheCreatorToo() {
    CliRun run = reveal(hospital, "hidden");

    assertThat(run.exitCode()).isEqualTo(ExitCode.NO);
    assertThat(run.err()).contains("access.denied").contains("does not name you");
  }

  @Test
  void reveal_unknownSecret_looksLikeARefusal() {
    CliRun run = reveal(hospital, "no-such-secret");

    assertThat(run.exitCode()).isEqualTo(ExitCode.NO);
    assertThat(run.err()).contains("not revealed to " + CasWorld.identityOf(hospital));
  }

  @Test
  void reveal_unknownPolicy_exits1_withTheCasMessage() {
    CliRun run =
        world.run(
            "secret",
            "reveal",
            "--cas",
            "prod",
            "--identity",
            hospital.toString(),
            "--policy",
            "hospital/nothing",
            "--secret",
            "note");

    assertThat(run.exitCode()).isEqualTo(ExitCode.NO);
    assertThat(run.err()).contains("not-found: no policy named hospital/nothing");
  }

  @Test
  void reveal_formatNotOfTheKind_isAUsageError_andNeverShowsTheValue() throws Exception {
    String hex = workloadConfiguration().at("/environment/KEY_HEX").asText();

    CliRun run = reveal(hospital, "result-key", "--format", "pem");

    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(run.err()).contains("not a format of a binary secret: hex, base64");
    assertThat(run.out() + run.err()).doesNotContain(hex);
  }

  @Test
  void reveal_out_writesTheExactValue_toANewFileOnlyTheOwnerReads() throws Exception {
    String hex = workloadConfiguration().at("/environment/KEY_HEX").asText();
    Path out = dir.resolve("result-key.hex");

    CliRun run = reveal(hospital, "result-key", "--out", out.toString());

    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.OK);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).doesNotContain(hex);
    assertThat(Files.readString(out, StandardCharsets.US_ASCII)).isEqualTo(hex);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(out)))
        .isEqualTo("rw-------");
  }

  @Test
  void reveal_out_refusesAnExistingFile_andLeavesItAsItWas() throws Exception {
    Path out = world.file("existing.txt", "keep me");

    CliRun run = reveal(hospital, "result-key", "--out", out.toString());

    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(run.err()).contains("exists already");
    assertThat(Files.readString(out, StandardCharsets.UTF_8)).isEqualTo("keep me");
  }

  @Test
  void reveal_out_refusesASymbolicLink_evenToNothing() throws Exception {
    Path target = dir.resolve("not-yet");
    Path link = Files.createSymbolicLink(dir.resolve("link"), target);

    CliRun run = reveal(hospital, "result-key", "--out", link.toString());

    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(target).doesNotExist();
  }

  @Test
  void reveal_outWithJson_isAUsageError() {
    CliRun run = reveal(hospital, "result-key", "--json", "--out", dir.resolve("x").toString());

    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(dir.resolve("x")).doesNotExist();
  }

  @Test
  void reveal_casUnreachable_exits69() throws Exception {
    CasWorld other = CasWorld.in(Files.createDirectories(dir.resolve("other")));
    Path someone = other.identity("someone");
    LoopbackCas gone = LoopbackCas.serving(other.home(), other.code("cas"), LoopbackCas.newKeys());
    other.pin(gone, "gone");
    gone.close();

    CliRun run =
        other.run(
            "secret",
            "reveal",
            "--cas",
            "gone",
            "--identity",
            someone.toString(),
            "--policy",
            "hospital/results",
            "--secret",
            "note");

    assertThat(run.exitCode()).isEqualTo(ExitCode.UNAVAILABLE);
  }

  /** The CAS's whole log, fetched with {@code coffer audit fetch}, as events. */
  private static List<CasEvent> ledger() throws Exception {
    Path out = Files.createTempDirectory(dir, "log-").resolve("log");
    CliRun fetched = world.run("audit", "fetch", "--cas", "prod", "--out", out.toString());
    assertThat(fetched.exitCode()).as(fetched.err()).isEqualTo(ExitCode.OK);
    TileReader reader = TileReader.open(out);
    String checkpoint = new String(reader.checkpoint(), StandardCharsets.UTF_8);
    long size = Long.parseLong(checkpoint.lines().skip(1).findFirst().orElseThrow());
    List<CasEvent> events = new ArrayList<>();
    for (long i = 0; i < size; i += 256) {
      BundleId bundle = TileLayout.bundleHolding(i, size);
      for (byte[] entry : reader.entryBundle(bundle).entries()) {
        events.add(EventCodec.parse(entry));
      }
    }
    return events;
  }
}
