package io.coffer.cli.fs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.coffer.cli.command.ExitCode;
import io.coffer.cli.testing.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code coffer fs seal | verify | unseal}, as a user runs them. */
class FsCommandTest {

  @TempDir Path dir;

  private Path source() throws Exception {
    Path src = Files.createDirectories(dir.resolve("src/app"));
    Files.writeString(src.resolve("main.py"), "print('the secret sauce')\n");
    Files.write(src.resolve("model.bin"), new byte[100_000]);
    return dir.resolve("src");
  }

  private String seal(String... extra) throws Exception {
    String[] base = {"fs", "seal", source().toString(), dir.resolve("sealed").toString()};
    String[] args = Stream.concat(Stream.of(base), Stream.of(extra)).toArray(String[]::new);
    CliRun run = CliRun.run(args);
    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.OK);
    return run.out().strip();
  }

  private CliRun verify(String tag) {
    return CliRun.run(
        "fs",
        "verify",
        dir.resolve("sealed").toString(),
        "--key",
        dir.resolve("k").toString(),
        "--tag",
        tag);
  }

  @Test
  void seal_thenVerify_thenUnseal_givesTheTreeBack() throws Exception {
    String tag = seal("--key-out", dir.resolve("k").toString());
    assertThat(tag).matches("[0-9a-f]{64}");

    CliRun v = verify(tag);
    assertThat(v.exitCode()).as(v.err()).isEqualTo(ExitCode.OK);
    assertThat(v.out()).contains("verified: 2 files, 100026 bytes");

    CliRun u =
        CliRun.run(
            "fs",
            "unseal",
            dir.resolve("sealed").toString(),
            dir.resolve("out").toString(),
            "--key",
            dir.resolve("k").toString(),
            "--tag",
            tag);
    assertThat(u.exitCode()).as(u.err()).isEqualTo(ExitCode.OK);
    assertThat(dir.resolve("out/app/main.py")).hasContent("print('the secret sauce')");
    assertThat(Files.readAllBytes(dir.resolve("out/app/model.bin"))).hasSize(100_000);
  }

  @Test
  void seal_withAGivenKey_andJson_printsTheTagAndCounts() throws Exception {
    io.coffer.fsshield.TreeKey.generate().write(dir.resolve("k"));
    JsonNode j =
        new ObjectMapper()
            .readTree(
                seal("--key", dir.resolve("k").toString(), "--mode", "authenticated", "--json"));
    assertThat(j.get("tag").asText()).matches("[0-9a-f]{64}");
    assertThat(j.get("mode").asText()).isEqualTo("authenticated");
    assertThat(j.get("files").asLong()).isEqualTo(2);
    assertThat(verify(j.get("tag").asText()).exitCode()).isEqualTo(ExitCode.OK);
  }

  @Test
  void verify_tamperedFile_isRefused_withItsReason() throws Exception {
    String tag = seal("--key-out", dir.resolve("k").toString());
    try (Stream<Path> s = Files.list(dir.resolve("sealed/objects"))) {
      for (Path p : s.toList()) {
        byte[] b = Files.readAllBytes(p);
        b[b.length / 2] ^= 1;
        Files.write(p, b);
      }
    }

    CliRun v = verify(tag);

    assertThat(v.exitCode()).isEqualTo(ExitCode.NO);
    assertThat(v.err()).contains("refused (file-modified)").contains("app/");
  }

  @Test
  void verify_otherTag_isRefusedAsTagMismatch_andUnsealWritesNothing() throws Exception {
    seal("--key-out", dir.resolve("k").toString());
    String other = "ab".repeat(32);

    CliRun v = verify(other);
    CliRun u =
        CliRun.run(
            "fs",
            "unseal",
            dir.resolve("sealed").toString(),
            dir.resolve("out").toString(),
            "--key",
            dir.resolve("k").toString(),
            "--tag",
            other);

    assertThat(v.exitCode()).isEqualTo(ExitCode.NO);
    assertThat(v.err()).contains("refused (tag-mismatch)");
    assertThat(u.exitCode()).isEqualTo(ExitCode.NO);
    assertThat(dir.resolve("out")).doesNotExist();
  }

  @Test
  void badInputs_areUsageErrors_namingWhatIsWrong() throws Exception {
    Files.writeString(dir.resolve("k"), "existing");
    CliRun existingKey =
        CliRun.run(
            "fs",
            "seal",
            source().toString(),
            dir.resolve("sealed").toString(),
            "--key-out",
            dir.resolve("k").toString());
    assertThat(existingKey.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(existingKey.err()).contains(dir.resolve("k").toString()).contains("never replaced");
    assertThat(dir.resolve("k")).hasContent("existing");

    CliRun both =
        CliRun.run(
            "fs",
            "seal",
            source().toString(),
            dir.resolve("s2").toString(),
            "--key-out",
            "a",
            "--key",
            "b");
    assertThat(both.exitCode()).isEqualTo(ExitCode.USAGE);

    CliRun badTag = verify("xyz");
    assertThat(badTag.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(badTag.err()).contains("--tag");

    CliRun badMode =
        CliRun.run(
            "fs",
            "seal",
            source().toString(),
            dir.resolve("s3").toString(),
            "--key-out",
            dir.resolve("k3").toString(),
            "--mode",
            "plain");
    assertThat(badMode.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(badMode.err()).contains("unknown mode 'plain'");
    assertThat(dir.resolve("k3")).doesNotExist();
  }
}
