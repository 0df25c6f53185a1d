package io.coffer.cli.policy;

import io.coffer.cas.service.Proposal;
import io.coffer.cli.cas.CasContext;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code coffer policy reject}: rejects a proposal; it never activates. */
@Command(
    name = "reject",
    mixinStandardHelpOptions = true,
    description = {
      "Reject a proposal as an identity the current update rule counts; it never activates.",
      "Exit 0; 1 when the CAS refuses (forbidden, proposal-closed); 69 when it is unavailable."
    })
final class RejectCommand extends RemotePolicyCommand {

  @Option(
      names = "--reason",
      paramLabel = "TEXT",
      description = "Why, for the other board members (public in the proposal; at most 1,000).")
  private String reason;

  @Parameters(paramLabel = "PROPOSAL_ID", description = "The proposal.")
  private String id;

  RejectCommand() {
    this(CasContext.system());
  }

  RejectCommand(CasContext context) {
    super(context);
  }

  @Override
  public Integer call() {
    Proposal p = callCas(c -> c.reject(id, Optional.ofNullable(reason)));
    return print(PolicyReports.proposal(p), PolicyReports.proposalLines(p));
  }
}
