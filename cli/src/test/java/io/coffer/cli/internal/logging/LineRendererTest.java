package io.coffer.cli.internal.logging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LineRendererTest {

  private static String escape(String s) {
    StringBuilder out = new StringBuilder();
    LineRenderer.escapeInto(out, s);
    return out.toString();
  }

  @Test
  void escape_keepsPrintableText() {
    assertThat(escape("policy hospital/data ✓")).isEqualTo("policy hospital/data ✓");
  }

  @Test
  void escape_escapesBackslashFirst_soEscapesAreUnambiguous() {
    assertThat(escape("a\\nb")).isEqualTo("a\\\\nb");
    assertThat(escape("a\nb")).isEqualTo("a\\nb");
  }

  @Test
  void escape_escapesUnicodeLineSeparators() {
    assertThat(escape("a\u2028b\u2029c\u0085d")).isEqualTo("a\\u2028b\\u2029c\\u0085d");
  }
}
