package io.coffer.fsshield;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TagTest {

  @Test
  void parse_hexOfEitherCase_isTheSameTag() {
    String hex = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";
    assertThat(Tag.parse(hex.toUpperCase(java.util.Locale.ROOT))).isEqualTo(Tag.parse(hex));
    assertThat(Tag.parse(hex).hex()).isEqualTo(hex);
  }

  @Test
  void parse_wrongLengthOrNotHex_failsSayingWhy() {
    assertThatThrownBy(() -> Tag.parse("abcd")).hasMessageContaining("64 hex characters");
    assertThatThrownBy(() -> Tag.parse("z".repeat(64))).hasMessageContaining("hex characters only");
  }
}
