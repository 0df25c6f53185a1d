package io.coffer.cas.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coffer.cas.secrets.SecretFormatException.Reason;
import io.coffer.policy.model.Secret;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SecretValueCodecTest {

  @Test
  void encode_ascii_layout() {
    byte[] encoded = new SecretValue.Ascii(new byte[] {'h', 'i'}).encode();

    assertThat(encoded).containsExactly('C', 'S', 'V', 1, 1, 0, 0, 0, 2, 'h', 'i');
  }

  @ParameterizedTest
  @EnumSource(Secret.Kind.class)
  void decode_everyTruncation_isMalformed(Secret.Kind kind) {
    byte[] good = Values.BY_KIND.get(kind).encode();
    for (int length = 0; length < good.length; length++) {
      byte[] cut = Arrays.copyOf(good, length);

      assertThatThrownBy(() -> SecretValue.decode(kind, cut))
          .as("%s truncated to %d", kind, length)
          .isInstanceOfSatisfying(
              SecretFormatException.class, e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED));
    }
  }

  @ParameterizedTest
  @EnumSource(Secret.Kind.class)
  void decode_trailingByte_isMalformed(Secret.Kind kind) {
    byte[] longer =
        Arrays.copyOf(
            Values.BY_KIND.get(kind).encode(), Values.BY_KIND.get(kind).encode().length + 1);

    assertMalformed(kind, longer, "1 bytes after the value");
  }

  @Test
  void decode_otherMagic_isMalformed() {
    byte[] bad = Values.BINARY.encode();
    bad[1] = 'X';

    assertMalformed(Secret.Kind.BINARY, bad, "magic");
  }

  @Test
  void decode_otherVersion_isUnsupported() {
    byte[] bad = Values.BINARY.encode();
    bad[3] = 2;

    assertThatThrownBy(() -> SecretValue.decode(Secret.Kind.BINARY, bad))
        .isInstanceOfSatisfying(
            SecretFormatException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.UNSUPPORTED_VERSION));
  }

  @Test
  void decode_unknownType_isMalformed() {
    byte[] bad = Values.BINARY.encode();
    bad[4] = 9;

    assertMalformed(Secret.Kind.BINARY, bad, "unknown type 9");
  }

  @Test
  void decode_binaryAsAscii_isWrongKind() {
    assertWrongKind(Secret.Kind.ASCII, Values.BINARY.encode());
  }

  @Test
  void decode_leafAsCa_andCaAsLeaf_areWrongKinds() {
    assertWrongKind(Secret.Kind.X509_CA, Values.LEAF.encode());
    assertWrongKind(Secret.Kind.X509, Values.CA.encode());
  }

  @Test
  void decode_controlCharacterInAscii_isMalformed() {
    byte[] bad = Values.ASCII.encode();
    bad[bad.length - 1] = 0x07;

    assertMalformed(Secret.Kind.ASCII, bad, "printable ASCII");
  }

  @Test
  void decode_hugeLength_isMalformedWithoutAllocating() {
    byte[] bad = Values.BINARY.encode();
    ByteBuffer.wrap(bad).putInt(5, Integer.MAX_VALUE);

    assertMalformed(Secret.Kind.BINARY, bad, "length 2147483647 out of range");
  }

  @Test
  void decode_zeroCertificates_isMalformed() {
    byte[] good = Values.CA.encode();
    int keyLength = ByteBuffer.wrap(good).getInt(5);
    byte[] bad = Arrays.copyOf(good, 5 + 4 + keyLength + 1);
    bad[bad.length - 1] = 0;

    assertMalformed(Secret.Kind.X509_CA, bad, "chain of 0 certificates");
  }

  @Test
  void decode_garbageKey_isMalformedWithoutQuotingIt() {
    byte[] good = Values.KEY.encode();
    byte[] bad = good.clone();
    bad[9] = 0x04;

    assertThatThrownBy(() -> SecretValue.decode(Secret.Kind.PRIVATE_KEY, bad))
        .isInstanceOfSatisfying(
            SecretFormatException.class, e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED))
        .hasMessageContaining("PKCS#8");
  }

  @Test
  void decode_everyKindOfValue_refusesEveryOtherKind() {
    for (Secret.Kind stored : Secret.Kind.values()) {
      for (Secret.Kind asked : Secret.Kind.values()) {
        boolean compatible = stored == asked;
        if (!compatible) {
          byte[] encoded = Values.BY_KIND.get(stored).encode();
          assertThatThrownBy(() -> SecretValue.decode(asked, encoded))
              .as("%s read as %s", stored, asked)
              .isInstanceOfSatisfying(
                  SecretFormatException.class,
                  e -> assertThat(e.reason()).isEqualTo(Reason.WRONG_KIND));
        }
      }
    }
    assertThat(List.of(Secret.Kind.values())).hasSize(5);
  }

  private static void assertWrongKind(Secret.Kind kind, byte[] encoded) {
    assertThatThrownBy(() -> SecretValue.decode(kind, encoded))
        .isInstanceOfSatisfying(
            SecretFormatException.class, e -> assertThat(e.reason()).isEqualTo(Reason.WRONG_KIND));
  }

  private static void assertMalformed(Secret.Kind kind, byte[] encoded, String message) {
    assertThatThrownBy(() -> SecretValue.decode(kind, encoded))
        .isInstanceOfSatisfying(
            SecretFormatException.class, e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED))
        .hasMessageContaining(message);
  }
}
