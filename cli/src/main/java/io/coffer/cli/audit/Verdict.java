package io.coffer.cli.audit;

import io.coffer.cli.command.CommandException;
import io.coffer.cli.command.ExitCode;
import io.coffer.cli.command.JsonOutput;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The answer of an audit check: valid, or invalid with a stable reason code and a message.
 *
 * @param valid whether the check passed
 * @param reason a stable code for a failure (a library's {@code Reason}), null when valid
 * @param message one line for people
 * @param details structured facts for {@code --json} (sizes, roots, ...)
 */
record Verdict(boolean valid, String reason, String message, Map<String, Object> details) {

  static Verdict valid(String message, Map<String, Object> details) {
    return new Verdict(true, null, message, details);
  }

  static Verdict invalid(Enum<?> reason, String message, Map<String, Object> details) {
    return new Verdict(false, reason.name(), message, details);
  }

  /**
   * Prints the verdict and returns the exit code: 0 when valid; 1 when invalid, with the reason on
   * stderr (text) or in the JSON document on stdout.
   */
  int report(PrintWriter out, boolean json) {
    if (json) {
      Map<String, Object> doc = new LinkedHashMap<>();
      doc.put("valid", valid);
      if (!valid) {
        doc.put("reason", reason);
      }
      doc.put("message", message);
      doc.putAll(details);
      JsonOutput.write(out, doc);
      return valid ? ExitCode.OK : ExitCode.NO;
    }
    if (!valid) {
      throw CommandException.no(message);
    }
    out.println(message);
    out.flush();
    return ExitCode.OK;
  }
}
