package io.coffer.cli.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.coffer.cas.service.Proposal;
import io.coffer.cli.cas.CasContext;
import io.coffer.cli.cas.RemoteCas;
import io.coffer.cli.command.CommandException;
import io.coffer.policy.governance.Approval;
import io.coffer.policy.governance.ApprovalMessage;
import io.coffer.policy.governance.GovernanceException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code coffer policy approve}: adds an approval to a proposal, from a file {@code coffer policy
 * sign} wrote or signed here with the identity's key ({@code --sign}).
 *
 * <p>With {@code --sign}, what is signed is checked first: the proposal's text (fetched from the
 * CAS) must hash to the proposal's hash and name the proposal's policy and predecessor, so that the
 * signature approves the text a reviewer can read with {@code coffer policy proposal-text}, and
 * nothing else.
 */
@Command(
    name = "approve",
    mixinStandardHelpOptions = true,
    description = {
      "Approve a proposal: with --approval FILE (from 'coffer policy sign'), or with --sign, which"
          + " fetches the proposed text, checks that it hashes to the proposal's hash, and signs"
          + " the approval with the key in --identity. The version activates once the current"
          + " update rule is satisfied.",
      "Exit 0; 1 when the CAS refuses (forbidden, invalid-approval, proposal-closed) or the"
          + " proposal's text does not match its hash; 2 for unreadable input; 69 when the CAS is"
          + " unavailable."
    })
final class ApproveCommand extends RemotePolicyCommand {

  static final class How {
    @Option(
        names = "--approval",
        required = true,
        paramLabel = "FILE",
        description = "The approval (JSON from 'coffer policy sign').")
    Path file;

    @Option(
        names = "--sign",
        required = true,
        description = "Sign the approval here with the key in --identity.")
    boolean sign;
  }

  @ArgGroup(exclusive = true, multiplicity = "1")
  private How how;

  @Parameters(paramLabel = "PROPOSAL_ID", description = "The proposal.")
  private String id;

  ApproveCommand() {
    this(CasContext.system());
  }

  ApproveCommand(CasContext context) {
    super(context);
  }

  @Override
  public Integer call() {
    Proposal p;
    try (RemoteCas cas = remote()) {
      Approval approval = how.file != null ? CheckApprovalsCommand.approval(how.file) : signed(cas);
      p = cas.call(c -> c.approve(id, approval));
    }
    return print(PolicyReports.proposal(p), PolicyReports.proposalLines(p));
  }

  private Approval signed(RemoteCas cas) {
    Proposal p = cas.call(c -> c.proposal(id));
    String text = cas.call(c -> c.proposalText(id));
    requireText(p, text);
    try {
      return identity
          .key()
          .approve(ApprovalMessage.of(p.name(), p.hash(), Optional.of(p.predecessor())));
    } catch (GovernanceException e) {
      throw CommandException.no("cannot sign an approval of this proposal: " + e.getMessage(), e);
    }
  }

  /** The text must be the canonical form the proposal's hash covers, of its policy. */
  static void requireText(Proposal p, String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    String hash;
    try {
      hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is a required JCA algorithm", e);
    }
    if (!hash.equals(p.hash())) {
      throw CommandException.no(
          "the CAS's text of proposal "
              + p.id()
              + " hashes to "
              + hash
              + ", not to the proposal's hash "
              + p.hash()
              + ": nothing was signed");
    }
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(bytes);
    } catch (IOException e) {
      throw CommandException.no("the CAS's text of proposal " + p.id() + " is not JSON", e);
    }
    if (root == null
        || !root.path("name").isTextual()
        || !root.path("name").textValue().equals(p.name())
        || !root.path("predecessor").isTextual()
        || !root.path("predecessor").textValue().equals(p.predecessor())) {
      throw CommandException.no(
          "the text of proposal "
              + p.id()
              + " does not name the proposal's policy and predecessor: nothing was signed");
    }
  }
}
