package io.coffer.attestation.amd;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProductLineTest {

  @ParameterizedTest
  @CsvSource({
    "0x19, 0x00, MILAN",
    "0x19, 0x01, MILAN",
    "0x19, 0x0F, MILAN",
    "0x19, 0x10, GENOA",
    "0x19, 0x11, GENOA",
    "0x19, 0xA0, GENOA",
    "0x19, 0xAF, GENOA",
    "0x1A, 0x00, TURIN",
    "0x1A, 0x02, TURIN",
    "0x1A, 0x11, TURIN"
  })
  void fromCpuid_knownModels(String family, String model, ProductLine expected) {
    assertThat(ProductLine.fromCpuid(Integer.decode(family), Integer.decode(model)))
        .contains(expected);
  }

  @ParameterizedTest
  @CsvSource({"0x19, 0x20", "0x19, 0xB0", "0x1A, 0x12", "0x1A, 0x50", "0x17, 0x31", "0x00, 0x00"})
  void fromCpuid_otherModels_areUnknown(String family, String model) {
    assertThat(ProductLine.fromCpuid(Integer.decode(family), Integer.decode(model))).isEmpty();
  }

  @Test
  void displayNames_andChipIdLengths() {
    assertThat(ProductLine.fromDisplayName("Genoa")).contains(ProductLine.GENOA);
    assertThat(ProductLine.fromDisplayName("genoa")).isEmpty();
    assertThat(ProductLine.fromDisplayName("Siena")).isEmpty();
    assertThat(ProductLine.MILAN.hwIdLength()).isEqualTo(64);
    assertThat(ProductLine.TURIN.hwIdLength()).isEqualTo(8);
    assertThat(ProductLine.TURIN.hasFmc()).isTrue();
    assertThat(ProductLine.GENOA.hasFmc()).isFalse();
  }
}
