package io.coffer.cli.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class PemTextTest {

  private static final byte[] DER = new byte[100];

  static {
    Arrays.fill(DER, (byte) 7);
  }

  @Test
  void decode_ofEncode_isTheBytes_with64ColumnLines() {
    String pem = PemText.encode("PRIVATE KEY", DER);

    assertThat(pem.lines().skip(1).findFirst().orElseThrow()).hasSize(64);
    assertThat(PemText.decode("PRIVATE KEY", pem)).isEqualTo(DER);
  }

  @Test
  void decode_anotherLabel_isRefused() {
    String pem = PemText.encode("CERTIFICATE", DER);

    assertThatThrownBy(() -> PemText.decode("PRIVATE KEY", pem))
        .hasMessage("not one PEM PRIVATE KEY block");
  }

  @Test
  void decode_nonStrictForms_areRefused() {
    String pem = PemText.encode("CERTIFICATE", DER);
    for (String variant :
        new String[] {
          pem.replace("\n", "\r\n"),
          pem.replaceFirst("\n(?=[A-Za-z0-9+/])", "\n "),
          pem.replaceFirst("BwcH", "Bw!cH"),
          pem + pem,
          pem.strip(),
          "-----BEGIN CERTIFICATE-----\n\n-----END CERTIFICATE-----\n"
        }) {
      assertThatThrownBy(() -> PemText.decode("CERTIFICATE", variant))
          .as(variant)
          .isInstanceOf(IllegalArgumentException.class);
    }
  }
}
