package io.coffer.cas.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coffer.cas.http.TestTls;
import io.coffer.policy.governance.Identity;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import org.junit.jupiter.api.Test;

class ServerKeyTrustTest {

  private final X509Certificate cas =
      TestTls.identity(Identity.Type.P256, "cas").certificate().certificate();
  private final X509Certificate other =
      TestTls.identity(Identity.Type.P256, "cas").certificate().certificate();

  @Test
  void pinned_acceptsOnlyThePinnedKey_whateverTheNames() throws Exception {
    ServerKeyTrust trust = ServerKeyTrust.pinned(ServerKeyTrust.spkiOf(cas));

    assertThatCode(() -> trust.checkServerTrusted(new X509Certificate[] {cas}, "EC"))
        .doesNotThrowAnyException();
    assertThatThrownBy(() -> trust.checkServerTrusted(new X509Certificate[] {other, cas}, "EC"))
        .isInstanceOf(CertificateException.class)
        .hasMessageContaining("not the pinned key");
    assertThatThrownBy(() -> trust.checkServerTrusted(new X509Certificate[0], "EC"))
        .isInstanceOf(CertificateException.class);
  }

  @Test
  void unpinned_acceptsAnyKey_andRemembersIt() throws Exception {
    ServerKeyTrust trust = ServerKeyTrust.unpinned();

    trust.checkServerTrusted(new X509Certificate[] {other}, "EC");

    assertThat(trust.lastSeen()).hasValue(ServerKeyTrust.spkiOf(other));
  }

  @Test
  void clientCertificates_areNeverChecked() {
    ServerKeyTrust trust = ServerKeyTrust.unpinned();

    assertThatThrownBy(() -> trust.checkClientTrusted(new X509Certificate[] {cas}, "EC"))
        .isInstanceOf(CertificateException.class);
  }

  @Test
  void pinnedBySha256_acceptsOnlyTheKeyWithThatFingerprint() throws Exception {
    byte[] fingerprint =
        java.security.MessageDigest.getInstance("SHA-256").digest(ServerKeyTrust.spkiOf(cas));
    ServerKeyTrust trust = ServerKeyTrust.pinnedBySha256(fingerprint);

    assertThatCode(() -> trust.checkServerTrusted(new X509Certificate[] {cas}, "EC"))
        .doesNotThrowAnyException();
    assertThatThrownBy(() -> trust.checkServerTrusted(new X509Certificate[] {other}, "EC"))
        .isInstanceOf(CertificateException.class)
        .hasMessageContaining("pinned fingerprint");
    assertThatThrownBy(() -> ServerKeyTrust.pinnedBySha256(new byte[31]))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void pinned_emptyKey_isRejected() {
    assertThatThrownBy(() -> ServerKeyTrust.pinned(new byte[0]))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
