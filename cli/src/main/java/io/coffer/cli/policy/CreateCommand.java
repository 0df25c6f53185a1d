package io.coffer.cli.policy;

import io.coffer.cas.service.PolicyVersion;
import io.coffer.cli.cas.CasContext;
import io.coffer.policy.governance.Approval;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code coffer policy create}: creates a policy on a CAS; the caller becomes its creator. The file
 * is checked here first, so that every problem is shown with its line and column.
 */
@Command(
    name = "create",
    mixinStandardHelpOptions = true,
    description = {
      "Create a policy on a pinned CAS from its YAML file; you become its CREATOR. The parent"
          + " namespace's create rule applies: give the approvals it needs (from 'coffer policy"
          + " sign') with --approval.",
      "Exit 0 with the first version; 1 when the policy is invalid or the CAS refuses (its"
          + " problem type is printed); 2 for unreadable input; 69 when the CAS is unavailable."
    })
final class CreateCommand extends RemotePolicyCommand {

  @Option(
      names = "--approval",
      paramLabel = "FILE",
      description = "An approval of the creation (JSON from 'coffer policy sign'; repeatable).")
  private List<Path> approvalFiles = new ArrayList<>();

  @Parameters(paramLabel = "FILE", description = "The policy file (YAML).")
  private Path file;

  CreateCommand() {
    this(CasContext.system());
  }

  CreateCommand(CasContext context) {
    super(context);
  }

  @Override
  public Integer call() {
    byte[] yaml = PolicyFile.validBytes(file, out());
    List<Approval> approvals = approvalFiles.stream().map(CheckApprovalsCommand::approval).toList();
    PolicyVersion v = callCas(c -> c.create(yaml, approvals));
    return print(
        PolicyReports.version(v),
        List.of(
            "created "
                + v.name()
                + " version "
                + v.version()
                + ", hash "
                + v.hash()
                + " (ledger #"
                + v.ledgerIndex()
                + ")"));
  }
}
