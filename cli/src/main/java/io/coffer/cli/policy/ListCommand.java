package io.coffer.cli.policy;

import io.coffer.cli.cas.CasContext;
import io.coffer.cli.cas.Printable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code coffer policy list}: the names of the policies you may read. */
@Command(
    name = "list",
    mixinStandardHelpOptions = true,
    description = {
      "List the policies you may read on a pinned CAS, one name a line, in name order.",
      "Exit 0; 1 when the CAS refuses; 69 when it is unavailable."
    })
final class ListCommand extends RemotePolicyCommand {

  @Option(names = "--prefix", paramLabel = "P", description = "Only names that start with P.")
  private String prefix;

  ListCommand() {
    this(CasContext.system());
  }

  ListCommand(CasContext context) {
    super(context);
  }

  @Override
  public Integer call() {
    List<String> names = callCas(c -> c.list(Optional.ofNullable(prefix)));
    return print(Map.of("policies", names), names.stream().map(Printable::line).toList());
  }
}
