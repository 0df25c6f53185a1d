package io.coffer.cli.policy;

import io.coffer.cas.service.PolicyVersion;
import io.coffer.cli.cas.CasContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code coffer policy history}: every version of a policy, oldest first. */
@Command(
    name = "history",
    mixinStandardHelpOptions = true,
    description = {
      "List every version of a policy, oldest first: its number, hash, activation, the proposal"
          + " that activated it and its ledger entry.",
      "Exit 0; 1 when the CAS refuses (forbidden, not-found); 69 when it is unavailable."
    })
final class HistoryCommand extends RemotePolicyCommand {

  @Parameters(paramLabel = "POLICY", description = "The policy's name.")
  private String name;

  HistoryCommand() {
    this(CasContext.system());
  }

  HistoryCommand(CasContext context) {
    super(context);
  }

  @Override
  public Integer call() {
    List<PolicyVersion> versions = callCas(c -> c.history(name));
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("name", name);
    d.put("versions", versions.stream().map(PolicyReports::version).toList());
    return print(d, versions.stream().map(PolicyReports::versionLine).toList());
  }
}
