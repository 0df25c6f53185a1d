package io.coffer.cli.cas;

import io.coffer.cas.client.CasClientException;
import io.coffer.cli.command.CommandException;
import io.coffer.policy.Problem;
import java.security.cert.CertificateException;
import java.util.List;

/**
 * Turns a failed call to a CAS into the command's failure: the problem's type slug and detail, and
 * the exit code that classifies it.
 *
 * <ul>
 *   <li>1, a definite no: the CAS refused ({@code forbidden}, {@code unauthenticated}, {@code
 *       invalid-policy}, {@code invalid-approval}, {@code stale-predecessor}, {@code
 *       proposal-closed}, {@code not-found}, {@code already-exists}, {@code invalid-share}), or the
 *       server is not the one pinned (its TLS key, or its self-description's, is another);
 *   <li>2: the CAS found the request malformed ({@code bad-request}, ...);
 *   <li>69: the CAS is not available: sealed, overloaded, unreachable, failing, or not answering
 *       the API.
 * </ul>
 *
 * <p>The detail comes from the server and is shown on one line with control characters replaced
 * (the error reporter does that); a correlation id is shown for the operator's logs.
 */
public final class ServerProblems {

  /** How many policy problems the error line names. */
  static final int SHOWN_PROBLEMS = 3;

  private ServerProblems() {}

  /** The failure to report for {@code e}, from the CAS pinned as {@code casName}. */
  public static CommandException of(String casName, CasClientException e) {
    if (e.slug().equals(CasClientException.TRANSPORT) && rejectedServerKey(e)) {
      return CommandException.no(
          "the server did not present the TLS key pinned for "
              + casName
              + ": it is not the CAS you attested; nothing was sent (if the CAS was set up anew,"
              + " attest it again with coffer cas attest --replace)",
          e);
    }
    String line =
        e.slug()
            + ": "
            + e.getMessage()
            + problems(e.problems())
            + e.correlationId().map(id -> " (correlation id " + id + ")").orElse("");
    return switch (e.slug()) {
      case "forbidden",
          "unauthenticated",
          "invalid-policy",
          "invalid-approval",
          "stale-predecessor",
          "proposal-closed",
          "not-found",
          "already-exists",
          "invalid-share",
          CasClientException.KEY_MISMATCH ->
          CommandException.no(line, e);
      case "bad-request", "payload-too-large", "unsupported-media-type", "method-not-allowed" ->
          CommandException.badInput(line, e);
      default -> CommandException.unavailable(line, e);
    };
  }

  /** The first policy problems, each with its place, for the one line an error gets. */
  private static String problems(List<Problem> problems) {
    if (problems.isEmpty()) {
      return "";
    }
    StringBuilder b = new StringBuilder(" [");
    int shown = Math.min(problems.size(), SHOWN_PROBLEMS);
    for (int i = 0; i < shown; i++) {
      b.append(i == 0 ? "" : "; ").append(problems.get(i));
    }
    if (problems.size() > shown) {
      b.append("; and ").append(problems.size() - shown).append(" more");
    }
    return b.append(']').toString();
  }

  /** Whether the TLS handshake failed because the trust manager refused the server's key. */
  private static boolean rejectedServerKey(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof CertificateException) {
        return true;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return false;
  }
}
