package io.coffer.cli.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.coffer.cli.command.ExitCode;
import io.coffer.cli.testing.CliRun;
import io.coffer.ledger.note.Ed25519NoteSigner;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code coffer audit verify} on published logs, intact and attacked. */
class VerifyLogCommandTest {

  @TempDir Path dir;

  private static JsonNode json(CliRun run) throws Exception {
    return new ObjectMapper().readTree(run.out());
  }

  private static CliRun verify(Path log, String vkey, String... extra) {
    String[] base = {"audit", "verify", "--log", log.toString(), "--key", vkey, "--json"};
    String[] args = new String[base.length + extra.length];
    System.arraycopy(base, 0, args, 0, base.length);
    System.arraycopy(extra, 0, args, base.length, extra.length);
    return CliRun.run(args);
  }

  @Test
  void intactLog_verifies_withAOneLineSummary() throws Exception {
    try (PublishedLog log = new PublishedLog("coffer.example/log", PublishedLog.newKey(), "a")) {
      Path tiles = log.growTo(600).publish(dir.resolve("tiles"));

      CliRun run = CliRun.run("audit", "verify", "--log", tiles.toString(), "--key", log.vkey());

      assertThat(run.exitCode()).isEqualTo(ExitCode.OK);
      assertThat(run.out())
          .hasLineCount(1)
          .startsWith("verified: coffer.example/log: 600 entries, root ")
          .contains("3 entry bundles");
    }
  }

  @Test
  void grownLog_isConsistentWithAnOlderCheckpoint() throws Exception {
    try (PublishedLog log = new PublishedLog("coffer.example/log", PublishedLog.newKey(), "a")) {
      Path old = log.growTo(300).saveCheckpoint(dir.resolve("old-checkpoint"));
      Path tiles = log.growTo(777).publish(dir.resolve("tiles"));

      CliRun run = verify(tiles, log.vkey(), "--since", old.toString());

      assertThat(run.exitCode()).isEqualTo(ExitCode.OK);
      assertThat(json(run).get("message").asText())
          .endsWith("consistent with the checkpoint at size 300");
      assertThat(json(run).get("consistencyProof").size()).isPositive();
    }
  }

  @Test
  void rollback_isReported() throws Exception {
    try (PublishedLog log = new PublishedLog("coffer.example/log", PublishedLog.newKey(), "a")) {
      Path tiles = log.growTo(300).publish(dir.resolve("tiles"));
      Path newer = log.growTo(400).saveCheckpoint(dir.resolve("newer-checkpoint"));

      CliRun run = verify(tiles, log.vkey(), "--since", newer.toString());

      assertThat(run.exitCode()).isEqualTo(ExitCode.NO);
      assertThat(json(run).get("reason").asText()).isEqualTo("ROLLBACK");
      assertThat(json(run).get("message").asText())
          .startsWith("rollback: the log signs 300 entries");
    }
  }

  @Test
  void forkAtTheSameSize_isReported() throws Exception {
    Ed25519NoteSigner key = PublishedLog.newKey();
    try (PublishedLog honest = new PublishedLog("coffer.example/log", key, "a");
        PublishedLog forked = new PublishedLog("coffer.example/log", key, "b")) {
      Path seen = honest.growTo(300).saveCheckpoint(dir.resolve("seen-checkpoint"));
      Path tiles = forked.growTo(300).publish(dir.resolve("tiles"));

      CliRun run = verify(tiles, key.verifier().vkey(), "--since", seen.toString());

      assertThat(run.exitCode()).isEqualTo(ExitCode.NO);
      assertThat(json(run).get("reason").asText()).isEqualTo("FORK");
      assertThat(json(run).get("message").asText())
          .startsWith("fork: the log signed two different trees of 300");
    }
  }

