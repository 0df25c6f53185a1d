package io.coffer.cli.policy;

import io.coffer.cli.command.CommandException;
import io.coffer.cli.command.ExitCode;
import io.coffer.policy.canonical.PolicyHash;
import io.coffer.policy.governance.ApprovalMessage;
import io.coffer.policy.governance.GovernanceException;
import io.coffer.policy.governance.IdentityKey;
import io.coffer.policy.model.Policy;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code coffer policy sign --identity DIR FILE [--predecessor HASH]}: an approval of this policy
 * version, signed with the identity's key, as the JSON the CAS accepts.
 */
@Command(
    name = "sign",
    mixinStandardHelpOptions = true,
    description = {
      "Approve a policy version: sign 'coffer-policy-approval-v1\\n<name>\\n<hash>\\n<predecessor>'"
          + " with the identity in DIR (from 'coffer identity create') and print the approval"
          + " as JSON (identity and signature).",
      "The predecessor is the policy's own 'predecessor' field, or --predecessor; they must agree."
          + " Exit 0 with the approval; 1 when the policy is not valid; 2 when a file cannot be read"
          + " or the options disagree."
    })
final class SignCommand implements Callable<Integer> {

  @Spec private CommandSpec spec;

  @Option(
      names = "--identity",
      required = true,
      paramLabel = "DIR",
      description = "The identity directory holding key.pem.")
  private Path identity;

  @Option(
      names = "--predecessor",
      paramLabel = "HASH",
      description = "The hash of the version this one replaces (default: the policy's own field).")
  private String predecessor;

  @Parameters(paramLabel = "FILE", description = "The policy file (YAML).")
  private Path file;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    IdentityKey key = key(identity);
    Policy policy = PolicyFile.valid(file, out);
    Optional<String> pred = policy.predecessor();
    if (predecessor != null) {
      if (pred.isPresent() && !pred.get().equals(predecessor)) {
        throw CommandException.usage(
            "--predecessor "
                + predecessor
                + " differs from the policy's predecessor "
                + pred.get());
      }
      pred = Optional.of(predecessor);
    }
    try {
      ApprovalMessage message =
          ApprovalMessage.of(policy.name().value(), PolicyHash.of(policy), pred);
      out.println(key.approve(message).toJson());
      out.flush();
    } catch (GovernanceException e) {
      throw CommandException.usage(e.getMessage());
    }
    return ExitCode.OK;
  }

  /** The key in {@code dir/key.pem}; never printed. */
  static IdentityKey key(Path dir) {
    Path file = dir.resolve("key.pem");
    String pem;
    try (InputStream in = Files.newInputStream(file)) {
      byte[] bytes = in.readNBytes(IdentityKey.MAX_PEM_CHARS + 1);
      pem = new String(bytes, StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw CommandException.badInput(file + ": cannot read: " + e.getMessage(), e);
    }
    try {
      return IdentityKey.fromPem(pem);
    } catch (GovernanceException e) {
      throw CommandException.badInput(file + ": " + e.getMessage(), e);
    }
  }
}
