package io.coffer.policy.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class Bytes32Test {

  private static final String HEX =
      "33d8736db756ed4997e04ba358d27833188f1932ff7b1d156904d3f560452fbb";

  @Test
  void fromHex_roundTripsThroughLowerCaseHex() {
    assertThat(Bytes32.fromHex(HEX.toUpperCase(java.util.Locale.ROOT)).hex()).isEqualTo(HEX);
    assertThat(Bytes32.fromHex(HEX)).hasToString(HEX);
  }

  @Test
  void fromHex_ofAnotherLength_fails() {
    assertThatThrownBy(() -> Bytes32.fromHex(HEX + "00"))
        .isInstanceOf(InvalidValueException.class)
        .hasMessage("expected 64 hex digits (32 bytes), got 66 characters");
  }

  @Test
  void constructor_copiesItsInput_andAccessorCopiesItsOutput() {
    byte[] in = new byte[32];
    Bytes32 b = new Bytes32(in);
    in[0] = 1;
    b.value()[1] = 1;
    assertThat(b.value()).containsOnly(0);
  }

  @Test
  void constructor_ofAnotherLength_fails() {
    assertThatThrownBy(() -> new Bytes32(new byte[31])).isInstanceOf(InvalidValueException.class);
  }

  @Test
  void equals_comparesContent() {
    assertThat(Bytes32.fromHex(HEX))
        .isEqualTo(Bytes32.fromHex(HEX))
        .hasSameHashCodeAs(Bytes32.fromHex(HEX));
    assertThat(Bytes32.fromHex(HEX)).isNotEqualTo(new Bytes32(new byte[32]));
  }

  @Test
  void matches_exactBytesOnly() {
    Bytes32 b = Bytes32.fromHex(HEX);
    byte[] same = b.value();
    byte[] flipped = b.value();
    flipped[31] ^= 1;
    assertThat(b.matches(same)).isTrue();
    assertThat(b.matches(flipped)).isFalse();
    assertThat(b.matches(new byte[0])).isFalse();
    assertThat(b.matches(java.util.Arrays.copyOf(same, 48))).isFalse();
  }

  @Test
  void length_is32() {
    assertThat(new Bytes32(new byte[32]).length()).isEqualTo(Bytes32.LENGTH).isEqualTo(32);
  }
}
