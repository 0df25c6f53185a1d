package io.coffer.cas.events;

import static io.coffer.cas.events.SampleEvents.ALICE;
import static io.coffer.cas.events.SampleEvents.T;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coffer.cas.events.AccessDenied.Operation;
import io.coffer.cas.events.AccessDenied.Reason;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AccessDeniedTest {

  private static final String P1 = "AAAAAAAAAAAAAAAAAAAAAA";

  @Test
  void operationCodes_areTheLowerCaseNames() {
    assertThat(Operation.REVEAL.code()).isEqualTo("reveal");
    assertThat(Operation.VOLUME_TAG.code()).isEqualTo("volume_tag");
  }

  @Test
  void new_takesAProposal_exactlyForTheOperationsOnOne() {
    for (Operation op : Operation.values()) {
      Optional<String> proposal = op.onProposal() ? Optional.of(P1) : Optional.empty();
      Optional<String> wrong = op.onProposal() ? Optional.empty() : Optional.of(P1);

      assertThat(new AccessDenied(T, ALICE, op, "acme", proposal, Reason.READ_RULE).proposal())
          .isEqualTo(proposal);
      assertThatThrownBy(() -> new AccessDenied(T, ALICE, op, "acme", wrong, Reason.READ_RULE))
          .as("%s", op)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("proposal:");
    }
    assertThat(Operation.values())
        .filteredOn(Operation::onProposal)
        .containsExactly(
            Operation.PROPOSAL, Operation.APPROVE, Operation.REJECT, Operation.WITHDRAW);
  }

  @Test
  void new_refusesAnIllFormedProposalId() {
    assertThatThrownBy(() ->
            new AccessDenied(
                T, ALICE, Operation.APPROVE, "acme", Optional.of("x"), Reason.UPDATE_RULE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("proposal:");
  }

  @Test
  void parse_refusesARevealDenialThatNamesAProposal() throws Exception {
    String json =
        new String(
                EventCodec.encode(
                    new AccessDenied(
                        T, ALICE, Operation.REVEAL, "acme", Optional.empty(), Reason.REVEAL_TO)),
                StandardCharsets.UTF_8)
            .replace("\"reason\"", "\"proposal\":\"" + P1 + "\",\"reason\"");

    assertThatThrownBy(() -> EventCodec.parse(json.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOfSatisfying(
            EventFormatException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(EventFormatException.Reason.INVALID_FIELD);
              assertThat(e.getMessage()).contains("member proposal");
            });
  }
}
