package io.coffer.cli.policy;

import io.coffer.cas.service.Proposal;
import io.coffer.cli.cas.CasContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code coffer policy proposals}: a policy's proposals, newest first. */
@Command(
    name = "proposals",
    mixinStandardHelpOptions = true,
    description = {
      "List a policy's proposals, newest first, with their state and ballots.",
      "Exit 0; 1 when the CAS refuses (forbidden, not-found); 69 when it is unavailable."
    })
final class ProposalsCommand extends RemotePolicyCommand {

  @Option(names = "--open", description = "Only the proposals still open.")
  private boolean openOnly;

  @Parameters(paramLabel = "POLICY", description = "The policy's name.")
  private String name;

  ProposalsCommand() {
    this(CasContext.system());
  }

  ProposalsCommand(CasContext context) {
    super(context);
  }

  @Override
  public Integer call() {
    List<Proposal> proposals = callCas(c -> c.proposals(name, openOnly));
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("name", name);
    d.put("proposals", proposals.stream().map(PolicyReports::proposal).toList());
    List<String> lines = new ArrayList<>();
    for (Proposal p : proposals) {
      lines.addAll(PolicyReports.proposalLines(p));
    }
    if (proposals.isEmpty()) {
      lines.add("no " + (openOnly ? "open " : "") + "proposals");
    }
    return print(d, lines);
  }
}
