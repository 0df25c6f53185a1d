package io.coffer.cli.attest;

import io.coffer.attestation.AttestationException;
import io.coffer.attestation.AttestationException.Reason;
import io.coffer.cli.command.CommandException;
import io.coffer.cli.command.ExitCode;
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

  /** One line for people, naming the input. */
  String message() {
    return input + ": " + failure.getMessage();
  }

  /** Whether this is input that cannot be read or parsed, rather than a "no". */
  boolean unreadableInput() {
    return switch (reason()) {
      case MALFORMED_EVIDENCE, COLLATERAL_MALFORMED, UNSUPPORTED_VERSION -> true;
      default -> false;
    };
  }

  /**
   * Reports the rejection: exit 2 on stderr for unreadable input; otherwise exit 1, on stderr as
   * text or on stdout as {@code {"valid": false, "reason": ..., "message": ...}}.
   *
   * @throws CommandException for everything reported on stderr
   */
  int report(PrintWriter out, boolean json) {
    String line = reason().name() + ": " + message();
    if (unreadableInput()) {
      throw CommandException.badInput(line, failure);
    }
    if (!json) {
      throw CommandException.no(line, failure);
    }
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("valid", false);
    doc.put("reason", reason().name());
    doc.put("message", message());
    JsonOutput.write(out, doc);
    return ExitCode.NO;
  }
}
