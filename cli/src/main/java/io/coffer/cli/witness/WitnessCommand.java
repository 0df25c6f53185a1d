package io.coffer.cli.witness;

import picocli.CommandLine.Command;

/** {@code coffer witness}: the transparency-log witness. */
@Command(
    name = "witness",
    mixinStandardHelpOptions = true,
    description =
        "Run a C2SP tlog-witness: it cosigns a log's checkpoints and never cosigns a smaller tree"
            + " or a fork of one it cosigned, so a CAS restored from an old backup is caught.",
    subcommands = {ServeCommand.class})
public final class WitnessCommand {}