  @Test
  void rewrittenHistory_isAFork() throws Exception {
    Ed25519NoteSigner key = PublishedLog.newKey();
    try (PublishedLog honest = new PublishedLog("coffer.example/log", key, "a");
        PublishedLog rewritten = new PublishedLog("coffer.example/log", key, "b")) {
      Path seen = honest.growTo(300).saveCheckpoint(dir.resolve("seen-checkpoint"));
      Path tiles = rewritten.growTo(500).publish(dir.resolve("tiles"));

      CliRun run = verify(tiles, key.verifier().vkey(), "--since", seen.toString());

      assertThat(run.exitCode()).isEqualTo(ExitCode.NO);
      assertThat(json(run).get("reason").asText()).isEqualTo("FORK");
      assertThat(json(run).get("message").asText()).startsWith("fork: the log's first 300 entries");
    }
  }

  @Test
  void deletedEntryBundle_isTruncation() throws Exception {
    try (PublishedLog log = new PublishedLog("coffer.example/log", PublishedLog.newKey(), "a")) {
      Path tiles = log.growTo(600).publish(dir.resolve("tiles"));
      Files.delete(tiles.resolve("tile/entries/001"));

      CliRun run = verify(tiles, log.vkey());

      assertThat(run.exitCode()).isEqualTo(ExitCode.NO);
      assertThat(json(run).get("reason").asText()).isEqualTo("TRUNCATED");
      assertThat(json(run).get("file").asText()).isEqualTo("tile/entries/001");
    }
  }

  @Test
  void changedEntry_isTampering_namingTheFile() throws Exception {
    try (PublishedLog log = new PublishedLog("coffer.example/log", PublishedLog.newKey(), "a")) {
      Path tiles = log.growTo(600).publish(dir.resolve("tiles"));
      Path bundle = tiles.resolve("tile/entries/000");
      byte[] b = Files.readAllBytes(bundle);
      b[100] ^= 1;
      Files.write(bundle, b);

      CliRun run = verify(tiles, log.vkey());

      assertThat(run.exitCode()).isEqualTo(ExitCode.NO);
      assertThat(json(run).get("reason").asText()).isEqualTo("TAMPERED");
      assertThat(json(run).get("tilesReason").asText()).isEqualTo("ENTRY_CHANGED");
      assertThat(json(run).get("file").asText()).isEqualTo("tile/entries/000");
    }
  }

  @Test
  void checkpointByAnotherKey_isRejected() throws Exception {
    try (PublishedLog log = new PublishedLog("coffer.example/log", PublishedLog.newKey(), "a")) {
      Path tiles = log.growTo(10).publish(dir.resolve("tiles"));

      CliRun run = verify(tiles, PublishedLog.newKey().verifier().vkey());

      assertThat(run.exitCode()).isEqualTo(ExitCode.NO);
      assertThat(json(run).get("reason").asText()).isEqualTo("CHECKPOINT_INVALID");
    }
  }

  @Test
  void olderCheckpointOfAnotherLog_isReported() throws Exception {
    Ed25519NoteSigner key = PublishedLog.newKey();
    try (PublishedLog log = new PublishedLog("coffer.example/log", key, "a");
        PublishedLog other = new PublishedLog("coffer.example/other", key, "a")) {
      Path foreign = other.growTo(5).saveCheckpoint(dir.resolve("foreign"));
      Path tiles = log.growTo(10).publish(dir.resolve("tiles"));

      CliRun run = verify(tiles, key.verifier().vkey(), "--since", foreign.toString());

      assertThat(run.exitCode()).isEqualTo(ExitCode.NO);
      assertThat(json(run).get("reason").asText()).isEqualTo("DIFFERENT_LOG");
    }
  }

  @Test
  void missingDirectory_isAUsageError() throws Exception {
    CliRun run = verify(dir.resolve("nope"), PublishedLog.newKey().verifier().vkey());

    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(run.err()).contains("not a directory").hasLineCount(1);
  }

  @Test
  void malformedSinceFile_isUnreadableInput() throws Exception {
    try (PublishedLog log = new PublishedLog("coffer.example/log", PublishedLog.newKey(), "a")) {
      Path tiles = log.growTo(10).publish(dir.resolve("tiles"));
      Path junk = Files.writeString(dir.resolve("junk"), "not a checkpoint");

      CliRun run = verify(tiles, log.vkey(), "--since", junk.toString());

      assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
      assertThat(run.err()).contains("--since").contains("malformed note");
    }
  }
}
