package io.coffer.cli.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.cas.identity.CasKeys;
import io.coffer.cli.command.ExitCode;
import io.coffer.cli.testing.CasWorld;
import io.coffer.cli.testing.CliRun;
import io.coffer.cli.testing.LoopbackCas;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FetchCommandTest {

  @TempDir Path dir;

  /** Creates {@code count} policies, one ledger entry each. */
  private static void fill(CasWorld world, int count) {
    Path alice = world.identity("alice");
    for (int i = 0; i < count; i++) {
      Path file =
          world.file(
              "p" + i + ".yaml", "name: audit/p" + i + "\nversion: 1\naccess:\n  read: CREATOR\n");
      CliRun run =
          world.run(
              "policy", "create", "--cas", "prod", "--identity", alice.toString(), file.toString());
      assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.OK);
    }
  }

  @Test
  void fetch_writesTiles_andVkey_thatAuditVerifyAccepts() throws Exception {
    CasWorld world = CasWorld.in(dir);
    try (LoopbackCas cas =
        LoopbackCas.serving(world.home(), world.code("a"), LoopbackCas.newKeys())) {
      world.pin(cas, "prod");
      fill(world, 3);
      Path out = dir.resolve("log");

      CliRun run = world.run("audit", "fetch", "--cas", "prod", "--out", out.toString());

      assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.OK);
      assertThat(run.out()).contains("verified: " + LoopbackCas.ORIGIN + ": 3 entries");
      assertThat(out.resolve("checkpoint")).isRegularFile();
      assertThat(out.resolve("tile/0/000.p/3")).isRegularFile();
      assertThat(out.resolve("tile/entries/000.p/3")).isRegularFile();
      String vkey = Files.readString(out.resolve("vkey"), StandardCharsets.UTF_8).strip();
      assertThat(vkey).isEqualTo(cas.keys.ledgerVerifierKey());

      CliRun verify = world.run("audit", "verify", "--log", out.toString(), "--key", vkey);
      assertThat(verify.exitCode()).as(verify.err()).isEqualTo(ExitCode.OK);
      try (Stream<Path> siblings = Files.list(dir)) {
        assertThat(siblings.map(p -> p.getFileName().toString()))
            .noneMatch(n -> n.startsWith(".log.fetch-"));
      }
    }
  }

  @Test
  void fetch_checkpointSignedByAnotherKey_isRefused_andWritesNothing() throws Exception {
    CasWorld world = CasWorld.in(dir);
    CasKeys keys = LoopbackCas.newKeys();
    CasKeys other = LoopbackCas.newKeys();
    try (LoopbackCas cas =
        LoopbackCas.serving(world.home(), world.code("a"), keys, other.checkpointSigner())) {
      world.pin(cas, "prod");
      fill(world, 1);
      Path out = dir.resolve("log");

      CliRun run = world.run("audit", "fetch", "--cas", "prod", "--out", out.toString());

      assertThat(run.exitCode()).isEqualTo(ExitCode.NO);
      assertThat(run.err()).contains("not signed by its pinned ledger key");
      assertThat(out).doesNotExist();
      try (Stream<Path> siblings = Files.list(dir)) {
        assertThat(siblings.map(p -> p.getFileName().toString()))
            .noneMatch(n -> n.startsWith(".log"));
      }
    }
  }

  @Test
  void fetch_existingOut_isUsageError() throws Exception {
    CasWorld world = CasWorld.in(dir);
    try (LoopbackCas cas =
        LoopbackCas.serving(world.home(), world.code("a"), LoopbackCas.newKeys())) {
      world.pin(cas, "prod");
      Path out = Files.createDirectories(dir.resolve("log"));

      CliRun run = world.run("audit", "fetch", "--cas", "prod", "--out", out.toString());

      assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
      assertThat(run.err()).contains("exists already");
    }
  }
}
