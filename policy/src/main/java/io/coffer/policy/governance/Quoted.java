package io.coffer.policy.governance;

/**
 * Untrusted text as it may appear in an error message: quoted, cut to a few dozen characters, with
 * control and non-ASCII characters escaped, so that a message stays one short, printable line.
 */
final class Quoted {

  private static final int MAX_SHOWN_CHARS = 40;

  private Quoted() {}

  /**
   * {@code text} quoted for a message, e.g. {@code "ed25519:AAAA"} or {@code "xyz..." (90 chars)}.
   */
  static String of(String text) {
    StringBuilder b = new StringBuilder("\"");
    int shown = Math.min(text.length(), MAX_SHOWN_CHARS);
    for (int i = 0; i < shown; i++) {
      char c = text.charAt(i);
      if (c >= 0x20 && c < 0x7f && c != '"' && c != '\\') {
        b.append(c);
      } else {
        b.append(String.format("\\u%04x", (int) c));
      }
    }
    b.append('"');
    if (text.length() > shown) {
      b.setLength(b.length() - 1);
      b.append("...\" (").append(text.length()).append(" chars)");
    }
    return b.toString();
  }
}
