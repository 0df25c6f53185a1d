package io.coffer.cli.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.coffer.cli.command.ExitCode;
import io.coffer.cli.testing.CliRun;
import org.junit.jupiter.api.Test;

class VerifyConsistencyCommandTest {

  private static final JsonNode PROOF = ReferenceProofs.consistency(6, 8);

  private static CliRun verify(String root1, String root2, String... sizes) {
    return CliRun.run(
        "audit",
        "verify-consistency",
        "--size1",
        sizes.length > 0 ? sizes[0] : "6",
        "--size2",
        sizes.length > 1 ? sizes[1] : "8",
        "--root1",
        root1,
        "--root2",
        root2,
        "--proof",
        ReferenceProofs.proofArg(PROOF),
        "--json");
  }

  @Test
  void referenceProof_isValid() throws Exception {
    CliRun run =
        verify(
            ReferenceProofs.base64(PROOF.get("root1")), ReferenceProofs.base64(PROOF.get("root2")));

    assertThat(run.exitCode()).isEqualTo(ExitCode.OK);
    assertThat(new ObjectMapper().readTree(run.out()).get("valid").asBoolean()).isTrue();
  }

  @Test
  void swappedRoots_areADefiniteNo() throws Exception {
    CliRun run =
        verify(
            ReferenceProofs.base64(PROOF.get("root2")), ReferenceProofs.base64(PROOF.get("root1")));

    assertThat(run.exitCode()).isEqualTo(ExitCode.NO);
    assertThat(new ObjectMapper().readTree(run.out()).get("reason").asText())
        .isEqualTo("OLD_ROOT_MISMATCH");
  }

  @Test
  void shrinkingTree_isADefiniteNo() throws Exception {
    CliRun run =
        verify(
            ReferenceProofs.base64(PROOF.get("root1")),
            ReferenceProofs.base64(PROOF.get("root2")),
            "8",
            "6");

    assertThat(run.exitCode()).isEqualTo(ExitCode.NO);
    assertThat(new ObjectMapper().readTree(run.out()).get("reason").asText())
        .isEqualTo("SIZES_OUT_OF_ORDER");
  }

  @Test
  void textFailure_goesToStderr_onOneLine() {
    CliRun run =
        CliRun.run(
            "audit",
            "verify-consistency",
            "--size1",
            "6",
            "--size2",
            "8",
            "--root1",
            PROOF.get("root2").asText(),
            "--root2",
            PROOF.get("root2").asText(),
            "--proof",
            ReferenceProofs.proofArg(PROOF));

    assertThat(run.exitCode()).isEqualTo(ExitCode.NO);
    assertThat(run.err())
        .startsWith("coffer audit verify-consistency: invalid consistency proof")
        .hasLineCount(1);
  }
}
