package io.coffer.cli.policy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.coffer.cli.command.ExitCode;
import io.coffer.cli.testing.CliRun;
import io.coffer.policy.governance.Identity;
import io.coffer.policy.governance.IdentityKey;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code coffer policy sign} and {@code check-approvals}: an update needs the approvals the current
 * version's update rule asks for, of exactly the proposed version.
 */
class ApprovalCommandsTest {

  @TempDir Path dir;

  private Path creatorDir;
  private Path officerDir;
  private Path strangerDir;
  private IdentityKey creator;
  private IdentityKey officer;
  private Path current;
  private Path proposed;

  private Path identityDir(String name, IdentityKey key) throws Exception {
    Path d = Files.createDirectory(dir.resolve(name));
    Files.writeString(d.resolve("key.pem"), key.toPem());
    return d;
  }

  @BeforeEach
  void setUp() throws Exception {
    creator = IdentityKey.generate(Identity.Type.ED25519);
    officer = IdentityKey.generate(Identity.Type.P256);
    creatorDir = identityDir("creator", creator);
    officerDir = identityDir("officer", officer);
    strangerDir = identityDir("stranger", IdentityKey.generate(Identity.Type.ED25519));
    current =
        Files.writeString(
            dir.resolve("v1.yaml"),
            "name: acme/app\nversion: 1\naccess:\n  update:\n    require-all: [CREATOR, "
                + officer.identity()
                + "]\n");
    String hash = CliRun.run("policy", "hash", current.toString()).out().strip();
    proposed =
        Files.writeString(
            dir.resolve("v2.yaml"),
            "name: acme/app\nversion: 1\npredecessor: "
                + hash
                + "\naccess:\n  update: ANY\n  read: ANY\n");
  }

  private Path sign(Path identity, Path policy, String name) throws Exception {
    CliRun run = CliRun.run("policy", "sign", "--identity", identity.toString(), policy.toString());
    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.OK);
    return Files.writeString(dir.resolve(name), run.out());
  }

  private CliRun check(Path... approvals) {
    java.util.List<String> args =
        new java.util.ArrayList<>(
            java.util.List.of(
                "policy",
                "check-approvals",
                "--current",
                current.toString(),
                "--proposed",
                proposed.toString(),
                "--creator",
                creator.identity().toString(),
                "--approval"));
    for (Path a : approvals) {
      args.add(a.toString());
    }
    return CliRun.run(args.toArray(String[]::new));
  }

  @Test
  void sign_printsAnApproval_ofThePolicyHashAndItsPredecessor() throws Exception {
    CliRun run =
        CliRun.run("policy", "sign", "--identity", officerDir.toString(), proposed.toString());

    assertThat(run.exitCode()).isEqualTo(ExitCode.OK);
    var doc = new ObjectMapper().readTree(run.out());
    assertThat(doc.get("identity").asText()).isEqualTo(officer.identity().toString());
    assertThat(doc.get("signature").asText()).isNotEmpty();
    assertThat(run.out()).doesNotContain("PRIVATE KEY");
  }

  @Test
  void checkApprovals_bothRequiredApprovals_suffice() throws Exception {
    Path a = sign(creatorDir, proposed, "a.json");
    Path b = sign(officerDir, proposed, "b.json");

    CliRun run = check(a, b);

    assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCode.OK);
  }

  @Test
  void checkApprovals_oneOfTwo_isNotEnough() throws Exception {
    Path a = sign(creatorDir, proposed, "a.json");

    CliRun run = check(a);

    assertThat(run.exitCode()).isEqualTo(ExitCode.NO);
    assertThat(run.err()).contains("do not satisfy");
  }

  @Test
  void checkApprovals_usesTheCurrentRule_notTheProposedOnesAny() throws Exception {
    Path s = sign(strangerDir, proposed, "s.json");

    CliRun run = check(s);

    assertThat(run.exitCode()).isEqualTo(ExitCode.NO);
  }

  @Test
  void checkApprovals_approvalsOfAnotherVersion_doNotCount() throws Exception {
    Path a = sign(creatorDir, current, "a.json");
    Path b = sign(officerDir, current, "b.json");

    CliRun run = check(a, b);

    assertThat(run.exitCode()).isEqualTo(ExitCode.NO);
  }

  @Test
  void checkApprovals_aProposalThatDoesNotNameTheCurrentHash_isRefused() throws Exception {
    Files.writeString(
        proposed, "name: acme/app\nversion: 1\npredecessor: " + "ab".repeat(32) + "\n");
    Path a = sign(creatorDir, proposed, "a.json");
    Path b = sign(officerDir, proposed, "b.json");

    CliRun run = check(a, b);

    assertThat(run.exitCode()).isEqualTo(ExitCode.NO);
    assertThat(run.err()).contains("not the current version's hash");
  }

  @Test
  void checkApprovals_aRuleNamingCreator_needsTheCreator() throws Exception {
    Path a = sign(creatorDir, proposed, "a.json");

    CliRun run =
        CliRun.run(
            "policy",
            "check-approvals",
            "--current",
            current.toString(),
            "--proposed",
            proposed.toString(),
            "--approval",
            a.toString());

    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(run.err()).contains("--creator");
  }

  @Test
  void anIdentityMadeByIdentityCreate_signsApprovalsThatCount() throws Exception {
    Path made = dir.resolve("made");
    CliRun created = CliRun.run("identity", "create", "--out", made.toString(), "--type", "p256");
    assertThat(created.exitCode()).as(created.err()).isEqualTo(ExitCode.OK);
    String identity = CliRun.run("identity", "show", made.toString()).out().strip();
    Files.writeString(current, "name: acme/app\nversion: 1\naccess:\n  update: " + identity + "\n");
    String hash = CliRun.run("policy", "hash", current.toString()).out().strip();
    Files.writeString(proposed, "name: acme/app\nversion: 1\npredecessor: " + hash + "\n");

    CliRun run = check(sign(made, proposed, "m.json"));

    assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCode.OK);
  }

  @Test
  void sign_withAMissingKey_isExitTwo() {
    CliRun run =
        CliRun.run(
            "policy", "sign", "--identity", dir.resolve("none").toString(), current.toString());

    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(run.err()).contains("key.pem: cannot read");
  }
}
