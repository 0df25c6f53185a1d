package io.coffer.cli.attest;

import io.coffer.attestation.AttestationException;
import io.coffer.attestation.AttestationException.Reason;
import io.coffer.cli.command.CommandException;
import io.coffer.cli.command.JsonOutput;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Evidence that did not verify, and how the command reports it.
 *
 * <p>Input that cannot be read or parsed ({@code MALFORMED_EVIDENCE}, {@code COLLATERAL_MALFORMED},
 * {@code UNSUPPORTED_VERSION}) exits 2 with one line on stderr, as every unreadable input does.
 * Every other reason is a definite "no" and exits 1: a bad signature, a broken chain, missing or
 * expired collateral, a revoked TCB, simulation where it is not allowed, and any reason added
 * later, so that a new failure can never pass for success.
 *
 * @param input what the failure is about, for the message (a file name or an option)
 * @param failure the library's failure
 */
record Rejection(String input, AttestationException failure) {

  Rejection {
    Objects.requireNonNull(input, "input");
    Objects.requireNonNull(failure, "failure");
  }

  /** The library's stable reason code. */
  Reason reason() {
    return failure.reason();
  }

  /** One line for people, naming the input, with what to do where the command line can help. */
  String message() {
    String hint =
        reason() == Reason.SIMULATION_NOT_ALLOWED
            ? " (simulated evidence is verified only with --type simulation)"
            : "";
    return input + ": " + failure.getMessage() + hint;
  }

  /** Whether this is input that cannot be read or parsed, rather than a "no". */
  boolean unreadableInput() {
    return switch (reason()) {
      case MALFORMED_EVIDENCE, COLLATERAL_MALFORMED, UNSUPPORTED_VERSION -> true;
      default -> false;
    };
  }

  /**
   * Reports the rejection: for a "no" with {@code json}, writes {@code {"verified": false,
   * "reason": ..., "message": ...}} to {@code out}; then returns the failure for the command to
   * throw, which puts {@code REASON: message} on stderr and exits 2 for unreadable input, 1
   * otherwise.
   */
  CommandException reported(PrintWriter out, boolean json) {
    String line = reason().name() + ": " + message();
    if (unreadableInput()) {
      return CommandException.badInput(line, failure);
    }
    if (json) {
      Map<String, Object> doc = new LinkedHashMap<>();
      doc.put("verified", false);
      doc.put("reason", reason().name());
      doc.put("message", message());
      JsonOutput.write(out, doc);
    }
    return CommandException.no(line, failure);
  }
}
