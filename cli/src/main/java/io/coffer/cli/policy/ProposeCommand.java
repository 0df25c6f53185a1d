package io.coffer.cli.policy;

import io.coffer.cas.service.Proposal;
import io.coffer.cli.cas.CasContext;
import io.coffer.cli.cas.Printable;
import io.coffer.policy.governance.Approval;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code coffer policy propose}: proposes a new version of a policy; its {@code predecessor} must
 * be the current version's hash.
 */
@Command(
    name = "propose",
    mixinStandardHelpOptions = true,
    description = {
      "Propose a new version of a policy. The file's 'predecessor' must be the current version's"
          + " hash. The version activates once approvals satisfy the current update rule: give"
          + " those you have with --approval, the rest come with 'coffer policy approve'. Prints"
          + " the proposal's id on the first line.",
      "Exit 0; 1 when the policy is invalid or the CAS refuses (forbidden, stale-predecessor,"
          + " ...); 2 for unreadable input; 69 when the CAS is unavailable."
    })
final class ProposeCommand extends RemotePolicyCommand {

  @Option(
      names = "--approval",
      paramLabel = "FILE",
      description = "An approval of this version (JSON from 'coffer policy sign'; repeatable).")
  private List<Path> approvalFiles = new ArrayList<>();

  @Option(
      names = "--lifetime",
      paramLabel = "DURATION",
      converter = io.coffer.cli.command.DurationConverter.class,
      description = "How long the proposal stays open: 7d, 12h, 30m (default and most: 30d).")
  private Duration lifetime;

  @Parameters(paramLabel = "FILE", description = "The proposed version (YAML).")
  private Path file;

  ProposeCommand() {
    this(CasContext.system());
  }

  ProposeCommand(CasContext context) {
    super(context);
  }

  @Override
  public Integer call() {
    byte[] yaml = PolicyFile.validBytes(file, out());
    List<Approval> approvals = approvalFiles.stream().map(CheckApprovalsCommand::approval).toList();
    Proposal p = callCas(c -> c.propose(yaml, approvals, Optional.ofNullable(lifetime)));
    List<String> lines = new ArrayList<>();
    lines.add(Printable.line(p.id()));
    lines.addAll(PolicyReports.proposalLines(p));
    return print(PolicyReports.proposal(p), lines);
  }
}
