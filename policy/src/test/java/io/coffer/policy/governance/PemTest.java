package io.coffer.policy.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coffer.policy.governance.GovernanceException.Reason;
import org.junit.jupiter.api.Test;

class PemTest {

  @Test
  void encode_writesSixtyFourCharacterLines() {
    String pem = Pem.encode("CERTIFICATE", new byte[100]);

    assertThat(pem.lines().toList()).extracting(String::length).containsExactly(27, 64, 64, 8, 25);
  }

  @Test
  void decode_inverseOfEncode() throws Exception {
    byte[] der = new byte[200];
    for (int i = 0; i < der.length; i++) {
      der[i] = (byte) i;
    }

    assertThat(Pem.decode(Pem.encode("X", der), "X", Reason.MALFORMED_KEY_FILE)).isEqualTo(der);
  }

  @Test
  void decode_surroundingWhitespace_isAccepted() throws Exception {
    String pem = "\n\n  " + Pem.encode("X", new byte[] {1, 2, 3}) + "\n \n";

    assertThat(Pem.decode(pem, "X", Reason.MALFORMED_KEY_FILE)).containsExactly(1, 2, 3);
  }

  @Test
  void decode_failures_carryTheReasonGiven() {
    assertThatThrownBy(() -> Pem.decode("hello", "X", Reason.MALFORMED_CERTIFICATE))
        .hasMessage("not PEM: the text does not start with -----BEGIN X-----")
        .extracting(e -> ((GovernanceException) e).reason())
        .isEqualTo(Reason.MALFORMED_CERTIFICATE);
    assertThatThrownBy(
            () -> Pem.decode("-----BEGIN X-----\nAQID\n", "X", Reason.MALFORMED_CERTIFICATE))
        .hasMessage("PEM: no -----END X----- line, or text after it");
    assertThatThrownBy(() ->
            Pem.decode("-----BEGIN X-----\n-----END X-----\n", "X", Reason.MALFORMED_CERTIFICATE))
        .hasMessage("PEM: no -----END X----- line, or text after it");
    assertThatThrownBy(() ->
            Pem.decode(
                "-----BEGIN X-----\nA*ID\n-----END X-----\n", "X", Reason.MALFORMED_CERTIFICATE))
        .hasMessage("the PEM body is not base64");
  }

  @Test
  void decode_nonCanonicalBase64_fails() {
    // "AQI=" is canonical for {1, 2}; missing padding and non-zero padding bits are not.
    for (String body : new String[] {"AQI", "AQJ=", "AQI=\nAA=="}) {
      assertThatThrownBy(() ->
              Pem.decode(
                  "-----BEGIN X-----\n" + body + "\n-----END X-----\n",
                  "X",
                  Reason.MALFORMED_KEY_FILE))
          .as(body)
          .isInstanceOf(GovernanceException.class);
    }
  }
}
