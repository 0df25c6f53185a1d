package io.coffer.cli.policy;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coffer.cas.service.Proposal;
import io.coffer.cas.service.ProposalState;
import io.coffer.cli.command.CommandException;
import io.coffer.policy.governance.Identity;
import io.coffer.policy.governance.IdentityKey;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What {@code approve --sign} checks before it signs anything. */
class ApproveCommandTest {

  private static final String PREDECESSOR = "ab".repeat(32);

  private static String sha256(String text) throws Exception {
    return HexFormat.of()
        .formatHex(
            MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
  }

  private static Proposal proposal(String name, String hash) {
    Identity proposer = IdentityKey.generate(Identity.Type.ED25519).identity();
    Instant at = Instant.parse("2026-03-01T10:00:00Z");
    return new Proposal(
        "p1", name, hash, PREDECESSOR, proposer, at, at, ProposalState.OPEN, List.of(), "");
  }

  @Test
  void requireText_matchingHashNameAndPredecessor_passes() throws Exception {
    String text = "{\"name\":\"lab/x\",\"predecessor\":\"" + PREDECESSOR + "\"}";

    assertThatCode(() -> ApproveCommand.requireText(proposal("lab/x", sha256(text)), text))
        .doesNotThrowAnyException();
  }

  @Test
  void requireText_textNotHashingToTheProposalHash_isRefused() throws Exception {
    String shown = "{\"name\":\"lab/x\",\"predecessor\":\"" + PREDECESSOR + "\"}";
    String other = "{\"name\":\"lab/x\",\"predecessor\":\"" + PREDECESSOR + "\",\"x\":1}";

    assertThatThrownBy(() -> ApproveCommand.requireText(proposal("lab/x", sha256(other)), shown))
        .isInstanceOf(CommandException.class)
        .hasMessageContaining("nothing was signed");
  }

  @Test
  void requireText_ofAnotherPolicy_isRefused() throws Exception {
    String text = "{\"name\":\"lab/other\",\"predecessor\":\"" + PREDECESSOR + "\"}";

    assertThatThrownBy(() -> ApproveCommand.requireText(proposal("lab/x", sha256(text)), text))
        .isInstanceOf(CommandException.class)
        .hasMessageContaining("does not name the proposal's policy");
  }

  @Test
  void requireText_withAnotherPredecessor_isRefused() throws Exception {
    String text = "{\"name\":\"lab/x\",\"predecessor\":\"" + "cd".repeat(32) + "\"}";

    assertThatThrownBy(() -> ApproveCommand.requireText(proposal("lab/x", sha256(text)), text))
        .isInstanceOf(CommandException.class);
  }
}
