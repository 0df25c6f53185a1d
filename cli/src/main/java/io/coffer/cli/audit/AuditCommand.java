package io.coffer.cli.audit;

import picocli.CommandLine.Command;

/** {@code coffer audit}: offline verification of Coffer's transparency log. */
@Command(
    name = "audit",
    mixinStandardHelpOptions = true,
    description =
        "Verify the transparency log offline: checkpoints, inclusion and consistency proofs, and"
            + " whole logs.",
    subcommands = {
      VerifyLogCommand.class,
      VerifyCheckpointCommand.class,
      VerifyInclusionCommand.class,
      VerifyConsistencyCommand.class
    })
public final class AuditCommand {}
