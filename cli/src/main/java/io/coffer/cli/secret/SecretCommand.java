package io.coffer.cli.secret;

import picocli.CommandLine.Command;

/** {@code coffer secret}: secrets a policy reveals to a person. */
@Command(
    name = "secret",
    mixinStandardHelpOptions = true,
    description =
        "Read a secret that a policy's reveal_to names you for, from a CAS pinned with 'coffer cas"
            + " attest'.",
    subcommands = {RevealCommand.class})
public final class SecretCommand {}
