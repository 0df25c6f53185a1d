package io.coffer.cli.identity;

import picocli.CommandLine.Command;

/** {@code coffer identity}: create and show a stakeholder's signing identity. */
@Command(
    name = "identity",
    mixinStandardHelpOptions = true,
    description =
        "Create and show your signing identity: a private key, its public identity string (for"
            + " policies' access rules) and a client certificate for mTLS.",
    subcommands = {CreateIdentityCommand.class, ShowIdentityCommand.class})
public final class IdentityCommand {}
