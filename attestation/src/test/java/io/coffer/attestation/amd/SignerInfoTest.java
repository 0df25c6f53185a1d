package io.coffer.attestation.amd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coffer.attestation.AttestationException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SignerInfoTest {

  @ParameterizedTest
  @CsvSource({
    "0x00, VCEK, false, false, true",
    "0x04, VLEK, false, false, true",
    "0x01, VCEK, true, false, true",
    "0x02, VCEK, false, true, false",
    "0x1C, NONE, false, false, false"
  })
  void parse_decodesTheFlags(
      String raw, SigningKey key, boolean authorKey, boolean maskChipKey, boolean signed)
      throws Exception {
    SignerInfo s = SignerInfo.parse(Long.decode(raw));

    assertThat(s.signingKey()).isEqualTo(key);
    assertThat(s.authorKeyEn()).isEqualTo(authorKey);
    assertThat(s.maskChipKey()).isEqualTo(maskChipKey);
    assertThat(s.signed()).isEqualTo(signed);
  }

  @ParameterizedTest
  @ValueSource(longs = {2 << 2, 3 << 2, 4 << 2, 5 << 2, 6 << 2, 1 << 5, 1L << 31})
  void parse_reservedValues_areRefused(long raw) {
    assertThatThrownBy(() -> SignerInfo.parse(raw)).isInstanceOf(AttestationException.class);
  }
}
