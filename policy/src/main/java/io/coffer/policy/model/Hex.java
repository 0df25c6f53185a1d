package io.coffer.policy.model;

import java.util.HexFormat;

/** Hex text of a fixed byte length: the only way bytes enter the policy model from text. */
final class Hex {

  private static final HexFormat LOWER = HexFormat.of();

  private Hex() {}

  /**
   * The {@code length} bytes that {@code text} spells, two hex digits per byte, upper or lower
   * case, nothing else (no prefix, separators or white space).
   *
   * @throws InvalidValueException naming the length or the first character that is not a digit
   */
  static byte[] decode(String text, int length) {
    if (text.length() != 2 * length) {
      throw new InvalidValueException(
          "",
          "expected "
              + 2 * length
              + " hex digits ("
              + length
              + " bytes), got "
              + text.length()
              + " characters");
    }
    for (int i = 0; i < text.length(); i++) {
      if (!isAsciiHexDigit(text.charAt(i))) {
        throw new InvalidValueException(
            "", "not a hex digit at character " + (i + 1) + " of " + text.length());
      }
    }
    return LOWER.parseHex(text);
  }

  // Character.digit would also accept non-ASCII digits (fullwidth, Arabic-Indic, ...).
  private static boolean isAsciiHexDigit(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }

  /** Lower-case hex. */
  static String encode(byte[] bytes) {
    return LOWER.formatHex(bytes);
  }

  /** A copy of {@code bytes}, which must be {@code length} long. */
  static byte[] copyExactly(byte[] bytes, int length) {
    if (bytes.length != length) {
      throw new InvalidValueException("", "expected " + length + " bytes, got " + bytes.length);
    }
    return bytes.clone();
  }
}
