package io.coffer.cli.cas;

import picocli.CommandLine.Command;

/** {@code coffer cas}: attest, pin and unseal a Configuration and Attestation Service. */
@Command(
    name = "cas",
    mixinStandardHelpOptions = true,
    description =
        "Verify a CAS and pin it under a name, and unseal it with your share. The policy and audit"
            + " commands then talk to it with --cas NAME.",
    subcommands = {
      // One line per command.
      AttestCasCommand.class,
      UnsealCommand.class,
    })
public final class CasCommand {}
