package io.coffer.cas.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Measurements as {@code --expect-measurement} takes them. */
class CasMeasurementTest {

  @Test
  void fromHex_32and48Bytes_eitherCase() {
    assertThat(CasMeasurement.fromHex("AB".repeat(32)).hex()).isEqualTo("ab".repeat(32));
    assertThat(CasMeasurement.fromHex("0f".repeat(48)).bytes()).hasSize(48);
  }

  @Test
  void fromHex_otherLengthsOrDigits_areRefused() {
    assertThatThrownBy(() -> CasMeasurement.fromHex("ab".repeat(31)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CasMeasurement.fromHex("zz".repeat(32)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CasMeasurement.fromHex("ab".repeat(32) + "\n"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void equals_comparesBytes() {
    assertThat(CasMeasurement.fromHex("01".repeat(32)))
        .isEqualTo(CasMeasurement.fromHex("01".repeat(32)))
        .isNotEqualTo(new CasMeasurement(new byte[32]));
  }
}
