package io.coffer.policy.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class Bytes16Test {

  @Test
  void fromHex_of16Bytes_roundTrips() {
    String hex = "0a".repeat(16);
    assertThat(Bytes16.fromHex(hex).hex()).isEqualTo(hex);
    assertThat(Bytes16.fromHex(hex).length()).isEqualTo(16);
  }

  @Test
  void fromHex_ofAnotherLength_fails() {
    assertThatThrownBy(() -> Bytes16.fromHex("0a".repeat(16 - 1)))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("expected 32 hex digits");
    assertThatThrownBy(() -> new Bytes16(new byte[16 + 1]))
        .isInstanceOf(InvalidValueException.class);
  }

  @Test
  void equals_comparesContent_andAccessorCopies() {
    Bytes16 b = new Bytes16(new byte[16]);
    b.value()[0] = 1;
    assertThat(b).isEqualTo(new Bytes16(new byte[16])).hasSameHashCodeAs(new Bytes16(new byte[16]));
  }
}
