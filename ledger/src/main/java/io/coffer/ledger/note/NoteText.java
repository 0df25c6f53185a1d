package io.coffer.ledger.note;

/** The rules for note text (C2SP signed-note, "Format"). */
final class NoteText {

  private NoteText() {}

  /**
   * Fails unless {@code text} ends in a newline and has no ASCII control character other than
   * newline.
   */
  static void requireValid(String text) {
    if (text.isEmpty() || text.charAt(text.length() - 1) != '\n') {
      throw new IllegalArgumentException("note text must end in a newline");
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x20 && c != '\n') {
        throw new IllegalArgumentException(
            "note text must not contain control character U+" + String.format("%04X", (int) c));
      }
      if (Character.isSurrogate(c)) {
        if (!Character.isHighSurrogate(c)
            || i + 1 >= text.length()
            || !Character.isLowSurrogate(text.charAt(i + 1))) {
          throw new IllegalArgumentException("note text must be valid Unicode");
        }
        i++;
      }
    }
  }
}
