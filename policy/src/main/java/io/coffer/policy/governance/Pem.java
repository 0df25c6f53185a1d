package io.coffer.policy.governance;

import io.coffer.policy.governance.GovernanceException.Reason;
import java.util.Base64;
import java.util.List;

/**
 * One PEM block (RFC 7468): {@code -----BEGIN <label>-----}, base64 lines, {@code -----END
 * <label>-----}.
 *
 * <p>Strict in what it reads (RFC 7468 §3 "strict" grammar, plus CRLF line ends): whitespace only
 * around the block, no headers (so no legacy encrypted keys), exactly one block, and canonical
 * base64. Writes 64-character lines.
 */
final class Pem {

  private static final int LINE_CHARS = 64;

  private Pem() {}

  /** {@code der} as a PEM block with {@code label}, ending with a newline. */
  static String encode(String label, byte[] der) {
    String body = Base64.getMimeEncoder(LINE_CHARS, new byte[] {'\n'}).encodeToString(der);
    return "-----BEGIN " + label + "-----\n" + body + "\n-----END " + label + "-----\n";
  }

  /**
   * The bytes of the one block labelled {@code label} that {@code text} consists of.
   *
   * @throws GovernanceException with {@code reason} when {@code text} is not exactly that
   */
  static byte[] decode(String text, String label, Reason reason) throws GovernanceException {
    List<String> lines = text.strip().lines().map(String::stripTrailing).toList();
    String begin = "-----BEGIN " + label + "-----";
    String end = "-----END " + label + "-----";
    String first = lines.isEmpty() ? "" : lines.get(0);
    if (!first.equals(begin)) {
      throw new GovernanceException(
          reason,
          first.startsWith("-----BEGIN ") && first.endsWith("-----")
              ? "a PEM "
                  + Quoted.of(first.substring(11, first.length() - 5))
                  + " block where a "
                  + label
                  + " was expected"
              : "not PEM: the text does not start with " + begin);
    }
    if (lines.size() < 3 || !lines.get(lines.size() - 1).equals(end)) {
      throw new GovernanceException(reason, "PEM: no " + end + " line, or text after it");
    }
    StringBuilder b64 = new StringBuilder();
    for (String line : lines.subList(1, lines.size() - 1)) {
      if (line.contains(":")) {
        throw new GovernanceException(
            reason, "PEM headers are not supported (an encrypted legacy key?)");
      }
      b64.append(line);
    }
    byte[] der;
    try {
      der = Base64.getDecoder().decode(b64.toString());
    } catch (IllegalArgumentException e) {
      throw new GovernanceException(reason, "the PEM body is not base64", e);
    }
    if (der.length == 0 || !Base64.getEncoder().encodeToString(der).contentEquals(b64)) {
      throw new GovernanceException(reason, "the PEM body is not canonical base64");
    }
    return der;
  }
}
