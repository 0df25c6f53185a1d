package io.coffer.cas.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coffer.cas.pki.CertificateAuthority;
import io.coffer.policy.model.PolicyName;
import io.coffer.policy.model.Secret;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class SecretGeneratorTest {

  static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
  static final SecureRandom RANDOM = new SecureRandom();
  static final Function<String, Optional<CertificateAuthority>> NO_CAS = n -> Optional.empty();

  @Test
  void ascii_generated_hasSizeUrlSafeCharactersAndDiffers() throws Exception {
    Secret def = Definitions.sized("token", Secret.Kind.ASCII, 4096);

    String a = ((SecretValue.Ascii) SecretGenerator.generate(def, NO_CAS, NOW, RANDOM)).string();
    String b = ((SecretValue.Ascii) SecretGenerator.generate(def, NO_CAS, NOW, RANDOM)).string();

    assertThat(a).hasSize(4096).matches("[A-Za-z0-9_-]+").isNotEqualTo(b);
    // 4096 draws over 64 symbols: every symbol appears (a failure has probability < 1e-20).
    assertThat(a.chars().distinct().count()).isEqualTo(64);
  }

  @Test
  void ascii_givenValue_isUsedAsIs() throws Exception {
    SecretValue v =
        SecretGenerator.generate(
            Definitions.given("pw", Secret.Kind.ASCII, "s3cret! ~"), NO_CAS, NOW, RANDOM);

    assertThat(((SecretValue.Ascii) v).string()).isEqualTo("s3cret! ~");
  }

  @Test
  void ascii_givenNonAscii_isInvalidNotReplaced() {
    assertThatThrownBy(() ->
            SecretGenerator.generate(
                Definitions.given("pw", Secret.Kind.ASCII, "pässword"), NO_CAS, NOW, RANDOM))
        .isInstanceOfSatisfying(
            SecretGenerationException.class,
            e -> assertThat(e.reason()).isEqualTo(SecretGenerationException.Reason.INVALID_VALUE))
        .hasMessageContaining("pw")
        .hasMessageNotContaining("pässword");
  }

  @Test
  void binary_generated_hasSizeAndDiffers() throws Exception {
    Secret def = Definitions.sized("key", Secret.Kind.BINARY, 32);

    byte[] a = ((SecretValue.Binary) SecretGenerator.generate(def, NO_CAS, NOW, RANDOM)).bytes();
    byte[] b = ((SecretValue.Binary) SecretGenerator.generate(def, NO_CAS, NOW, RANDOM)).bytes();

    assertThat(a).hasSize(32);
    assertThat(Arrays.equals(a, b)).isFalse();
  }

  @Test
  void binary_givenValue_isBase64Decoded() throws Exception {
    SecretValue v =
        SecretGenerator.generate(
            Definitions.given("k", Secret.Kind.BINARY, "AAEC/w=="), NO_CAS, NOW, RANDOM);

    assertThat(((SecretValue.Binary) v).bytes()).containsExactly(0, 1, 2, 0xff);
  }

  @Test
  void privateKey_eachType_isAWorkingPair() throws Exception {
    for (Secret.KeyType type : Secret.KeyType.values()) {
      SecretValue.PrivateKeyValue v =
          (SecretValue.PrivateKeyValue)
              SecretGenerator.generate(Definitions.key("k", type), NO_CAS, NOW, RANDOM);

      assertPair(v);
    }
  }

  @Test
  void privateKey_givenPem_derivesItsPublicKey() throws Exception {
    for (String algorithm : List.of("EC", "Ed25519", "RSA")) {
      KeyPairGenerator g = KeyPairGenerator.getInstance(algorithm);
      var pair = g.generateKeyPair();
      String pem = Pem.encode("PRIVATE KEY", pair.getPrivate().getEncoded());

      SecretValue.PrivateKeyValue v =
          (SecretValue.PrivateKeyValue)
              SecretGenerator.generate(
                  Definitions.given("k", Secret.Kind.PRIVATE_KEY, pem), NO_CAS, NOW, RANDOM);

      assertThat(v.publicKey().getEncoded()).as(algorithm).isEqualTo(pair.getPublic().getEncoded());
      assertPair(v);
    }
  }

  @Test
  void privateKey_givenBadPems_areInvalidValues() throws Exception {
    KeyPairGenerator x = KeyPairGenerator.getInstance("X25519");
    String pem =
        Pem.encode(
            "PRIVATE KEY",
            KeyPairGenerator.getInstance("EC").generateKeyPair().getPrivate().getEncoded());
    for (String bad :
        List.of(
            "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n",
            pem + pem,
            Pem.encode("PRIVATE KEY", x.generateKeyPair().getPrivate().getEncoded()),
            "-----BEGIN PRIVATE KEY-----\n-----END PRIVATE KEY-----")) {
      assertThatThrownBy(() ->
              SecretGenerator.generate(
                  Definitions.given("k", Secret.Kind.PRIVATE_KEY, bad), NO_CAS, NOW, RANDOM))
          .isInstanceOfSatisfying(
              SecretGenerationException.class,
              e -> assertThat(e.reason()).isEqualTo(SecretGenerationException.Reason.INVALID_VALUE))
          .hasMessageStartingWith("secret k: the given value");
    }
  }

  @Test
  void x509Ca_generated_isAnAuthorityNamedAfterTheSecret() throws Exception {
    SecretValue.CertificateValue v =
        (SecretValue.CertificateValue)
            SecretGenerator.generate(
                Definitions.ca("policy-ca", Optional.empty()), NO_CAS, NOW, RANDOM);

    CertificateAuthority ca = v.asAuthority();
    assertThat(v.chain()).hasSize(1);
    assertThat(ca.certificate().getSubjectX500Principal().getName())
        .isEqualTo("CN=policy-ca,O=Coffer");
  }

  @Test
  void x509_withIssuer_isIssuedByItWithChain() throws Exception {
    CertificateAuthority ca =
        ((SecretValue.CertificateValue)
                SecretGenerator.generate(
                    Definitions.ca("ca", Optional.of("Policy CA")), NO_CAS, NOW, RANDOM))
            .asAuthority();
    Map<String, CertificateAuthority> cas = Map.of("ca", ca);

    SecretValue.CertificateValue v =
        (SecretValue.CertificateValue)
            SecretGenerator.generate(
                Definitions.certificate("web", Optional.of("ca"), Secret.KeyType.P384),
                n -> Optional.ofNullable(cas.get(n)),
                NOW,
                RANDOM);

    assertThat(v.chain()).containsExactly(v.certificate(), ca.certificate());
    v.certificate().verify(ca.publicKey());
    assertThat(v.certificate().getSubjectX500Principal().getName()).isEqualTo("CN=web");
    assertThat(v.certificate().getPublicKey().getAlgorithm()).isEqualTo("EC");
    assertKeyOf(v);
  }

  @Test
  void x509_withoutIssuer_isSelfSigned() throws Exception {
    SecretValue.CertificateValue v =
        (SecretValue.CertificateValue)
            SecretGenerator.generate(
                Definitions.certificate("web", Optional.empty(), Secret.KeyType.ED25519),
                NO_CAS,
                NOW,
                RANDOM);

    assertThat(v.chain()).hasSize(1);
    v.certificate().verify(v.certificate().getPublicKey());
    assertKeyOf(v);
  }

  @Test
  void x509_unknownIssuer_fails() {
    assertThatThrownBy(() ->
            SecretGenerator.generate(
                Definitions.certificate("web", Optional.of("nope"), Secret.KeyType.P256),
                NO_CAS,
                NOW,
                RANDOM))
        .isInstanceOfSatisfying(
            SecretGenerationException.class,
            e -> assertThat(e.reason()).isEqualTo(SecretGenerationException.Reason.UNKNOWN_ISSUER))
        .hasMessageContaining("nope");
  }

  @Test
  void x509_expiredIssuer_isUnusable() {
    CertificateAuthority old =
        CertificateAuthority.generate(
            "old", Secret.KeyType.P256, NOW.minus(Duration.ofDays(10)), Duration.ofDays(1), RANDOM);

    assertThatThrownBy(() ->
            SecretGenerator.generate(
                Definitions.certificate("web", Optional.of("old"), Secret.KeyType.P256),
                n -> Optional.of(old),
                NOW,
                RANDOM))
        .isInstanceOfSatisfying(
            SecretGenerationException.class,
            e ->
                assertThat(e.reason()).isEqualTo(SecretGenerationException.Reason.ISSUER_UNUSABLE));
  }

  @Test
  void imported_cannotBeGenerated() {
    Secret imported =
        new Secret(
            "shared",
            Secret.Kind.BINARY,
            OptionalInt.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            false,
            List.of(),
            Optional.of(new Secret.SecretImport(new PolicyName("other"), "key", Optional.empty())),
            List.of());

    assertThatThrownBy(() -> SecretGenerator.generate(imported, NO_CAS, NOW, RANDOM))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("imported");
  }

  static void assertPair(SecretValue.PrivateKeyValue v) throws Exception {
    String algorithm =
        switch (v.publicKey().getAlgorithm()) {
          case "EC" -> "SHA256withECDSA";
          case "RSA" -> "SHA256withRSA";
          default -> "Ed25519";
        };
    Signature s = Signature.getInstance(algorithm);
    s.initSign(v.key());
    s.update(new byte[] {1, 2, 3});
    byte[] signature = s.sign();
    s.initVerify(v.publicKey());
    s.update(new byte[] {1, 2, 3});
    assertThat(s.verify(signature)).isTrue();
  }

  private static void assertKeyOf(SecretValue.CertificateValue v) throws Exception {
    X509Certificate c = v.certificate();
    assertPair(new SecretValue.PrivateKeyValue(v.key(), c.getPublicKey()));
    assertThat(Base64.getEncoder().encodeToString(c.getPublicKey().getEncoded())).isNotEmpty();
  }
}
