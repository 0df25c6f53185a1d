package io.coffer.cas.provision;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.DirectEncrypter;
import com.nimbusds.jose.crypto.ECDHEncrypter;
import com.nimbusds.jose.crypto.RSAEncrypter;
import com.nimbusds.jose.util.Base64URL;
import io.coffer.cas.provision.ConfigurationJweException.Reason;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class ConfigurationJweTest {

  private static final byte[] CONFIG =
      "{\"command\":[\"/app\"],\"environment\":{\"K\":\"v\"}}".getBytes(StandardCharsets.UTF_8);

  private static final KeyPair P256 = ec("secp256r1");
  private static final KeyPair OTHER_P256 = ec("secp256r1");

  static KeyPair ec(String curve) {
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
      g.initialize(new ECGenParameterSpec(curve));
      return g.generateKeyPair();
    } catch (java.security.GeneralSecurityException e) {
      throw new AssertionError(e);
    }
  }

  static KeyPair generate(String algorithm) throws Exception {
    return KeyPairGenerator.getInstance(algorithm).generateKeyPair();
  }

  @Test
  void decrypt_withTheAttestedKey_returnsTheConfiguration() throws Exception {
    String jwe = ConfigurationJwe.encrypt(CONFIG, P256.getPublic());

    assertThat(ConfigurationJwe.decrypt(jwe, P256.getPrivate())).isEqualTo(CONFIG);
  }

  @Test
  void decrypt_headerWithoutEnc_isMalformed() {
    String jwe = ConfigurationJwe.encrypt(CONFIG, P256.getPublic());
    String header =
        new String(Base64URL.from(jwe.substring(0, jwe.indexOf('.'))).decode(), UTF_8)
            .replace("\"enc\":\"A256GCM\",", "")
            .replace(",\"enc\":\"A256GCM\"", "");
    String withoutEnc = Base64URL.encode(header.getBytes(UTF_8)) + jwe.substring(jwe.indexOf('.'));

    assertThat(header).doesNotContain("enc");
    assertThatThrownBy(() -> ConfigurationJwe.decrypt(withoutEnc, P256.getPrivate()))
        .isInstanceOfSatisfying(
            ConfigurationJweException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED));
  }

  @Test
  void decrypt_otherCharactersAroundOrInside_areMalformed() {
    String jwe = ConfigurationJwe.encrypt(CONFIG, P256.getPublic());
    int at = jwe.lastIndexOf('.') + 4;

    for (String changed :
        new String[] {
          "\u0011" + jwe, jwe + "\n", jwe.substring(0, at) + "\u0000" + jwe.substring(at)
        }) {
      assertThatThrownBy(() -> ConfigurationJwe.decrypt(changed, P256.getPrivate()))
          .isInstanceOfSatisfying(
              ConfigurationJweException.class,
              e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED));
    }
  }

  @Test
  void encrypt_header_namesAlgorithmsTypeAndRecipientThumbprint() throws Exception {
    JWEHeader h = JWEObject.parse(ConfigurationJwe.encrypt(CONFIG, P256.getPublic())).getHeader();

    assertThat(h.getAlgorithm()).isEqualTo(JWEAlgorithm.ECDH_ES);
    assertThat(h.getEncryptionMethod()).isEqualTo(EncryptionMethod.A256GCM);
    assertThat(h.getType().getType()).isEqualTo(ConfigurationJwe.TYPE);
    assertThat(h.getContentType()).isEqualTo("json");
    assertThat(h.getKeyID())
        .isEqualTo(AttestedKey.of(P256.getPublic()).thumbprint().base64Url())
        .hasSize(43);
    assertThat(h.getCompressionAlgorithm()).isNull();
  }

  @Test
  void encrypt_twice_givesDifferentCiphertexts() {
    assertThat(ConfigurationJwe.encrypt(CONFIG, P256.getPublic()))
        .isNotEqualTo(ConfigurationJwe.encrypt(CONFIG, P256.getPublic()));
  }

  @Test
  void decrypt_withAnotherKeyOfTheSameCurve_failsWrongKey() {
    String jwe = ConfigurationJwe.encrypt(CONFIG, P256.getPublic());

    assertThatThrownBy(() -> ConfigurationJwe.decrypt(jwe, OTHER_P256.getPrivate()))
        .isInstanceOfSatisfying(
            ConfigurationJweException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.WRONG_KEY));
  }

  @Test
  void decrypt_withAKeyOfAnotherCurve_failsWrongKey() {
    String jwe = ConfigurationJwe.encrypt(CONFIG, P256.getPublic());

    assertThatThrownBy(() -> ConfigurationJwe.decrypt(jwe, ec("secp384r1").getPrivate()))
        .isInstanceOfSatisfying(
            ConfigurationJweException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.WRONG_KEY));
  }

  @Test
  void p384AndP521_roundTrip() throws Exception {
    for (String curve : new String[] {"secp384r1", "secp521r1"}) {
      KeyPair k = ec(curve);
      assertThat(
              ConfigurationJwe.decrypt(
                  ConfigurationJwe.encrypt(CONFIG, k.getPublic()), k.getPrivate()))
          .isEqualTo(CONFIG);
    }
  }

  @Test
  void decrypt_flippedByteInAnyPart_fails() {
    String jwe = ConfigurationJwe.encrypt(CONFIG, P256.getPublic());
    String[] parts = jwe.split("\\.", -1);
    // header, (empty) key, IV, ciphertext, tag
    for (int part : new int[] {0, 2, 3, 4}) {
      String[] copy = parts.clone();
      byte[] bytes = new Base64URL(copy[part]).decode();
      bytes[bytes.length / 2] ^= 0x01;
      copy[part] = Base64URL.encode(bytes).toString();
      String tampered = String.join(".", copy);
      assertThatThrownBy(() -> ConfigurationJwe.decrypt(tampered, P256.getPrivate()))
          .as("part %d", part)
          .isInstanceOf(ConfigurationJweException.class);
    }
  }

  @Test
  void decrypt_headerWithAnotherKid_failsWrongKey() throws Exception {
    JWEObject jwe = JWEObject.parse(ConfigurationJwe.encrypt(CONFIG, P256.getPublic()));
    JWEHeader changed = new JWEHeader.Builder(jwe.getHeader()).keyID("other").build();
    String[] parts = jwe.serialize().split("\\.", -1);
    parts[0] = changed.toBase64URL().toString();

    assertThatThrownBy(() -> ConfigurationJwe.decrypt(String.join(".", parts), P256.getPrivate()))
        .isInstanceOfSatisfying(
            ConfigurationJweException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.WRONG_KEY));
  }

  @Test
  void decrypt_truncatedTag_fails() {
    String jwe = ConfigurationJwe.encrypt(CONFIG, P256.getPublic());
    String truncated = jwe.substring(0, jwe.length() - 4);

    assertThatThrownBy(() -> ConfigurationJwe.decrypt(truncated, P256.getPrivate()))
        .isInstanceOf(ConfigurationJweException.class);
  }

  @Test
  void decrypt_dirAlgorithm_isRefused() throws Exception {
    JWEObject jwe =
        new JWEObject(
            new JWEHeader.Builder(JWEAlgorithm.DIR, EncryptionMethod.A256GCM)
                .type(new com.nimbusds.jose.JOSEObjectType(ConfigurationJwe.TYPE))
                .build(),
            new Payload(CONFIG));
    jwe.encrypt(new DirectEncrypter(new SecretKeySpec(new byte[32], "AES")));

    assertRefused(jwe.serialize(), Reason.UNSUPPORTED_ALGORITHM);
  }

  @Test
  void decrypt_rsaOaep_isRefused() throws Exception {
    KeyPair rsa = generate("RSA");
    JWEObject jwe =
        new JWEObject(
            new JWEHeader(JWEAlgorithm.RSA_OAEP_256, EncryptionMethod.A256GCM),
            new Payload(CONFIG));
    jwe.encrypt(new RSAEncrypter((RSAPublicKey) rsa.getPublic()));

    assertRefused(jwe.serialize(), Reason.UNSUPPORTED_ALGORITHM);
  }

  @Test
  void decrypt_cbcHmacContentEncryption_isRefused() throws Exception {
    JWEObject jwe =
        new JWEObject(
            new JWEHeader.Builder(JWEAlgorithm.ECDH_ES, EncryptionMethod.A128CBC_HS256)
                .type(new com.nimbusds.jose.JOSEObjectType(ConfigurationJwe.TYPE))
                .build(),
            new Payload(CONFIG));
    jwe.encrypt(new ECDHEncrypter((ECPublicKey) P256.getPublic()));

    assertRefused(jwe.serialize(), Reason.UNSUPPORTED_ALGORITHM);
  }

  @Test
  void decrypt_keyWrapVariant_isRefused() throws Exception {
    JWEObject jwe =
        new JWEObject(
            new JWEHeader.Builder(JWEAlgorithm.ECDH_ES_A256KW, EncryptionMethod.A256GCM)
                .type(new com.nimbusds.jose.JOSEObjectType(ConfigurationJwe.TYPE))
                .build(),
            new Payload(CONFIG));
    jwe.encrypt(new ECDHEncrypter((ECPublicKey) P256.getPublic()));

    assertRefused(jwe.serialize(), Reason.UNSUPPORTED_ALGORITHM);
  }

  @Test
  void decrypt_compressed_isRefused() throws Exception {
    JWEObject jwe =
        new JWEObject(
            new JWEHeader.Builder(JWEAlgorithm.ECDH_ES, EncryptionMethod.A256GCM)
                .type(new com.nimbusds.jose.JOSEObjectType(ConfigurationJwe.TYPE))
                .compressionAlgorithm(com.nimbusds.jose.CompressionAlgorithm.DEF)
                .build(),
            new Payload(CONFIG));
    jwe.encrypt(new ECDHEncrypter((ECPublicKey) P256.getPublic()));

    assertRefused(jwe.serialize(), Reason.UNSUPPORTED_ALGORITHM);
  }

  @Test
  void decrypt_anotherType_isRefused() throws Exception {
    JWEObject jwe =
        new JWEObject(
            new JWEHeader.Builder(JWEAlgorithm.ECDH_ES, EncryptionMethod.A256GCM).build(),
            new Payload(CONFIG));
    jwe.encrypt(new ECDHEncrypter((ECPublicKey) P256.getPublic()));

    assertRefused(jwe.serialize(), Reason.WRONG_TYPE);
  }

  @Test
  void decrypt_ephemeralKeyOffTheCurve_isMalformed() throws Exception {
    String[] parts = ConfigurationJwe.encrypt(CONFIG, P256.getPublic()).split("\\.", -1);
    String header = new Base64URL(parts[0]).decodeToString();
    String y = header.replaceAll(".*\"y\":\"([^\"]+)\".*", "$1");
    byte[] yBytes = new Base64URL(y).decode();
    yBytes[yBytes.length - 1] ^= 0x01;
    parts[0] = Base64URL.encode(header.replace(y, Base64URL.encode(yBytes).toString())).toString();

    assertRefused(String.join(".", parts), Reason.MALFORMED);
  }

  @Test
  void decrypt_garbage_isMalformed() {
    assertRefused("not.a.jwe", Reason.MALFORMED);
    assertRefused("", Reason.MALFORMED);
  }

  @Test
  void decrypt_tooLarge_isMalformedBeforeParsing() {
    assertRefused("a".repeat(ConfigurationJwe.MAX_COMPACT_CHARS + 1), Reason.MALFORMED);
  }

  @Test
  void encrypt_toEd25519OrRsaOrX25519_isRefused() throws Exception {
    for (String algorithm : new String[] {"Ed25519", "RSA", "X25519"}) {
      KeyPair k = generate(algorithm);
      assertThatThrownBy(() -> ConfigurationJwe.encrypt(CONFIG, k.getPublic()))
          .as(algorithm)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("only EC keys on P-256, P-384 or P-521");
    }
  }

  @Test
  void encrypt_toSecp256k1_isRefused() {
    KeyPair k;
    try {
      k = ec("secp256k1");
    } catch (AssertionError e) {
      return; // this JDK has no secp256k1: nothing to refuse
    }
    KeyPair key = k;
    assertThatThrownBy(() -> ConfigurationJwe.encrypt(CONFIG, key.getPublic()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unsupported curve");
  }

  private static void assertRefused(String jwe, Reason reason) {
    assertThatThrownBy(() -> ConfigurationJwe.decrypt(jwe, P256.getPrivate()))
        .isInstanceOfSatisfying(
            ConfigurationJweException.class, e -> assertThat(e.reason()).isEqualTo(reason));
  }
}
