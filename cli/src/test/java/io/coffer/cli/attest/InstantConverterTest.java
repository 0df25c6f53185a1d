package io.coffer.cli.attest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine.TypeConversionException;

class InstantConverterTest {

  private final InstantConverter converter = new InstantConverter();

  @ParameterizedTest
  @CsvSource({
    "1752919277, 2025-07-19T10:01:17Z",
    "0, 1970-01-01T00:00:00Z",
    "2025-07-19T10:01:17Z, 2025-07-19T10:01:17Z",
    "2025-07-19T12:01:17+02:00, 2025-07-19T10:01:17Z",
    "2025-07-19T10:01:17.5Z, 2025-07-19T10:01:17.5Z",
    "253402300799, 9999-12-31T23:59:59Z"
  })
  void convert_readsIsoWithAnOffset_orUnixSeconds(String given, String expected) {
    assertThat(converter.convert(given)).isEqualTo(Instant.parse(expected));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2025-07-19T10:01:17", // no offset: refused rather than read in the local zone
        "2025-07-19",
        "253402300800", // after 9999
        "1234567890123", // 13 digits
        "-1",
        "1e9",
        "now",
        ""
      })
  void convert_refusesEverythingElse(String given) {
    assertThatThrownBy(() -> converter.convert(given))
        .isInstanceOf(TypeConversionException.class)
        .hasMessageContaining("'" + given + "'");
  }
}
