package io.coffer.cli.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.coffer.cli.command.ExitCode;
import io.coffer.cli.testing.CliRun;
import io.coffer.ledger.testing.TestVectors;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VerifyInclusionCommandTest {

  private static final JsonNode PROOF = ReferenceProofs.inclusion(5, 8);

  private static CliRun verify(String... extra) {
    String[] base = {
      "audit",
      "verify-inclusion",
      "--tree-size",
      "8",
      "--root",
      ReferenceProofs.base64(PROOF.get("root")),
      "--proof",
      ReferenceProofs.proofArg(PROOF)
    };
    String[] args = new String[base.length + extra.length];
    System.arraycopy(base, 0, args, 0, base.length);
    System.arraycopy(extra, 0, args, base.length, extra.length);
    return CliRun.run(args);
  }

  @Test
  void referenceProof_isValid_withBase64LeafHash() {
    CliRun run =
        verify("--index", "5", "--leaf-hash", ReferenceProofs.base64(PROOF.get("leaf_hash")));

    assertThat(run.exitCode()).isEqualTo(ExitCode.OK);
    assertThat(run.out()).startsWith("valid: entry 5 is in the tree of size 8");
  }

  @Test
  void referenceProof_isValid_withHexLeafHash() {
    CliRun run = verify("--index", "5", "--leaf-hash", PROOF.get("leaf_hash").asText());

    assertThat(run.exitCode()).isEqualTo(ExitCode.OK);
  }

  @Test
  void referenceProof_isValid_fromTheEntryBytes(@TempDir Path dir) throws Exception {
    Path entry = dir.resolve("entry.bin");
    Files.write(entry, TestVectors.hex(PROOF.get("leaf_input_hex").asText()));

    CliRun run = verify("--index", "5", "--entry", entry.toString());

    assertThat(run.exitCode()).isEqualTo(ExitCode.OK);
  }

  @Test
  void wrongIndex_isADefiniteNo_withTheReason() {
    CliRun run =
        verify("--index", "4", "--leaf-hash", ReferenceProofs.base64(PROOF.get("leaf_hash")));

    assertThat(run.exitCode()).isEqualTo(ExitCode.NO);
    assertThat(run.err())
        .startsWith("coffer audit verify-inclusion: invalid inclusion proof")
        .hasLineCount(1);
    assertThat(run.out()).isEmpty();
  }

  @Test
  void json_reportsTheReasonCode() throws Exception {
    CliRun run =
        verify("--index", "5", "--leaf-hash", ReferenceProofs.base64(PROOF.get("root")), "--json");

    JsonNode out = new ObjectMapper().readTree(run.out());
    assertThat(run.exitCode()).isEqualTo(ExitCode.NO);
    assertThat(out.get("valid").asBoolean()).isFalse();
    assertThat(out.get("reason").asText()).isEqualTo("ROOT_MISMATCH");
    assertThat(out.get("treeSize").asLong()).isEqualTo(8);
  }

  @Test
  void indexBeyondTheTree_isRejectedFirst() throws Exception {
    CliRun run =
        verify(
            "--index",
            "8",
            "--leaf-hash",
            ReferenceProofs.base64(PROOF.get("leaf_hash")),
            "--json");

    assertThat(run.exitCode()).isEqualTo(ExitCode.NO);
    assertThat(new ObjectMapper().readTree(run.out()).get("reason").asText())
        .isEqualTo("INDEX_OUT_OF_RANGE");
  }

  @Test
  void leafHashAndEntry_together_areAUsageError(@TempDir Path dir) throws Exception {
    Path entry = Files.write(dir.resolve("e"), new byte[] {1});

    CliRun run =
        verify(
            "--index",
            "5",
            "--leaf-hash",
            ReferenceProofs.base64(PROOF.get("leaf_hash")),
            "--entry",
            entry.toString());

    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(run.err()).contains("mutually exclusive").hasLineCount(1);
  }

  @Test
  void malformedHash_isAUsageError_namingTheOption() {
    CliRun run = verify("--index", "5", "--leaf-hash", "not-a-hash");

    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(run.err()).contains("'--leaf-hash'").contains("64 hex digits or 44 base64");
  }

  @Test
  void missingEntryFile_isUnreadableInput(@TempDir Path dir) {
    CliRun run = verify("--index", "5", "--entry", dir.resolve("missing").toString());

    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(run.err()).contains("cannot read the entry").hasLineCount(1);
  }
}
