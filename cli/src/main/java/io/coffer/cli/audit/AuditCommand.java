package io.coffer.cli.audit;

import picocli.CommandLine.Command;

/** {@code coffer audit}: fetching and offline verification of Coffer's transparency log. */
@Command(
    name = "audit",
    mixinStandardHelpOptions = true,
    description =
        "Fetch a pinned CAS's transparency log, and verify logs offline: checkpoints, inclusion"
            + " and consistency proofs, and whole logs; list the events of a verified log.",
    subcommands = {
      VerifyLogCommand.class,
      VerifyCheckpointCommand.class,
      VerifyInclusionCommand.class,
      VerifyConsistencyCommand.class,
      FetchCommand.class,
      EventsCommand.class
    })
public final class AuditCommand {}
