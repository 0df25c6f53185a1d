package io.coffer.policy.yaml;

/**
 * A position in a YAML document.
 *
 * @param line 1-based line
 * @param column 1-based column
 */
public record Mark(int line, int column) {

  public Mark {
    if (line < 1 || column < 1) {
      throw new IllegalArgumentException("positions are 1-based");
    }
  }
}
