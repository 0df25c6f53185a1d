package io.coffer.ledger.note;

/** The key-name rule of C2SP signed-note ("Format"): non-empty, no Unicode spaces, no plus sign. */
final class KeyNames {

  private KeyNames() {}

  /** Whether {@code name} may name a key. */
  static boolean isValid(String name) {
    if (name == null || name.isEmpty()) {
      return false;
    }
    for (int i = 0; i < name.length(); ) {
      int cp = name.codePointAt(i);
      if (cp == '+'
          || Character.isWhitespace(cp)
          || Character.isSpaceChar(cp)
          || cp == 0x85
          || (cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE)) {
        return false;
      }
      i += Character.charCount(cp);
    }
    return true;
  }

  /** Fails unless {@code name} may name a key. */
  static String require(String name) {
    if (!isValid(name)) {
      throw new IllegalArgumentException(
          "a key name must be non-empty, without spaces or '+': " + describe(name));
    }
    return name;
  }

  /** The name quoted for a message, cut short if long. */
  static String describe(String name) {
    if (name == null) {
      return "none";
    }
    return "\"" + (name.length() > 80 ? name.substring(0, 80) + "..." : name) + "\"";
  }
}
