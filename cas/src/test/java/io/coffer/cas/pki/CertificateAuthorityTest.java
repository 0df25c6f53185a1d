package io.coffer.cas.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.coffer.policy.model.Secret;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.CertPathValidatorException;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CertificateAuthorityTest {

  static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
  static final SecureRandom RANDOM = new SecureRandom();
  static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";
  static final String CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";
  static final SpiffeId ID = new SpiffeId("coffer", "hospital/datasets", "trainer");
  static final CertificateAuthority CA =
      CertificateAuthority.generate(
          "hospital/datasets CA", Secret.KeyType.P256, NOW, Duration.ofDays(3650), RANDOM);
  static final KeyPair WORKLOAD = ec("secp256r1");

  @Test
  void generate_caCertificate_isACaForIssuingOnly() throws Exception {
    X509Certificate ca = CA.certificate();

    assertThat(ca.getSubjectX500Principal())
        .isEqualTo(new X500Principal("CN=hospital/datasets CA, O=Coffer"));
    assertThat(ca.getIssuerX500Principal()).isEqualTo(ca.getSubjectX500Principal());
    assertThat(ca.getBasicConstraints()).isZero();
    assertThat(ca.getCriticalExtensionOIDs())
        .contains(Extension.basicConstraints.getId(), Extension.keyUsage.getId());
    assertThat(ca.getKeyUsage())
        .containsExactly(false, false, false, false, false, true, true, false, false);
    assertThat(ca.getExtensionValue(Extension.subjectKeyIdentifier.getId())).isNotNull();
    assertThat(ca.getNotBefore().toInstant()).isEqualTo(NOW.minusSeconds(60));
    assertThat(ca.getNotAfter().toInstant()).isEqualTo(NOW.plus(Duration.ofDays(3650)));
    ca.verify(ca.getPublicKey());
  }

  @ParameterizedTest
  @EnumSource(Secret.KeyType.class)
  void generate_eachKeyType_signsWithItsAlgorithm(Secret.KeyType type) throws Exception {
    CertificateAuthority ca =
        CertificateAuthority.generate("ca", type, NOW, Duration.ofDays(1), RANDOM);

    String expected =
        switch (type) {
          case P256 -> "SHA256withECDSA";
          case P384 -> "SHA384withECDSA";
          case ED25519 -> "Ed25519";
          case RSA_3072 -> "SHA256withRSA";
        };
    assertThat(ca.certificate().getSigAlgName()).isEqualToIgnoringCase(expected);
    X509Certificate leaf =
        ca.issueInstance(WORKLOAD.getPublic(), ID, NOW, Duration.ofHours(24), RANDOM);
    Pkix.validate(ca.certificate(), NOW, SERVER_AUTH, leaf);
  }

  @Test
  void generate_longCommonName_fails() {
    assertThatThrownBy(() ->
            CertificateAuthority.generate(
                "x".repeat(65), Secret.KeyType.P256, NOW, Duration.ofDays(1), RANDOM))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("64");
  }

  @Test
  void issueInstance_leaf_opensslVerifiesAndShowsSpiffeId(@TempDir Path dir) throws Exception {
    assumeThat(Files.isExecutable(Pkix.OPENSSL)).as("openssl is installed").isTrue();
    X509Certificate leaf =
        CA.issueInstance(WORKLOAD.getPublic(), ID, NOW, Duration.ofHours(24), RANDOM);
    Pkix.writePem(dir.resolve("ca.pem"), CA.certificate());
    Pkix.writePem(dir.resolve("leaf.pem"), leaf);
    String at = Long.toString(NOW.getEpochSecond());

    Pkix.Result verify =
        Pkix.openssl(
            dir, "verify", "-attime", at, "-purpose", "sslserver", "-CAfile", "ca.pem", "leaf.pem");
    Pkix.Result client =
        Pkix.openssl(
            dir, "verify", "-attime", at, "-purpose", "sslclient", "-CAfile", "ca.pem", "leaf.pem");
    Pkix.Result san =
        Pkix.openssl(dir, "x509", "-in", "leaf.pem", "-noout", "-ext", "subjectAltName");

    assertThat(verify.output()).isEqualTo("leaf.pem: OK\n");
    assertThat(client.output()).isEqualTo("leaf.pem: OK\n");
    assertThat(san.output()).contains("URI:spiffe://coffer/hospital/datasets/trainer");
  }

  @Test
  void issueInstance_leaf_opensslRefusesItAfterExpiry(@TempDir Path dir) throws Exception {
    assumeThat(Files.isExecutable(Pkix.OPENSSL)).as("openssl is installed").isTrue();
    X509Certificate leaf =
        CA.issueInstance(WORKLOAD.getPublic(), ID, NOW, Duration.ofHours(24), RANDOM);
    Pkix.writePem(dir.resolve("ca.pem"), CA.certificate());
    Pkix.writePem(dir.resolve("leaf.pem"), leaf);
    String later = Long.toString(NOW.plus(Duration.ofHours(25)).getEpochSecond());

    Pkix.Result verify =
        Pkix.openssl(dir, "verify", "-attime", later, "-CAfile", "ca.pem", "leaf.pem");

    assertThat(verify.exitCode()).isNotZero();
    assertThat(verify.output()).contains("certificate has expired");
  }

  @Test
  void issueInstance_leaf_isASpiffeSvid() throws Exception {
    X509Certificate leaf =
        CA.issueInstance(WORKLOAD.getPublic(), ID, NOW, Duration.ofHours(24), RANDOM);

    Collection<List<?>> names = leaf.getSubjectAlternativeNames();
    assertThat(names).containsExactly(List.of(6, "spiffe://coffer/hospital/datasets/trainer"));
    assertThat(leaf.getSubjectX500Principal())
        .isEqualTo(new X500Principal("CN=trainer, O=hospital/datasets"));
    assertThat(leaf.getIssuerX500Principal()).isEqualTo(CA.certificate().getSubjectX500Principal());
    assertThat(leaf.getBasicConstraints()).isEqualTo(-1);
    assertThat(leaf.getKeyUsage())
        .containsExactly(true, false, false, false, false, false, false, false, false);
    assertThat(leaf.getCriticalExtensionOIDs())
        .containsExactlyInAnyOrder(Extension.basicConstraints.getId(), Extension.keyUsage.getId());
    assertThat(leaf.getExtendedKeyUsage()).containsExactly(SERVER_AUTH, CLIENT_AUTH);
    assertThat(leaf.getPublicKey()).isEqualTo(WORKLOAD.getPublic());
    assertThat(leaf.getExtensionValue(Extension.subjectKeyIdentifier.getId())).isNotNull();
    assertThat(authorityKeyId(leaf)).isEqualTo(subjectKeyId(CA.certificate()));
  }

  @Test
  void issueInstance_leaf_validatesWithPkixForServerAndClient() throws Exception {
    X509Certificate leaf =
        CA.issueInstance(WORKLOAD.getPublic(), ID, NOW, Duration.ofHours(24), RANDOM);

    Pkix.validate(CA.certificate(), NOW, SERVER_AUTH, leaf);
    Pkix.validate(CA.certificate(), NOW, CLIENT_AUTH, leaf);
  }

  @Test
  void issueInstance_leafWithoutCodeSigningEku_failsAnEkuCheck() throws Exception {
    X509Certificate leaf =
        CA.issueInstance(WORKLOAD.getPublic(), ID, NOW, Duration.ofHours(24), RANDOM);

    assertThatThrownBy(() -> Pkix.validate(CA.certificate(), NOW, "1.3.6.1.5.5.7.3.3", leaf))
        .isInstanceOf(CertPathValidatorException.class);
  }

  @Test
  void issueInstance_validity_startsBeforeNowAndEndsAfterValidity() throws Exception {
    X509Certificate leaf =
        CA.issueInstance(WORKLOAD.getPublic(), ID, NOW, Duration.ofHours(24), RANDOM);

    assertThat(leaf.getNotBefore().toInstant()).isEqualTo(NOW.minusSeconds(60));
    assertThat(leaf.getNotAfter().toInstant()).isEqualTo(NOW.plus(Duration.ofHours(24)));
  }

  @Test
  void issueInstance_validityBeyondCa_isCappedAtCaEnd() throws Exception {
    CertificateAuthority shortCa =
        CertificateAuthority.generate(
            "short", Secret.KeyType.P256, NOW, Duration.ofHours(2), RANDOM);

    X509Certificate leaf =
        shortCa.issueInstance(
            WORKLOAD.getPublic(), ID, NOW.plusSeconds(3600), Duration.ofDays(1), RANDOM);

    assertThat(leaf.getNotAfter()).isEqualTo(shortCa.certificate().getNotAfter());
    assertThat(leaf.getNotBefore()).isEqualTo(Date.from(NOW.plusSeconds(3540)));
  }

  @Test
  void issueInstance_justAfterCaStart_notBeforeIsCaStart() throws Exception {
    X509Certificate leaf =
        CA.issueInstance(
            WORKLOAD.getPublic(), ID, NOW.minusSeconds(30), Duration.ofHours(1), RANDOM);

    assertThat(leaf.getNotBefore()).isEqualTo(CA.certificate().getNotBefore());
  }

  @Test
  void issueInstance_serials_arePositiveAtMost128BitsAndDistinct() throws Exception {
    List<BigInteger> serials = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      serials.add(
          CA.issueInstance(WORKLOAD.getPublic(), ID, NOW, Duration.ofHours(1), RANDOM)
              .getSerialNumber());
    }

    assertThat(serials).allSatisfy(s -> assertThat(s.signum()).isPositive());
    assertThat(serials).allSatisfy(s -> assertThat(s.bitLength()).isLessThanOrEqualTo(128));
    assertThat(serials).doesNotHaveDuplicates();
    assertThat(serials.stream().mapToInt(BigInteger::bitLength).max().orElseThrow())
        .isGreaterThan(120);
  }

  @Test
  void issueInstance_expiredCa_fails() {
    Instant after = CA.certificate().getNotAfter().toInstant();

    assertThatThrownBy(
            () -> CA.issueInstance(WORKLOAD.getPublic(), ID, after, Duration.ofHours(1), RANDOM))
        .isInstanceOfSatisfying(
            CertificateAuthorityException.class,
            e -> assertThat(e.reason()).isEqualTo(CertificateAuthorityException.Reason.CA_EXPIRED));
  }

  @Test
  void issueInstance_caNotYetValid_fails() {
    Instant before = NOW.minus(Duration.ofMinutes(2));

    assertThatThrownBy(
            () -> CA.issueInstance(WORKLOAD.getPublic(), ID, before, Duration.ofHours(1), RANDOM))
        .isInstanceOfSatisfying(
            CertificateAuthorityException.class,
            e ->
                assertThat(e.reason())
                    .isEqualTo(CertificateAuthorityException.Reason.CA_NOT_YET_VALID));
  }

  @Test
  void issueInstance_zeroValidity_fails() {
    assertThatThrownBy(() -> CA.issueInstance(WORKLOAD.getPublic(), ID, NOW, Duration.ZERO, RANDOM))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void issueInstance_leafOfAnotherCa_failsValidation() throws Exception {
    CertificateAuthority other =
        CertificateAuthority.generate(
            "hospital/datasets CA", Secret.KeyType.P256, NOW, Duration.ofDays(1), RANDOM);
    X509Certificate foreign =
        other.issueInstance(WORKLOAD.getPublic(), ID, NOW, Duration.ofHours(1), RANDOM);

    assertThatThrownBy(() -> Pkix.validate(CA.certificate(), NOW, SERVER_AUTH, foreign))
        .isInstanceOf(CertPathValidatorException.class);
  }

  @Test
  void issueInstance_leafKeyIssuingItsOwnLeaf_failsValidation() throws Exception {
    X509Certificate leaf =
        CA.issueInstance(WORKLOAD.getPublic(), ID, NOW, Duration.ofHours(1), RANDOM);
    KeyPair victim = ec("secp256r1");
    X509v3CertificateBuilder forged =
        new X509v3CertificateBuilder(
            new JcaX509CertificateHolder(leaf).getSubject(),
            BigInteger.TWO,
            Date.from(NOW.minusSeconds(10)),
            Date.from(NOW.plusSeconds(3600)),
            new X500Name("CN=admin"),
            SubjectPublicKeyInfo.getInstance(victim.getPublic().getEncoded()));
    forged.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
    forged.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
    X509Certificate sub =
        new JcaX509CertificateConverter()
            .getCertificate(
                forged.build(
                    new JcaContentSignerBuilder("SHA256withECDSA").build(WORKLOAD.getPrivate())));

    assertThatThrownBy(() -> Pkix.validate(CA.certificate(), NOW, SERVER_AUTH, sub, leaf))
        .isInstanceOf(CertPathValidatorException.class);
  }

  @Test
  void issueInstance_acceptedKeyTypes_areCertified() throws Exception {
    for (KeyPair key :
        List.of(
            ec("secp256r1"),
            ec("secp384r1"),
            ec("secp521r1"),
            pair("Ed25519", 255),
            pair("RSA", 2048))) {
      X509Certificate leaf =
          CA.issueInstance(key.getPublic(), ID, NOW, Duration.ofHours(1), RANDOM);

      assertThat(leaf.getPublicKey()).isEqualTo(key.getPublic());
      Pkix.validate(CA.certificate(), NOW, CLIENT_AUTH, leaf);
    }
  }

  @Test
  void issueInstance_rsaKey_alsoGetsKeyEncipherment() throws Exception {
    X509Certificate leaf =
        CA.issueInstance(pair("RSA", 2048).getPublic(), ID, NOW, Duration.ofHours(1), RANDOM);

    assertThat(leaf.getKeyUsage())
        .containsExactly(true, false, true, false, false, false, false, false, false);
  }

  @Test
  void issueInstance_weakOrForeignKeys_fail() throws Exception {
    assertThatThrownBy(() ->
            CA.issueInstance(pair("RSA", 1024).getPublic(), ID, NOW, Duration.ofHours(1), RANDOM))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("2048");
    assertThatThrownBy(() ->
            CA.issueInstance(pair("X25519", 255).getPublic(), ID, NOW, Duration.ofHours(1), RANDOM))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("1.3.101.110");
    assertThatThrownBy(() ->
            CA.issueInstance(pair("Ed448", 448).getPublic(), ID, NOW, Duration.ofHours(1), RANDOM))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not accepted");
    assertThatThrownBy(() ->
            CA.issueInstance(pair("DSA", 2048).getPublic(), ID, NOW, Duration.ofHours(1), RANDOM))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not accepted");
  }

  @Test
  void issueInstance_fromManyThreads_everyLeafValidates() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<X509Certificate>> leaves = new ArrayList<>();
      for (int i = 0; i < 64; i++) {
        leaves.add(
            pool.submit(() ->
                CA.issueInstance(WORKLOAD.getPublic(), ID, NOW, Duration.ofHours(1), RANDOM)));
      }
      for (Future<X509Certificate> f : leaves) {
        Pkix.validate(CA.certificate(), NOW, SERVER_AUTH, f.get());
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void issue_x509Settings_namesPurposesAndValidity() throws Exception {
    Secret.X509 settings =
        new Secret.X509(
            Optional.of("db"),
            Optional.of("db.internal"),
            List.of("dns:db.internal", "ip:10.0.0.7", "ip:::1", "uri:https://db.internal/x"),
            Optional.of(Secret.Endpoint.BOTH),
            Optional.of(Duration.ofDays(30)));

    X509Certificate cert = CA.issue(WORKLOAD.getPublic(), settings, "db-cert", NOW, RANDOM);

    assertThat(cert.getSubjectX500Principal()).isEqualTo(new X500Principal("CN=db.internal"));
    assertThat(cert.getSubjectAlternativeNames())
        .containsExactly(
            List.of(2, "db.internal"),
            List.of(7, "10.0.0.7"),
            List.of(7, "0:0:0:0:0:0:0:1"),
            List.of(6, "https://db.internal/x"));
    assertThat(cert.getExtendedKeyUsage()).containsExactly(SERVER_AUTH, CLIENT_AUTH);
    assertThat(cert.getNotAfter().toInstant()).isEqualTo(NOW.plus(Duration.ofDays(30)));
    assertThat(cert.getBasicConstraints()).isEqualTo(-1);
    Pkix.validate(CA.certificate(), NOW, SERVER_AUTH, cert);
  }

  @Test
  void issue_defaults_serverOnlyNinetyDaysDefaultName() throws Exception {
    Secret.X509 settings =
        new Secret.X509(
            Optional.empty(), Optional.empty(), List.of(), Optional.empty(), Optional.empty());

    X509Certificate cert = CA.issue(WORKLOAD.getPublic(), settings, "web-cert", NOW, RANDOM);

    assertThat(cert.getSubjectX500Principal()).isEqualTo(new X500Principal("CN=web-cert"));
    assertThat(cert.getSubjectAlternativeNames()).isNull();
    assertThat(cert.getExtendedKeyUsage()).containsExactly(SERVER_AUTH);
    assertThat(cert.getNotAfter().toInstant()).isEqualTo(NOW.plus(Duration.ofDays(90)));
    assertThatThrownBy(() -> Pkix.validate(CA.certificate(), NOW, CLIENT_AUTH, cert))
        .isInstanceOf(CertPathValidatorException.class);
  }

  @Test
  void issue_commonNameWithSpecials_isOneEscapedAttribute() throws Exception {
    Secret.X509 settings =
        new Secret.X509(
            Optional.empty(),
            Optional.of("evil, O=Admin+CN=x"),
            List.of(),
            Optional.empty(),
            Optional.empty());

    X509Certificate cert = CA.issue(WORKLOAD.getPublic(), settings, "n", NOW, RANDOM);

    X500Name subject = new JcaX509CertificateHolder(cert).getSubject();
    assertThat(subject.getRDNs()).hasSize(1);
    assertThat(subject.getRDNs()[0].getFirst().getValue().toString())
        .isEqualTo("evil, O=Admin+CN=x");
  }

  @Test
  void issue_badSans_fail() {
    for (String san : List.of("dns:bad name", "ip:1.2.3", "mail:a@b", "uri:https://exämple/")) {
      Secret.X509 settings =
          new Secret.X509(
              Optional.empty(), Optional.empty(), List.of(san), Optional.empty(), Optional.empty());

      assertThatThrownBy(() -> CA.issue(WORKLOAD.getPublic(), settings, "n", NOW, RANDOM))
          .as(san)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining(san);
    }
  }

  @Test
  void of_leafCertificate_isNotACa() throws Exception {
    X509Certificate leaf =
        CA.issueInstance(WORKLOAD.getPublic(), ID, NOW, Duration.ofHours(1), RANDOM);

    assertThatThrownBy(() -> CertificateAuthority.of(WORKLOAD.getPrivate(), leaf))
        .isInstanceOfSatisfying(
            CertificateAuthorityException.class,
            e -> assertThat(e.reason()).isEqualTo(CertificateAuthorityException.Reason.NOT_A_CA));
  }

  @Test
  void of_keyOfAnotherCa_isAMismatch() {
    CertificateAuthority other =
        CertificateAuthority.generate(
            "other", Secret.KeyType.P256, NOW, Duration.ofDays(1), RANDOM);

    assertThatThrownBy(
            () -> CertificateAuthority.of(other.privateKeyForStorage(), CA.certificate()))
        .isInstanceOfSatisfying(
            CertificateAuthorityException.class,
            e ->
                assertThat(e.reason())
                    .isEqualTo(CertificateAuthorityException.Reason.KEY_MISMATCH));
  }

  @Test
  void of_subjectKeyIdentifierNotAnOctetString_isMalformed() throws Exception {
    KeyPair key = ec("secp256r1");
    X500Name name = new X500Name("CN=ca,O=Coffer");
    X509v3CertificateBuilder builder =
        new X509v3CertificateBuilder(
            name,
            BigInteger.ONE,
            Date.from(NOW.minusSeconds(60)),
            Date.from(NOW.plusSeconds(3600)),
            name,
            SubjectPublicKeyInfo.getInstance(key.getPublic().getEncoded()));
    builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
    builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign));
    builder.addExtension(
        new Extension(Extension.subjectKeyIdentifier, false, DERNull.INSTANCE.getEncoded()));
    X509Certificate certificate =
        new JcaX509CertificateConverter()
            .getCertificate(
                builder.build(
                    new JcaContentSignerBuilder("SHA256withECDSA").build(key.getPrivate())));

    assertThatThrownBy(() -> CertificateAuthority.of(key.getPrivate(), certificate))
        .isInstanceOfSatisfying(
            CertificateAuthorityException.class,
            e -> assertThat(e.reason()).isEqualTo(CertificateAuthorityException.Reason.MALFORMED));
  }

  @Test
  void encode_decode_roundTripsAndKeepsIssuing() throws Exception {
    CertificateAuthority decoded = CertificateAuthority.decode(CA.encode());

    assertThat(decoded.certificate()).isEqualTo(CA.certificate());
    assertThat(decoded.privateKeyForStorage().getEncoded())
        .isEqualTo(CA.privateKeyForStorage().getEncoded());
    X509Certificate leaf =
        decoded.issueInstance(WORKLOAD.getPublic(), ID, NOW, Duration.ofHours(1), RANDOM);
    Pkix.validate(CA.certificate(), NOW, SERVER_AUTH, leaf);
  }

  @Test
  void toString_namesTheCaButNoKey() {
    assertThat(CA.toString())
        .contains("CN=hospital/datasets CA")
        .doesNotContain(java.util.HexFormat.of().formatHex(CA.privateKeyForStorage().getEncoded()));
  }

  static KeyPair ec(String curve) {
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
      g.initialize(new ECGenParameterSpec(curve));
      return g.generateKeyPair();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  static KeyPair pair(String algorithm, int bits) throws Exception {
    KeyPairGenerator g = KeyPairGenerator.getInstance(algorithm);
    g.initialize(bits);
    return g.generateKeyPair();
  }

  private static byte[] subjectKeyId(X509Certificate c) {
    return org.bouncycastle.asn1.x509.SubjectKeyIdentifier.getInstance(
            org.bouncycastle.asn1.ASN1OctetString.getInstance(
                    c.getExtensionValue(Extension.subjectKeyIdentifier.getId()))
                .getOctets())
        .getKeyIdentifier();
  }

  private static byte[] authorityKeyId(X509Certificate c) {
    return org.bouncycastle.asn1.x509.AuthorityKeyIdentifier.getInstance(
            org.bouncycastle.asn1.ASN1OctetString.getInstance(
                    c.getExtensionValue(Extension.authorityKeyIdentifier.getId()))
                .getOctets())
        .getKeyIdentifierOctets();
  }
}
