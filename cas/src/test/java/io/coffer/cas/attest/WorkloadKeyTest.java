package io.coffer.cas.attest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coffer.cas.events.AttestationFailed.Reason;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.spec.ECGenParameterSpec;
import org.junit.jupiter.api.Test;

class WorkloadKeyTest {

  private static byte[] ec(String curve) throws Exception {
    KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
    g.initialize(new ECGenParameterSpec(curve));
    return g.generateKeyPair().getPublic().getEncoded();
  }

  @Test
  void ecKeys_onTheThreeCurves_areAccepted() throws Exception {
    for (String curve : new String[] {"secp256r1", "secp384r1", "secp521r1"}) {
      byte[] spki = ec(curve);
      assertThat(WorkloadKey.parse(spki).spki()).isEqualTo(spki);
    }
  }

  @Test
  void otherKeys_areRefusedAsUnsupported() throws Exception {
    KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
    rsa.initialize(2048);
    byte[] ed = KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPublic().getEncoded();
    for (byte[] spki :
        new byte[][] {
          rsa.generateKeyPair().getPublic().getEncoded(), ed, new byte[0], new byte[] {0x30, 0}
        }) {
      assertThatThrownBy(() -> WorkloadKey.parse(spki))
          .isInstanceOfSatisfying(
              AttestationRefused.class,
              e -> assertThat(e.reasons()).containsExactly(Reason.KEY_UNSUPPORTED));
    }
  }

  @Test
  void trailingBytes_areRefused() throws Exception {
    byte[] spki = ec("secp256r1");
    byte[] longer = java.util.Arrays.copyOf(spki, spki.length + 1);
    assertThatThrownBy(() -> WorkloadKey.parse(longer)).isInstanceOf(AttestationRefused.class);
  }

  @Test
  void binding_isSha512OfNonceThenKey() throws Exception {
    byte[] spki = ec("secp256r1");
    byte[] nonce = {1, 2, 3};
    MessageDigest sha512 = MessageDigest.getInstance("SHA-512");
    sha512.update(nonce);
    byte[] expected = sha512.digest(spki);
    WorkloadKey key = WorkloadKey.parse(spki);

    assertThat(WorkloadKey.reportData(nonce, spki)).isEqualTo(expected);
    key.checkBinding(expected, nonce);
    assertThatThrownBy(() -> key.checkBinding(expected, new byte[] {1, 2, 4}))
        .isInstanceOfSatisfying(
            AttestationRefused.class,
            e -> assertThat(e.reasons()).containsExactly(Reason.KEY_NOT_BOUND));
    assertThatThrownBy(() -> WorkloadKey.parse(ec("secp256r1")).checkBinding(expected, nonce))
        .isInstanceOf(AttestationRefused.class);
  }
}
