package io.coffer.cli.cas;

import picocli.CommandLine.Command;

/** {@code coffer cas}: run, attest, pin and unseal a Configuration and Attestation Service. */
@Command(
    name = "cas",
    mixinStandardHelpOptions = true,
    description =
        "Run a CAS; verify a CAS and pin it under a name; unseal it with your share. The policy"
            + " and audit commands then talk to it with --cas NAME.",
    subcommands = {
      // One line per command.
      AttestCasCommand.class,
      ServeCommand.class,
      UnsealCommand.class,
    })
public final class CasCommand {}
