package io.coffer.cas.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coffer.cas.pki.CertificateAuthorityException.Reason;
import io.coffer.policy.model.Secret;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class CertificateAuthorityEncodingTest {

  static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
  static final CertificateAuthority CA =
      CertificateAuthority.generate(
          "ca", Secret.KeyType.P256, NOW, Duration.ofDays(1), new SecureRandom());
  static final byte[] GOOD = CA.encode();

  @Test
  void encode_layout_isMagicVersionAndTwoLengthPrefixedParts() throws Exception {
    ByteBuffer b = ByteBuffer.wrap(GOOD);
    byte[] head = new byte[4];
    b.get(head);
    int keyLength = b.getInt();
    b.position(b.position() + keyLength);
    int certificateLength = b.getInt();

    assertThat(head).containsExactly('C', 'C', 'A', 1);
    assertThat(keyLength).isEqualTo(CA.privateKeyForStorage().getEncoded().length);
    assertThat(certificateLength).isEqualTo(CA.certificate().getEncoded().length);
    assertThat(b.remaining()).isEqualTo(certificateLength);
  }

  @Test
  void decode_everyTruncation_isMalformed() {
    for (int length = 0; length < GOOD.length; length++) {
      byte[] cut = Arrays.copyOf(GOOD, length);

      assertThatThrownBy(() -> CertificateAuthority.decode(cut))
          .as("truncated to %d bytes", length)
          .isInstanceOfSatisfying(
              CertificateAuthorityException.class,
              e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED));
    }
  }

  @Test
  void decode_trailingByte_isMalformed() {
    byte[] longer = Arrays.copyOf(GOOD, GOOD.length + 1);

    assertMalformed(longer, "1 bytes after the certificate");
  }

  @Test
  void decode_otherMagic_isMalformed() {
    byte[] bad = GOOD.clone();
    bad[0] = 'X';

    assertMalformed(bad, "magic");
  }

  @Test
  void decode_otherVersion_isMalformed() {
    byte[] bad = GOOD.clone();
    bad[3] = 2;

    assertMalformed(bad, "unsupported version 2");
  }

  @Test
  void decode_hugeKeyLength_isMalformedWithoutAllocating() {
    byte[] bad = GOOD.clone();
    ByteBuffer.wrap(bad).putInt(4, -1);

    assertMalformed(bad, "private key length 4294967295 out of range");
  }

  @Test
  void decode_keyNotPkcs8_isMalformed() {
    byte[] bad = GOOD.clone();
    bad[8] = 0x04;

    assertMalformed(bad, "PKCS#8");
  }

  @Test
  void decode_certificateSignatureFlipped_isNotSelfSigned() {
    byte[] bad = GOOD.clone();
    bad[bad.length - 10] ^= 0x01;

    assertThatThrownBy(() -> CertificateAuthority.decode(bad))
        .isInstanceOfSatisfying(
            CertificateAuthorityException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.NOT_SELF_SIGNED));
  }

  @Test
  void decode_keyOfAnotherCa_isAMismatch() throws Exception {
    CertificateAuthority other =
        CertificateAuthority.generate(
            "ca", Secret.KeyType.P256, NOW, Duration.ofDays(1), new SecureRandom());
    byte[] swapped =
        CertificateAuthorityEncoding.encode(
            other.privateKeyForStorage().getEncoded(), CA.certificate().getEncoded());

    assertThatThrownBy(() -> CertificateAuthority.decode(swapped))
        .isInstanceOfSatisfying(
            CertificateAuthorityException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.KEY_MISMATCH));
  }

  @Test
  void decode_errors_neverContainKeyBytes() {
    byte[] bad = Arrays.copyOf(GOOD, GOOD.length + 1);

    assertThatThrownBy(() -> CertificateAuthority.decode(bad))
        .hasMessageNotContaining(
            java.util.HexFormat.of().formatHex(CA.privateKeyForStorage().getEncoded()));
  }

  private static void assertMalformed(byte[] encoded, String message) {
    assertThatThrownBy(() -> CertificateAuthority.decode(encoded))
        .isInstanceOfSatisfying(
            CertificateAuthorityException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED))
        .hasMessageContaining(message);
  }
}
