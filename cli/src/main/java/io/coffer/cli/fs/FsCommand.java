package io.coffer.cli.fs;

import picocli.CommandLine.Command;

/** {@code coffer fs}: the file-system shield's commands. */
@Command(
    name = "fs",
    mixinStandardHelpOptions = true,
    description =
        "Seal a directory tree into a protected tree (each file encrypted or authenticated, an"
            + " authenticated manifest whose hash is the tree's tag), verify one, unseal one.",
    subcommands = {SealCommand.class, VerifyCommand.class, UnsealCommand.class})
public final class FsCommand {}
