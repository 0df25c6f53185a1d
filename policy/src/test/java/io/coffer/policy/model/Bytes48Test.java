package io.coffer.policy.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class Bytes48Test {

  @Test
  void fromHex_of48Bytes_roundTrips() {
    String hex = "0a".repeat(48);
    assertThat(Bytes48.fromHex(hex).hex()).isEqualTo(hex);
    assertThat(Bytes48.fromHex(hex).length()).isEqualTo(48);
  }

  @Test
  void fromHex_ofAnotherLength_fails() {
    assertThatThrownBy(() -> Bytes48.fromHex("0a".repeat(48 - 1)))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("expected 96 hex digits");
    assertThatThrownBy(() -> new Bytes48(new byte[48 + 1]))
        .isInstanceOf(InvalidValueException.class);
  }

  @Test
  void equals_comparesContent_andAccessorCopies() {
    Bytes48 b = new Bytes48(new byte[48]);
    b.value()[0] = 1;
    assertThat(b).isEqualTo(new Bytes48(new byte[48])).hasSameHashCodeAs(new Bytes48(new byte[48]));
  }
}
