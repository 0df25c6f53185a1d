package io.coffer.cli.policy;

import io.coffer.cas.service.PolicyView;
import io.coffer.cli.cas.CasContext;
import io.coffer.cli.cas.Printable;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code coffer policy read}: a policy's current (or given) version, as its text. */
@Command(
    name = "read",
    description = {
      "Print a policy's current version, or --version N, as its canonical JSON text (secret values"
          + " appear only as their SHA-256). --json prints the version, its hash, its creator and"
          + " the text.",
      "Exit 0 with the text; 1 when the CAS refuses (forbidden, not-found); 69 when it is"
          + " unavailable."
    })
final class ReadCommand extends RemotePolicyCommand {

  // No standard help options: their --version would take the name of the policy's version.
  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "Show this help message and exit.")
  private boolean help;

  @Option(names = "--version", paramLabel = "N", description = "The version to read.")
  private Integer version;

  @Parameters(paramLabel = "POLICY", description = "The policy's name.")
  private String name;

  ReadCommand() {
    this(CasContext.system());
  }

  ReadCommand(CasContext context) {
    super(context);
  }

  @Override
  public Integer call() {
    PolicyView view = callCas(c -> c.read(name, Optional.ofNullable(version)));
    return print(PolicyReports.view(view), List.of(Printable.text(view.text())));
  }
}
