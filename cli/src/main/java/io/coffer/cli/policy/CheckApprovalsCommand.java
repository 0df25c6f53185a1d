package io.coffer.cli.policy;

import io.coffer.cli.command.CommandException;
import io.coffer.cli.command.ExitCode;
import io.coffer.cli.command.JsonOption;
import io.coffer.cli.command.JsonOutput;
import io.coffer.policy.canonical.PolicyHash;
import io.coffer.policy.governance.Approval;
import io.coffer.policy.governance.ApprovalMessage;
import io.coffer.policy.governance.Evaluation;
import io.coffer.policy.governance.Governance;
import io.coffer.policy.governance.GovernanceException;
import io.coffer.policy.governance.Identity;
import io.coffer.policy.governance.IdentityKey;
import io.coffer.policy.governance.Rule;
import io.coffer.policy.model.Policy;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code coffer policy check-approvals}: whether approvals satisfy the <em>current</em> version's
 * update rule for the proposed version, exactly as the CAS decides.
 */
@Command(
    name = "check-approvals",
    mixinStandardHelpOptions = true,
    description = {
      "Check that approvals of the proposed version satisfy the update rule of the current"
          + " version (never the proposed one's own rule). The proposed version must have the same"
          + " name and name the current version's hash as its predecessor.",
      "Exit 0 when the approvals suffice; 1 when they do not (what is missing is printed); 2 when"
          + " a file cannot be read or parsed."
    })
final class CheckApprovalsCommand implements Callable<Integer> {

  /** The largest approval file. */
  static final int MAX_APPROVAL_BYTES = 64 * 1024;

  @Spec private CommandSpec spec;

  @Mixin private JsonOption json;

  @Option(
      names = "--current",
      required = true,
      paramLabel = "FILE",
      description = "The current version.")
  private Path current;

  @Option(
      names = "--proposed",
      required = true,
      paramLabel = "FILE",
      description = "The proposed version.")
  private Path proposed;

  @Option(
      names = "--approval",
      required = true,
      arity = "1..*",
      paramLabel = "FILE",
      description = "Approvals (JSON from 'coffer policy sign').")
  private List<Path> approvalFiles;

  @Option(
      names = "--creator",
      paramLabel = "IDENTITY",
      description =
          "The identity that created the policy (the CAS records it); needed when the rule names"
              + " CREATOR.")
  private String creator;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    Policy now = PolicyFile.valid(current, out);
    Policy next = PolicyFile.valid(proposed, out);
    String currentHash = PolicyHash.of(now);
    String proposedHash = PolicyHash.of(next);
    if (!next.name().equals(now.name())) {
      throw CommandException.no(
          "the proposed version is " + next.name() + ", the current one " + now.name());
    }
    if (!next.predecessor().equals(Optional.of(currentHash))) {
      throw CommandException.no(
          "the proposed version's predecessor is "
              + next.predecessor().orElse("absent")
              + ", not the current version's hash "
              + currentHash);
    }
    Rule rule = now.access().update();
    Identity creatorIdentity = creator(rule);
    List<Approval> approvals = new ArrayList<>();
    for (Path f : approvalFiles) {
      approvals.add(approval(f));
    }
    Evaluation evaluation;
    try {
      ApprovalMessage message =
          ApprovalMessage.of(next.name().value(), proposedHash, Optional.of(currentHash));
      evaluation = Governance.evaluate(rule, approvals, creatorIdentity, message);
    } catch (GovernanceException e) {
      throw CommandException.usage(e.getMessage());
    }
    if (json.enabled()) {
      Map<String, Object> d = new LinkedHashMap<>();
      d.put("satisfied", evaluation.satisfied());
      d.put("name", next.name().value());
      d.put("proposedHash", proposedHash);
      d.put("currentHash", currentHash);
      d.put("approvedBy", evaluation.approvedBy().stream().map(Identity::toString).toList());
      d.put("explanation", evaluation.explanation());
      JsonOutput.write(out, d);
    } else {
      out.println(evaluation.explanation());
      out.flush();
    }
    if (!evaluation.satisfied()) {
      throw CommandException.no("the approvals do not satisfy the current update rule");
    }
    return ExitCode.OK;
  }

  private Identity creator(Rule rule) {
    if (creator == null) {
      if (namesCreator(rule)) {
        throw CommandException.usage(
            "the current update rule names CREATOR: pass --creator IDENTITY (the CAS records who"
                + " created the policy)");
      }
      // The rule does not name CREATOR, so the creator is never counted: stand in an identity
      // whose private key is discarded at once.
      return IdentityKey.generate(Identity.Type.ED25519).identity();
    }
    try {
      return Identity.parse(creator);
    } catch (GovernanceException e) {
      throw CommandException.usage("--creator: " + e.getMessage());
    }
  }

  static boolean namesCreator(Rule rule) {
    return switch (rule) {
      case Rule.Creator c -> true;
      case Rule.RequireAll all ->
          all.rules().stream().anyMatch(CheckApprovalsCommand::namesCreator);
      case Rule.RequireAtLeast n ->
          n.rules().stream().anyMatch(CheckApprovalsCommand::namesCreator);
      default -> false;
    };
  }

  static Approval approval(Path f) {
    byte[] bytes;
    try (InputStream in = Files.newInputStream(f)) {
      bytes = in.readNBytes(MAX_APPROVAL_BYTES + 1);
    } catch (IOException e) {
      throw CommandException.badInput(f + ": cannot read: " + e.getMessage(), e);
    }
    if (bytes.length > MAX_APPROVAL_BYTES) {
      throw CommandException.usage(f + ": larger than any approval");
    }
    try {
      return Approval.parse(bytes);
    } catch (GovernanceException e) {
      throw CommandException.usage(f + ": " + e.getMessage());
    }
  }
}
