package io.coffer.policy.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coffer.policy.governance.GovernanceException.Reason;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class ClientCertificateTest {

  private static final Instant NOT_BEFORE = Instant.parse("2026-03-01T12:00:00Z");
  private static final String CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";

  private static Reason reasonOf(byte[] der) {
    try {
      ClientCertificate.fromDer(der);
    } catch (GovernanceException e) {
      return e.reason();
    }
    throw new AssertionError("accepted");
  }

  @ParameterizedTest
  @EnumSource(
      value = Identity.Type.class,
      names = {"ED25519", "P256", "P384"})
  void selfSigned_isAnMtlsClientCertificateForTheKey(Identity.Type type) throws Exception {
    IdentityKey key = IdentityKey.generate(type);

    X509Certificate cert =
        ClientCertificate.selfSigned(key, "alice", NOT_BEFORE, Duration.ofDays(365)).certificate();

    assertThat(cert.getVersion()).isEqualTo(3);
    assertThat(cert.getSubjectX500Principal().getName()).isEqualTo("CN=alice");
    assertThat(cert.getIssuerX500Principal()).isEqualTo(cert.getSubjectX500Principal());
    assertThat(cert.getNotBefore()).isEqualTo(Date.from(NOT_BEFORE));
    assertThat(cert.getNotAfter()).isEqualTo(Date.from(NOT_BEFORE.plus(Duration.ofDays(365))));
    assertThat(cert.getExtendedKeyUsage()).containsExactly(CLIENT_AUTH);
    assertThat(cert.getKeyUsage()).startsWith(true).containsOnlyOnce(true);
    assertThat(cert.getBasicConstraints()).isEqualTo(-1);
    assertThat(cert.getCriticalExtensionOIDs()).contains("2.5.29.15", "2.5.29.19");
    assertThat(cert.getSerialNumber().signum()).isPositive();
    assertThat(cert.getSerialNumber().bitLength()).isEqualTo(159);
    assertThat(Identity.of(cert.getPublicKey())).isEqualTo(key.identity());
    cert.verify(cert.getPublicKey());
  }

  @Test
  void selfSigned_serials_differ() {
    IdentityKey key = SignersFixture.ED25519_A;
    BigInteger one = SignersFixture.certificate(key).certificate().getSerialNumber();
    BigInteger two = SignersFixture.certificate(key).certificate().getSerialNumber();

    assertThat(one).isNotEqualTo(two);
  }

  @Test
  void identities_areTheCertificateHash_andTheKey() throws Exception {
    ClientCertificate certificate = SignersFixture.certificate(SignersFixture.P256);

    assertThat(certificate.identity()).isEqualTo(Identity.ofCertificate(certificate.certificate()));
    assertThat(certificate.identity().type()).isEqualTo(Identity.Type.CERT_SHA256);
    assertThat(certificate.keyIdentity()).isEqualTo(SignersFixture.P256.identity());
  }

  @Test
  void renewedCertificate_keepsTheIdentity() {
    ClientCertificate first = SignersFixture.certificate(SignersFixture.P384);
    ClientCertificate renewed =
        ClientCertificate.selfSigned(
            SignersFixture.P384,
            "renewed",
            NOT_BEFORE.plus(Duration.ofDays(300)),
            Duration.ofDays(365));

    assertThat(renewed.der()).isNotEqualTo(first.der());
    assertThat(renewed.identity()).isEqualTo(first.identity());
  }

  @Test
  void pem_roundTrips() throws Exception {
    ClientCertificate certificate = SignersFixture.certificate(SignersFixture.ED25519_B);

    String pem = certificate.toPem();

    assertThat(pem).startsWith("-----BEGIN CERTIFICATE-----\n");
    assertThat(ClientCertificate.fromPem(pem).der()).isEqualTo(certificate.der());
  }

  @Test
  void fromPem_openSslCertificate_hasOpenSslsHash() throws Exception {
    ClientCertificate certificate = ClientCertificate.fromPem(Vectors.text("p256-cert.pem"));

    assertThat(certificate.identity().toString())
        .isEqualTo(Vectors.identity("p256-cert-identity.txt"));
    assertThat(certificate.keyIdentity().toString())
        .isEqualTo(Vectors.identity("p256-identity.txt"));
  }

  @Test
  void fromDer_garbage_isMalformed() {
    assertThat(reasonOf(new byte[] {0x30, 0x03, 0x02, 0x01, 0x01}))
        .isEqualTo(Reason.MALFORMED_CERTIFICATE);
  }

  @Test
  void fromDer_trailingBytes_areMalformed() {
    byte[] der = SignersFixture.certificate(SignersFixture.P256).der();

    assertThat(reasonOf(Arrays.copyOf(der, der.length + 1)))
        .isEqualTo(Reason.MALFORMED_CERTIFICATE);
  }

  @Test
  void fromDer_oversized_isRefused() {
    assertThat(reasonOf(new byte[ClientCertificate.MAX_DER_BYTES + 1]))
        .isEqualTo(Reason.MALFORMED_CERTIFICATE);
  }

  @Test
  void rsaCertificate_hasAnIdentity_butNoKeyIdentity() throws Exception {
    KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
    rsa.initialize(1024);
    KeyPair pair = rsa.generateKeyPair();
    X500Name name = new X500Name("CN=rsa");
    X509Certificate cert =
        new org.bouncycastle.cert.jcajce.JcaX509CertificateConverter()
            .getCertificate(
                new JcaX509v3CertificateBuilder(
                        name,
                        BigInteger.ONE,
                        Date.from(NOT_BEFORE),
                        Date.from(NOT_BEFORE.plusSeconds(60)),
                        name,
                        pair.getPublic())
                    .build(new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate())));
    ClientCertificate certificate = ClientCertificate.of(cert);

    assertThat(certificate.identity().type()).isEqualTo(Identity.Type.CERT_SHA256);
    assertThatThrownBy(certificate::keyIdentity)
        .isInstanceOf(GovernanceException.class)
        .extracting(e -> ((GovernanceException) e).reason())
        .isEqualTo(Reason.UNSUPPORTED_KEY);
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 65})
  void selfSigned_commonNameOutOfBounds_isRefused(int length) {
    assertThatThrownBy(() ->
            ClientCertificate.selfSigned(
                SignersFixture.ED25519_A, "x".repeat(length), NOT_BEFORE, Duration.ofDays(1)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
