package io.coffer.cli.policy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.coffer.cli.command.ExitCode;
import io.coffer.cli.testing.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyCommandsTest {

  private static final String VALID =
      "name: acme/app\nversion: 1\nsecrets:\n  - name: token\n    kind: ascii\n    size: 16\n";

  @TempDir Path dir;

  private Path write(String name, String text) throws Exception {
    return Files.writeString(dir.resolve(name), text);
  }

  @Test
  void lint_validPolicies_exitZero_withTheirHashes() throws Exception {
    Path a = write("a.yaml", VALID);
    Path b =
        write(
            "b.yaml",
            "# same policy, other formatting\n{version: 1, name: 'acme/app', secrets: [{size: 16, kind: ascii, name: token}]}\n");

    CliRun run = CliRun.run("policy", "lint", a.toString(), b.toString());

    assertThat(run.exitCode()).isEqualTo(ExitCode.OK);
    String[] lines = run.out().strip().split("\n");
    assertThat(lines).hasSize(2);
    assertThat(lines[0]).startsWith(a + ": valid, acme/app ");
    assertThat(lines[0].substring(lines[0].lastIndexOf(' ')))
        .isEqualTo(lines[1].substring(lines[1].lastIndexOf(' ')));
  }

  @Test
  void lint_invalidPolicy_exitsOne_printingEveryProblemWithItsPosition() throws Exception {
    Path bad =
        write(
            "bad.yaml", "name: acme//app\nversion: 2\nsecrets:\n  - name: token\n    kind: nope\n");

    CliRun run = CliRun.run("policy", "lint", bad.toString());

    assertThat(run.exitCode()).isEqualTo(ExitCode.NO);
    assertThat(run.out().strip().split("\n"))
        .containsExactly(
            bad
                + ":1:7: name: a policy name has no empty segment (no leading, trailing or double '/')",
            bad + ":2:10: version: must be between 1 and 1, not 2",
            bad
                + ":5:11: secrets[0].kind: 'nope' is not one of ascii, binary, private-key, x509-ca, x509");
    assertThat(run.err()).contains("1 of 1 files not valid, 3 problems").doesNotContain("\tat ");
  }

  @Test
  void lint_json_listsProblemsAsObjects() throws Exception {
    Path bad = write("bad.yaml", "name: a/b\nversion: 1\nextra: 1\n");

    CliRun run = CliRun.run("policy", "lint", "--json", bad.toString());

    assertThat(run.exitCode()).isEqualTo(ExitCode.NO);
    JsonNode doc = new ObjectMapper().readTree(run.out());
    assertThat(doc.get("valid").asBoolean()).isFalse();
    JsonNode problem = doc.get("files").get(0).get("problems").get(0);
    assertThat(problem.get("line").asInt()).isEqualTo(3);
    assertThat(problem.get("path").asText()).isEqualTo("extra");
  }

  @Test
  void lint_aMissingFile_isExitTwo() {
    CliRun run = CliRun.run("policy", "lint", dir.resolve("nope.yaml").toString());

    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(run.err()).contains("nope.yaml: cannot read");
  }

  @Test
  void hash_printsTheSameHash_forAnyFormatting_andAnotherForAnotherPolicy() throws Exception {
    Path a = write("a.yaml", VALID);
    Path b =
        write(
            "b.yaml",
            "version: 1\nsecrets: [{name: token, size: 16, kind: ascii}]\nname: \"acme/app\"\n");
    Path c = write("c.yaml", VALID.replace("size: 16", "size: 17"));

    String ha = CliRun.run("policy", "hash", a.toString()).out().strip();
    String hb = CliRun.run("policy", "hash", b.toString()).out().strip();
    String hc = CliRun.run("policy", "hash", c.toString()).out().strip();

    assertThat(ha).matches("[0-9a-f]{64}").isEqualTo(hb).isNotEqualTo(hc);
  }

  @Test
  void hash_ofAnInvalidPolicy_exitsOne_withItsProblems() throws Exception {
    Path bad = write("bad.yaml", "name: a/b\n");

    CliRun run = CliRun.run("policy", "hash", bad.toString());

    assertThat(run.exitCode()).isEqualTo(ExitCode.NO);
    assertThat(run.out()).contains(bad + ":1:1: version: is required");
  }

  @Test
  void hash_canonical_printsTheHashedJson() throws Exception {
    Path a = write("a.yaml", "name: a/b\nversion: 1\n");

    CliRun run = CliRun.run("policy", "hash", "--json", "--canonical", a.toString());

    JsonNode doc = new ObjectMapper().readTree(run.out());
    assertThat(doc.get("canonical").asText()).startsWith("{\"access\":{\"create\":\"CREATOR\"");
    assertThat(doc.get("hash").asText()).hasSize(64);
  }
}
