package io.coffer.cli.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coffer.policy.model.Secret;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RevealedSecretTest {

  private static RevealedSecret decode(Map<String, String> answer) {
    return RevealedSecret.decode("p/q", "s", answer);
  }

  private static String privateKeyPem() throws Exception {
    return PemText.encode(
        "PRIVATE KEY",
        KeyPairGenerator.getInstance("EC").generateKeyPair().getPrivate().getEncoded());
  }

  @Test
  void binary_rendersHexAndBase64_ofTheSameBytes() {
    RevealedSecret s = decode(Map.of("kind", "binary", "value", "00ff10"));

    assertThat(s.defaultFormat()).isEqualTo("hex");
    assertThat(s.render("hex")).isEqualTo("00ff10");
    assertThat(s.render("base64"))
        .isEqualTo(Base64.getEncoder().encodeToString(new byte[] {0, -1, 16}));
  }

  @Test
  void ascii_rendersTextHexAndBase64() {
    RevealedSecret s = decode(Map.of("kind", "ascii", "value", "Ab1"));

    assertThat(s.render("text")).isEqualTo("Ab1");
    assertThat(s.render("hex")).isEqualTo("416231");
    assertThat(s.render("base64")).isEqualTo("QWIx");
  }

  @Test
  void binary_upperCaseOrOddHex_isRefused_withoutQuotingIt() {
    for (String value : new String[] {"00FF", "abc", "zz", "00 ff"}) {
      assertThatThrownBy(() -> decode(Map.of("kind", "binary", "value", value)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("value: not lower-case hex");
    }
  }

  @Test
  void ascii_controlCharacter_isRefused() {
    assertThatThrownBy(() -> decode(Map.of("kind", "ascii", "value", "a\u001bb")))
        .hasMessageContaining("not printable ASCII at character 1");
  }

  @Test
  void unknownKind_orMissingValue_isRefused() {
    assertThatThrownBy(() -> decode(Map.of("kind", "password", "value", "x")))
        .hasMessageContaining("kind");
    assertThatThrownBy(() -> decode(Map.of("kind", "ascii"))).hasMessage("value: missing");
  }

  @Test
  void privateKey_presenceMustMatchTheKind() throws Exception {
    String pem = privateKeyPem();
    assertThatThrownBy(() -> decode(Map.of("kind", "private-key", "value", pem)))
        .hasMessageContaining("private_key: missing");
    assertThatThrownBy(() -> decode(Map.of("kind", "binary", "value", "00", "private_key", pem)))
        .hasMessageContaining("private_key: present");
  }

  @Test
  void privateKeyKind_rendersPemAndDer_butNotSpki() throws Exception {
    String pem = privateKeyPem();
    RevealedSecret s = decode(Map.of("kind", "private-key", "value", pem, "private_key", pem));

    assertThat(s.render("pem")).isEqualTo(pem);
    assertThat(s.render("key")).isEqualTo(pem);
    assertThat(PemText.encode("PRIVATE KEY", Base64.getDecoder().decode(s.render("der"))))
        .isEqualTo(pem);
    assertThatThrownBy(() -> s.render("spki"))
        .hasMessageContaining("does not reveal the public key");
  }

  @Test
  void certificateKinds_refuseAValueThatIsNotACertificate() throws Exception {
    String notACertificate = PemText.encode("CERTIFICATE", new byte[] {1, 2, 3});
    String key = privateKeyPem();

    assertThatThrownBy(
            () -> decode(Map.of("kind", "x509", "value", notACertificate, "private_key", key)))
        .hasMessage("value: not an X.509 certificate");
  }

  @Test
  void render_formatOfAnotherKind_namesTheKindsFormats() {
    RevealedSecret s = decode(Map.of("kind", "binary", "value", "00"));

    assertThatThrownBy(() -> s.render("text"))
        .hasMessage("--format text: not a format of a binary secret: hex, base64");
  }

  @Test
  void toString_neverShowsTheValue() {
    RevealedSecret s = decode(Map.of("kind", "ascii", "value", "hunter2"));

    assertThat(s.toString()).doesNotContain("hunter2").contains("redacted");
  }

  @Test
  void value_isCopiedInAndOut() {
    byte[] bytes = {1, 2};
    RevealedSecret s = new RevealedSecret("p/q", "s", Secret.Kind.BINARY, bytes, Optional.empty());
    bytes[0] = 9;
    s.value()[1] = 9;

    assertThat(s.render("hex")).isEqualTo("0102");
  }
}
