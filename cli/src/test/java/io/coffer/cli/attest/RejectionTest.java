package io.coffer.cli.attest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.coffer.attestation.AttestationException;
import io.coffer.attestation.AttestationException.Reason;
import io.coffer.cli.command.CommandException;
import io.coffer.cli.command.ExitCode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RejectionTest {

  private static final Set<Reason> UNREADABLE =
      EnumSet.of(
          Reason.MALFORMED_EVIDENCE, Reason.COLLATERAL_MALFORMED, Reason.UNSUPPORTED_VERSION);

  private static Rejection rejection(Reason reason) {
    return new Rejection("quote.bin", new AttestationException(reason, "what went wrong"));
  }

  @ParameterizedTest
  @EnumSource(Reason.class)
  void everyReason_exitsTwoForUnreadableInput_andOneOtherwise(Reason reason) {
    CommandException e = rejection(reason).reported(new PrintWriter(new StringWriter()), false);

    assertThat(e.exitCode()).isEqualTo(UNREADABLE.contains(reason) ? ExitCode.USAGE : ExitCode.NO);
    assertThat(e.getMessage()).startsWith(reason.name() + ": quote.bin: what went wrong");
    assertThat(e.getCause()).isInstanceOf(AttestationException.class);
  }

  @ParameterizedTest
  @EnumSource(Reason.class)
  void json_isWrittenForADefiniteNo_only(Reason reason) throws Exception {
    StringWriter out = new StringWriter();

    rejection(reason).reported(new PrintWriter(out), true);

    if (UNREADABLE.contains(reason)) {
      assertThat(out.toString()).isEmpty();
    } else {
      JsonNode doc = new ObjectMapper().readTree(out.toString());
      assertThat(doc.get("verified").asBoolean()).isFalse();
      assertThat(doc.get("reason").asText()).isEqualTo(reason.name());
      assertThat(doc.get("message").asText()).startsWith("quote.bin: what went wrong");
      assertThat(doc.size()).isEqualTo(3);
    }
  }

  @Test
  void simulationNotAllowed_saysHowToAllowIt() {
    assertThat(rejection(Reason.SIMULATION_NOT_ALLOWED).message())
        .isEqualTo(
            "quote.bin: what went wrong (simulated evidence is verified only with --type"
                + " simulation)");
    assertThat(rejection(Reason.QUOTE_SIGNATURE_INVALID).message())
        .isEqualTo("quote.bin: what went wrong");
  }
}
