package io.coffer.cas.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coffer.cas.pki.CertificateAuthorityException;
import io.coffer.policy.model.Secret;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SecretValueTest {

  @ParameterizedTest
  @EnumSource(Secret.Kind.class)
  void encode_decode_roundTrips(Secret.Kind kind) throws Exception {
    SecretValue value = Values.BY_KIND.get(kind);

    assertThat(SecretValue.decode(kind, value.encode())).isEqualTo(value);
  }

  @Test
  void toString_neverShowsTheValue() {
    assertThat(Values.ASCII.toString()).isEqualTo("Ascii[redacted]");
    assertThat(Values.BINARY.toString()).isEqualTo("Binary[redacted]");
    String key = HexFormat.of().formatHex(Values.KEY.key().getEncoded());
    assertThat(Values.KEY.toString()).contains("redacted").doesNotContain(key);
    assertThat(Values.LEAF.toString()).contains("CN=web", "chain of 2", "redacted");
  }

  @Test
  void ascii_controlCharacter_isRefused() {
    assertThatThrownBy(() -> new SecretValue.Ascii(new byte[] {'a', '\n'}))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void binary_inputAndOutput_areCopies() {
    byte[] bytes = {1, 2, 3};
    SecretValue.Binary b = new SecretValue.Binary(bytes);
    bytes[0] = 9;
    b.bytes()[1] = 9;

    assertThat(b.bytes()).containsExactly(1, 2, 3);
  }

  @Test
  void equals_comparesContent() {
    assertThat(new SecretValue.Binary(new byte[] {1}))
        .isEqualTo(new SecretValue.Binary(new byte[] {1}));
    assertThat(new SecretValue.Binary(new byte[] {1}))
        .isNotEqualTo(new SecretValue.Binary(new byte[] {2}));
    assertThat(Values.CA).isNotEqualTo(Values.LEAF);
  }

  @Test
  void certificateValue_emptyOrLongChain_isRefused() {
    assertThatThrownBy(() -> new SecretValue.CertificateValue(Values.KEY.key(), List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    var c = Values.LEAF.certificate();
    assertThatThrownBy(
            () -> new SecretValue.CertificateValue(Values.KEY.key(), List.of(c, c, c, c, c)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void asAuthority_ofALeaf_fails() {
    assertThatThrownBy(Values.LEAF::asAuthority).isInstanceOf(CertificateAuthorityException.class);
    assertThatThrownBy(() ->
            new SecretValue.CertificateValue(Values.LEAF.key(), List.of(Values.LEAF.certificate()))
                .asAuthority())
        .isInstanceOfSatisfying(
            CertificateAuthorityException.class,
            e -> assertThat(e.reason()).isEqualTo(CertificateAuthorityException.Reason.NOT_A_CA));
  }

  @Test
  void asAuthority_ofACaWithAnotherKey_isAMismatch() {
    var swapped =
        new SecretValue.CertificateValue(Values.KEY.key(), List.of(Values.CA.certificate()));

    assertThatThrownBy(swapped::asAuthority)
        .isInstanceOfSatisfying(
            CertificateAuthorityException.class,
            e ->
                assertThat(e.reason())
                    .isEqualTo(CertificateAuthorityException.Reason.KEY_MISMATCH));
  }
}
