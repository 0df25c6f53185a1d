package io.coffer.cli.policy;

import io.coffer.cli.cas.CasContext;
import io.coffer.cli.cas.Printable;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code coffer policy proposal-text}: the proposed version's text, for review. */
@Command(
    name = "proposal-text",
    mixinStandardHelpOptions = true,
    description = {
      "Print the text of a proposed version (canonical JSON, secret values as their SHA-256), to"
          + " review before approving it.",
      "Exit 0; 1 when the CAS refuses (forbidden, not-found); 69 when it is unavailable."
    })
final class ProposalTextCommand extends RemotePolicyCommand {

  @Parameters(paramLabel = "PROPOSAL_ID", description = "The proposal.")
  private String id;

  ProposalTextCommand() {
    this(CasContext.system());
  }

  ProposalTextCommand(CasContext context) {
    super(context);
  }

  @Override
  public Integer call() {
    String text = callCas(c -> c.proposalText(id));
    return print(Map.of("id", id, "text", text), List.of(Printable.text(text)));
  }
}
