package io.coffer.policy.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class SnpTcbTest {

  @Test
  void constructor_acceptsByteRange() {
    SnpTcb t = new SnpTcb(0, 255, 1, 2, OptionalInt.of(255));
    assertThat(t.tee()).isEqualTo(255);
    assertThat(t.fmc()).hasValue(255);
  }

  @Test
  void constructor_componentOutsideAByte_namesTheComponent() {
    assertThatThrownBy(() -> new SnpTcb(256, 0, 0, 0, OptionalInt.empty()))
        .hasMessage("bootloader: must be between 0 and 255, got 256");
    assertThatThrownBy(() -> new SnpTcb(0, -1, 0, 0, OptionalInt.empty()))
        .hasMessageStartingWith("tee:");
    assertThatThrownBy(() -> new SnpTcb(0, 0, 300, 0, OptionalInt.empty()))
        .hasMessageStartingWith("snp:");
    assertThatThrownBy(() -> new SnpTcb(0, 0, 0, 256, OptionalInt.empty()))
        .hasMessageStartingWith("microcode:");
    assertThatThrownBy(() -> new SnpTcb(0, 0, 0, 0, OptionalInt.of(256)))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageStartingWith("fmc:");
  }
}
