package io.coffer.cli.policy;

import picocli.CommandLine.Command;

/** {@code coffer policy}: check, hash, sign and approve policies offline. */
@Command(
    name = "policy",
    mixinStandardHelpOptions = true,
    description =
        "Check policy files, print their hash, sign an approval of a policy version with your"
            + " identity, and check that approvals satisfy the current version's update rule.",
    subcommands = {
      LintCommand.class,
      HashCommand.class,
      SignCommand.class,
      CheckApprovalsCommand.class
    })
public final class PolicyCommand {}
