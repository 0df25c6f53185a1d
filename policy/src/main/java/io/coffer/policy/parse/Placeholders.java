package io.coffer.policy.parse;

import io.coffer.policy.model.Placeholder;

/**
 * What the parser checks of secret placeholders ({@link Placeholder}) beyond finding them: text
 * that starts like one but is not one.
 */
final class Placeholders {

  private Placeholders() {}

  /** Whether {@code text} has something that starts like a placeholder but is not one. */
  static boolean hasBroken(String text) {
    String rest = Placeholder.PATTERN.matcher(text).replaceAll("");
    return rest.contains("$$COFFER");
  }
}
