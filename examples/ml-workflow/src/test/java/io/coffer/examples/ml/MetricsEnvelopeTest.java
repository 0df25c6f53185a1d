package io.coffer.examples.ml;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class MetricsEnvelopeTest {

  private static final Metrics METRICS = new Metrics(0.8875, 0.84, 0.81, 1600, 400);

  private static byte[] key() {
    byte[] k = new byte[32];
    new SecureRandom().nextBytes(k);
    return k;
  }

  private static MetricsException.Reason refusal(byte[] key, byte[] envelope) {
    try {
      MetricsEnvelope.open(key, envelope);
    } catch (MetricsException e) {
      return e.reason();
    }
    throw new AssertionError("opened");
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void open_withTheKey_givesTheMetrics() throws Exception {
    byte[] key = key();

    byte[] envelope = MetricsEnvelope.seal(MetricsKey.of(key), METRICS);

    assertThat(Metrics.decrypt(key, envelope)).isEqualTo(METRICS);
  }

  @Test
  void seal_showsOnlyCiphertext_freshIvEachTime() throws Exception {
    MetricsKey key = MetricsKey.of(key());

    String a = new String(MetricsEnvelope.seal(key, METRICS), StandardCharsets.UTF_8);
    String b = new String(MetricsEnvelope.seal(key, METRICS), StandardCharsets.UTF_8);

    assertThat(a).startsWith("{\"alg\":\"A256GCM\",\"iv\":\"").doesNotContain("accuracy", "0.88");
    assertThat(a).isNotEqualTo(b);
  }

  @Test
  void open_anotherKey_refused() {
    byte[] envelope = MetricsEnvelope.seal(unchecked(key()), METRICS);

    assertThat(refusal(key(), envelope)).isEqualTo(MetricsException.Reason.DOES_NOT_OPEN);
  }

  @Test
  void open_flippedCiphertextOrIvBit_refused() throws Exception {
    byte[] key = key();
    String envelope = new String(MetricsEnvelope.seal(MetricsKey.of(key), METRICS));

    for (String member : new String[] {"iv", "ciphertext"}) {
      String value = envelope.replaceAll(".*\"" + member + "\":\"([^\"]*)\".*", "$1");
      byte[] raw = Base64.getDecoder().decode(value);
      raw[raw.length / 2] ^= 1;
      String changed = envelope.replace(value, Base64.getEncoder().encodeToString(raw));

      assertThat(refusal(key, bytes(changed)))
          .as(member)
          .isEqualTo(MetricsException.Reason.DOES_NOT_OPEN);
    }
  }

  @Test
  void open_sameKeyWithoutTheAssociatedData_refused() throws Exception {
    byte[] key = key();
    byte[] iv = new byte[12];
    Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
    c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, iv));
    byte[] ct = c.doFinal(bytes("{\"accuracy\":1.0}"));
    String envelope =
        "{\"alg\":\"A256GCM\",\"iv\":\""
            + Base64.getEncoder().encodeToString(iv)
            + "\",\"ciphertext\":\""
            + Base64.getEncoder().encodeToString(ct)
            + "\"}";

    assertThat(refusal(key, bytes(envelope))).isEqualTo(MetricsException.Reason.DOES_NOT_OPEN);
  }

  @Test
  void open_malformedEnvelopes_refused() throws Exception {
    byte[] key = key();
    String good = new String(MetricsEnvelope.seal(MetricsKey.of(key), METRICS));
    String iv = good.replaceAll(".*\"iv\":\"([^\"]*)\".*", "$1");

    assertThat(refusal(key, bytes(good.replace("A256GCM", "A128GCM"))))
        .isEqualTo(MetricsException.Reason.UNSUPPORTED_ALGORITHM);
    assertThat(refusal(key, bytes(good.replace("}", ",\"kid\":\"x\"}"))))
        .isEqualTo(MetricsException.Reason.MALFORMED_ENVELOPE);
    assertThat(refusal(key, bytes(good.replace("}", ",\"alg\":\"A256GCM\"}"))))
        .isEqualTo(MetricsException.Reason.MALFORMED_ENVELOPE);
    assertThat(refusal(key, bytes(good + " {}")))
        .isEqualTo(MetricsException.Reason.MALFORMED_ENVELOPE);
    // 11 bytes, unpadded; 12 bytes in the URL-safe alphabet
    assertThat(refusal(key, bytes(good.replace(iv, "AAAAAAAAAAAAAAA"))))
        .isEqualTo(MetricsException.Reason.MALFORMED_ENVELOPE);
    assertThat(refusal(key, bytes(good.replace(iv, "________________"))))
        .isEqualTo(MetricsException.Reason.MALFORMED_ENVELOPE);
    assertThat(refusal(key, bytes(good.replace(iv, "AAAA"))))
        .isEqualTo(MetricsException.Reason.MALFORMED_ENVELOPE);
    assertThat(refusal(key, bytes("[]"))).isEqualTo(MetricsException.Reason.MALFORMED_ENVELOPE);
    assertThat(refusal(key, bytes("{\"alg\":1,\"iv\":\"\",\"ciphertext\":\"\"}")))
        .isEqualTo(MetricsException.Reason.MALFORMED_ENVELOPE);
    assertThat(refusal(key, new byte[MetricsEnvelope.MAX_ENVELOPE_BYTES + 1]))
        .isEqualTo(MetricsException.Reason.MALFORMED_ENVELOPE);
  }

  @Test
  void open_keyNot32Bytes_refused() {
    byte[] envelope = MetricsEnvelope.seal(unchecked(key()), METRICS);

    assertThat(refusal(new byte[16], envelope)).isEqualTo(MetricsException.Reason.BAD_KEY);
    assertThat(refusal(null, envelope)).isEqualTo(MetricsException.Reason.BAD_KEY);
  }

  private static MetricsKey unchecked(byte[] key) {
    try {
      return MetricsKey.of(key);
    } catch (MetricsException e) {
      throw new AssertionError(e);
    }
  }
}
