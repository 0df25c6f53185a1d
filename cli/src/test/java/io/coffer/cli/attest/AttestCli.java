package io.coffer.cli.attest;

import io.coffer.attestation.testing.Vectors;
import io.coffer.cli.Main;
import io.coffer.cli.command.CofferHome;
import io.coffer.cli.testing.CliRun;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import picocli.CommandLine;

/**
 * {@code coffer} with its {@code attest collect} and {@code attest verify} bound to a Coffer home,
 * TEE interfaces and a clock of the test's choosing, so that no test touches the real home
 * directory or {@code /sys}. Every other part of the command tree, error handling included, is the
 * real one.
 *
 * @param home the Coffer home
 * @param tee where the TEE interfaces are (absent directories unless a test creates them)
 * @param clock the clock that dates simulated evidence and is "now" for verification
 */
record AttestCli(CofferHome home, TeeInterfaces tee, Clock clock) {

  /** The instant the fixed clock shows. */
  static final Instant NOW = Instant.parse("2025-07-01T12:00:00Z");

  /** A home and absent TEE interfaces below {@code dir}, and a clock fixed at {@link #NOW}. */
  static AttestCli in(Path dir) {
    return new AttestCli(
        new CofferHome(dir.resolve("home")),
        new TeeInterfaces(dir.resolve("configfs-tsm"), dir.resolve("gramine")),
        Clock.fixed(NOW, ZoneOffset.UTC));
  }

  /** The same, with other TEE interfaces. */
  AttestCli with(TeeInterfaces other) {
    return new AttestCli(home, other, clock);
  }

  /** Runs {@code coffer args} in-process. */
  CliRun run(String... args) {
    CommandLine cl = Main.commandLine();
    CommandLine attest = cl.getSubcommands().get("attest");
    attest.getCommandSpec().removeSubcommand("collect");
    attest.getCommandSpec().removeSubcommand("verify");
    attest.addSubcommand("collect", new CommandLine(new CollectCommand(tee, () -> home, clock)));
    attest.addSubcommand("verify", new CommandLine(new VerifyCommand(() -> home, clock)));
    return CliRun.run(cl, args);
  }

  /** Writes the published vector {@code vector} to {@code dir/name} and returns that path. */
  static Path vector(String vector, Path dir, String name) {
    try {
      Files.createDirectories(dir);
      return Files.write(dir.resolve(name), Vectors.bytes(vector));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
