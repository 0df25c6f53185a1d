package io.coffer.cli.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.cli.command.ExitCode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A Coffer home, identities made by {@code coffer identity create}, and the {@link CasCli} that
 * runs commands in it: the client side of the tests that talk to a {@link LoopbackCas}.
 *
 * @param dir the test's directory
 * @param cli the CLI bound to {@code dir/home}
 */
public record CasWorld(Path dir, CasCli cli) {

  public static CasWorld in(Path dir) {
    return new CasWorld(dir, new CasCli(dir.resolve("home")));
  }

  /** The Coffer home. */
  public Path home() {
    return cli.home();
  }

  /** Where a CAS's code is (its measurement in simulation). */
  public Path code(String name) {
    return dir.resolve("code-" + name);
  }

  /** Runs {@code coffer args}. */
  public CliRun run(String... args) {
    return cli.run(args);
  }

  /** A new identity directory {@code dir/name} made with {@code coffer identity create}. */
  public Path identity(String name) {
    Path out = dir.resolve("id-" + name);
    CliRun run = cli.run("identity", "create", "--out", out.toString(), "--name", name);
    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.OK);
    return out;
  }

  /** The identity string of an identity directory. */
  public static String identityOf(Path identityDir) {
    try {
      return Files.readString(identityDir.resolve("identity.txt"), StandardCharsets.US_ASCII)
          .strip();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Pins {@code cas} as {@code name}, tolerating simulation; asserts it worked. */
  public void pin(LoopbackCas cas, String name) {
    CliRun run =
        cli.run(
            "cas",
            "attest",
            "--url",
            cas.uri().toString(),
            "--name",
            name,
            "--tolerate",
            "simulation");
    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.OK);
  }

  /** Writes {@code text} to {@code dir/name}. */
  public Path file(String name, String text) {
    try {
      return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
