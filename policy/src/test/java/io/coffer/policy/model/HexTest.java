package io.coffer.policy.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HexTest {

  @Test
  void decode_upperAndLowerCase_giveTheSameBytes() {
    assertThat(Hex.decode("00aBfF7e", 4)).containsExactly(0x00, 0xab, 0xff, 0x7e);
  }

  @Test
  void decode_wrongLength_namesBothLengths() {
    assertThatThrownBy(() -> Hex.decode("abc", 2))
        .isInstanceOf(InvalidValueException.class)
        .hasMessage("expected 4 hex digits (2 bytes), got 3 characters");
  }

  @Test
  void decode_nonHexCharacter_namesItsPosition() {
    assertThatThrownBy(() -> Hex.decode("00g0", 2))
        .isInstanceOf(InvalidValueException.class)
        .hasMessage("not a hex digit at character 3 of 4");
  }

  @Test
  void decode_nonAsciiDigits_areRefused() {
    // FULLWIDTH DIGIT ONE and ARABIC-INDIC DIGIT THREE are digits to Character.digit.
    assertThatThrownBy(() -> Hex.decode("\uff11\u0663", 1))
        .isInstanceOf(InvalidValueException.class);
  }

  @Test
  void decode_prefixOrWhiteSpace_isRefused() {
    assertThatThrownBy(() -> Hex.decode("0x01", 2)).isInstanceOf(InvalidValueException.class);
    assertThatThrownBy(() -> Hex.decode(" 0102", 2)).isInstanceOf(InvalidValueException.class);
    assertThatThrownBy(() -> Hex.decode("01 2", 2)).isInstanceOf(InvalidValueException.class);
  }

  @Test
  void encode_isLowerCase() {
    assertThat(Hex.encode(new byte[] {(byte) 0xAB, 0x01})).isEqualTo("ab01");
  }

  @Test
  void copyExactly_copies_andRefusesOtherLengths() {
    byte[] in = {1, 2};
    byte[] out = Hex.copyExactly(in, 2);
    in[0] = 9;
    assertThat(out).containsExactly(1, 2);
    assertThatThrownBy(() -> Hex.copyExactly(in, 3))
        .isInstanceOf(InvalidValueException.class)
        .hasMessage("expected 3 bytes, got 2");
  }
}
