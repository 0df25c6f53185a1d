package io.coffer.policy.governance;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QuotedTest {

  @Test
  void shortPrintableText_isQuotedAsIs() {
    assertThat(Quoted.of("ed25519:AAAA")).isEqualTo("\"ed25519:AAAA\"");
  }

  @Test
  void controlQuoteAndNonAsciiCharacters_areEscaped() {
    assertThat(Quoted.of("a\nb\"c\\dé")).isEqualTo("\"a\\u000ab\\u0022c\\u005cd\\u00e9\"");
  }

  @Test
  void longText_isCutAndItsLengthGiven() {
    assertThat(Quoted.of("x".repeat(100))).isEqualTo("\"" + "x".repeat(40) + "...\" (100 chars)");
  }
}
