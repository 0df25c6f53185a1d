package io.coffer.cli.cas;

/**
 * Text a server or another user wrote, made safe to print on a terminal: one line, control
 * characters (escape sequences included) replaced by {@code ?}, bounded.
 */
public final class Printable {

  /** The longest line printed. */
  static final int MAX_CHARS = 2_000;

  /** Control characters (C0 and C1) and the bidirectional overrides that reorder what is shown. */
  private static final String UNSAFE = "[\\p{Cc}\\u202A-\\u202E\\u2066-\\u2069]";

  private Printable() {}

  /** {@code text} on one bounded line without control characters. */
  public static String line(String text) {
    String flat = text.replaceAll("[\\r\\n]+", " ").replaceAll(UNSAFE, "?");
    return flat.length() <= MAX_CHARS ? flat : flat.substring(0, MAX_CHARS - 3) + "...";
  }

  /** {@code text}, keeping its line breaks, with every other control character replaced. */
  public static String text(String text) {
    return text.replaceAll("(?![\\n\\t])" + UNSAFE, "?");
  }
}
