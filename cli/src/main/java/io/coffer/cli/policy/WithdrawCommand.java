package io.coffer.cli.policy;

import io.coffer.cas.service.Proposal;
import io.coffer.cli.cas.CasContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code coffer policy withdraw}: the proposer withdraws a proposal; it never activates. */
@Command(
    name = "withdraw",
    mixinStandardHelpOptions = true,
    description = {
      "Withdraw your proposal; it never activates.",
      "Exit 0; 1 when the CAS refuses (forbidden, proposal-closed); 69 when it is unavailable."
    })
final class WithdrawCommand extends RemotePolicyCommand {

  @Parameters(paramLabel = "PROPOSAL_ID", description = "The proposal.")
  private String id;

  WithdrawCommand() {
    this(CasContext.system());
  }

  WithdrawCommand(CasContext context) {
    super(context);
  }

  @Override
  public Integer call() {
    Proposal p = callCas(c -> c.withdraw(id));
    return print(PolicyReports.proposal(p), PolicyReports.proposalLines(p));
  }
}
