package io.coffer.cli.policy;

import picocli.CommandLine.Command;

/**
 * {@code coffer policy}: check, hash, sign and approve policies offline, and manage them on a
 * pinned CAS.
 */
@Command(
    name = "policy",
    mixinStandardHelpOptions = true,
    description =
        "Check policy files, print their hash, sign an approval of a policy version with your"
            + " identity, and check that approvals satisfy the current version's update rule;"
            + " create, read and govern policies on a CAS pinned with 'coffer cas attest'.",
    subcommands = {
      LintCommand.class,
      HashCommand.class,
      SignCommand.class,
      CheckApprovalsCommand.class,
      CreateCommand.class,
      ReadCommand.class,
      ListCommand.class,
      HistoryCommand.class,
      ProposeCommand.class,
      ApproveCommand.class,
      RejectCommand.class,
      WithdrawCommand.class,
      ProposalsCommand.class,
      ProposalTextCommand.class
    })
public final class PolicyCommand {}
