package io.coffer.cas.http;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coffer.cas.client.ClientIdentity;
import io.coffer.policy.governance.Identity;
import io.coffer.policy.governance.IdentityKey;
import java.math.BigInteger;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;

class ClientKeyTrustTest {

  private final Instant now = Instant.now();
  private final ClientKeyTrust trust = new ClientKeyTrust(InstantSource.fixed(now));
  private final ClientIdentity alice = TestTls.identity(Identity.Type.P256, "alice");
  private final X509Certificate cert = alice.certificate().certificate();

  /** A certificate for {@code subjectKey}'s public key, signed by {@code signer}. */
  private static X509Certificate certificate(
      IdentityKey subjectKey, String subject, String issuer, PrivateKey signer) throws Exception {
    X509v3CertificateBuilder b =
        new X509v3CertificateBuilder(
            new X500Name("CN=" + issuer),
            BigInteger.TEN,
            Date.from(Instant.now().minus(Duration.ofHours(1))),
            Date.from(Instant.now().plus(Duration.ofHours(1))),
            new X500Name("CN=" + subject),
            SubjectPublicKeyInfo.getInstance(alicePublic(subjectKey)));
    return new JcaX509CertificateConverter()
        .getCertificate(b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(signer)));
  }

  private static byte[] alicePublic(IdentityKey key) {
    return key.identity().publicKey().orElseThrow().getEncoded();
  }

  @Test
  void selfSignedValidCertificate_isAccepted() {
    assertThatCode(() -> trust.checkClientTrusted(new X509Certificate[] {cert}, "EC"))
        .doesNotThrowAnyException();
  }

  @Test
  void chainOfTwo_orNone_isRefused() {
    assertThatThrownBy(() -> trust.checkClientTrusted(new X509Certificate[] {cert, cert}, "EC"))
        .isInstanceOf(CertificateException.class);
    assertThatThrownBy(() -> trust.checkClientTrusted(new X509Certificate[0], "EC"))
        .isInstanceOf(CertificateException.class);
  }

  @Test
  void certificateOutsideItsValidity_isRefused() {
    ClientKeyTrust later = new ClientKeyTrust(InstantSource.fixed(now.plus(Duration.ofDays(2))));
    ClientKeyTrust earlier = new ClientKeyTrust(InstantSource.fixed(now.minus(Duration.ofDays(1))));

    assertThatThrownBy(() -> later.checkClientTrusted(new X509Certificate[] {cert}, "EC"))
        .isInstanceOf(CertificateException.class);
    assertThatThrownBy(() -> earlier.checkClientTrusted(new X509Certificate[] {cert}, "EC"))
        .isInstanceOf(CertificateException.class);
  }

  @Test
  void certificateSignedByAnotherKey_isRefused() throws Exception {
    IdentityKey mallory = IdentityKey.generate(Identity.Type.P256);
    X509Certificate forged = certificate(alice.key(), "alice", "alice", mallory.privateKey());

    assertThatThrownBy(() -> trust.checkClientTrusted(new X509Certificate[] {forged}, "EC"))
        .isInstanceOf(CertificateException.class)
        .hasMessageContaining("self-signature");
  }

  @Test
  void certificateIssuedByAnotherName_isAcceptedForItsKeyOnly() throws Exception {
    // The issuer is checked where it matters (workload certificates); the handshake proves the key.
    X509Certificate issued = certificate(alice.key(), "alice", "some ca", alice.key().privateKey());

    assertThatCode(() -> trust.checkClientTrusted(new X509Certificate[] {issued}, "EC"))
        .doesNotThrowAnyException();
  }

  @Test
  void serverCertificates_areNeverTrusted() {
    assertThatThrownBy(() -> trust.checkServerTrusted(new X509Certificate[] {cert}, "EC"))
        .isInstanceOf(CertificateException.class);
  }
}
