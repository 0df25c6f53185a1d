package io.coffer.policy.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coffer.policy.governance.GovernanceException.Reason;
import java.math.BigInteger;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.asn1.x9.X962Parameters;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdentityTest {

  private static final String ED25519 = Vectors.identity("ed25519-identity.txt");
  private static final String P256 = Vectors.identity("p256-identity.txt");
  private static final String P384 = Vectors.identity("p384-identity.txt");
  private static final String CERT = Vectors.identity("p256-cert-identity.txt");

  private static Reason reasonOf(String text) {
    try {
      Identity.parse(text);
    } catch (GovernanceException e) {
      return e.reason();
    }
    throw new AssertionError("accepted " + text);
  }

  private static String p256Base64() {
    return P256.substring("p256:".length());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "ed25519-identity.txt",
        "p256-identity.txt",
        "p384-identity.txt",
        "p256-cert-identity.txt"
      })
  void parse_openSslIdentity_roundTrips(String vector) throws Exception {
    String text = Vectors.identity(vector);

    Identity identity = Identity.parse(text);

    assertThat(identity.toString()).isEqualTo(text);
    assertThat(Identity.parse(identity.toString())).isEqualTo(identity).hasSameHashCodeAs(identity);
  }

  @Test
  void parse_types_followPrefixes() throws Exception {
    assertThat(Identity.parse(ED25519).type()).isEqualTo(Identity.Type.ED25519);
    assertThat(Identity.parse(P256).type()).isEqualTo(Identity.Type.P256);
    assertThat(Identity.parse(P384).type()).isEqualTo(Identity.Type.P384);
    assertThat(Identity.parse(CERT).type()).isEqualTo(Identity.Type.CERT_SHA256);
    assertThat(Identity.parse(CERT).publicKey()).isEmpty();
    assertThat(Identity.parse(P256).publicKey()).isPresent();
  }

  @Test
  void of_publicKey_equalsParsedText() throws Exception {
    for (Identity.Type type :
        new Identity.Type[] {Identity.Type.ED25519, Identity.Type.P256, Identity.Type.P384}) {
      IdentityKey key = IdentityKey.generate(type);
      Identity identity = Identity.of(key.identity().publicKey().orElseThrow());

      assertThat(identity).isEqualTo(key.identity());
      assertThat(Identity.parse(identity.toString())).isEqualTo(identity);
      assertThat(identity.toString()).startsWith(type.prefix() + ":");
    }
  }

  @Test
  void of_rsaKey_isUnsupported() throws Exception {
    KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
    rsa.initialize(1024);

    assertThatThrownBy(() -> Identity.of(rsa.generateKeyPair().getPublic()))
        .isInstanceOf(GovernanceException.class)
        .extracting(e -> ((GovernanceException) e).reason())
        .isEqualTo(Reason.UNSUPPORTED_KEY);
  }

  @Test
  void of_p521Key_isUnsupported() throws Exception {
    KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
    ec.initialize(new ECGenParameterSpec("secp521r1"));

    assertThatThrownBy(() -> Identity.of(ec.generateKeyPair().getPublic()))
        .isInstanceOf(GovernanceException.class)
        .hasMessageContaining("1.3.132.0.35")
        .extracting(e -> ((GovernanceException) e).reason())
        .isEqualTo(Reason.UNSUPPORTED_KEY);
  }

  @Test
  void ofCertificate_isSha256OfTheCertificatesSpki() throws Exception {
    ClientCertificate certificate = ClientCertificate.fromPem(Vectors.text("p256-cert.pem"));

    Identity identity = Identity.ofCertificate(certificate.certificate());

    assertThat(identity.toString()).isEqualTo(CERT);
    assertThat(identity.fingerprint()).isEqualTo(Identity.parse(P256).fingerprint());
    assertThat(identity).isNotEqualTo(Identity.parse(P256));
  }

  @Test
  void fingerprint_isSixteenHexDigits_andShortFormNamesTheType() throws Exception {
    Identity identity = Identity.parse(P384);

    assertThat(identity.fingerprint()).matches("[0-9a-f]{16}");
    assertThat(identity.shortForm()).isEqualTo("p384:" + identity.fingerprint() + "...");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "ed25519",
        "ed25519:",
        "ED25519:wJZJ8lpOZQdCkTcL/z8hlkrA0CfzOiReeKZCgwHa+dE=",
        "rsa:AAAA",
        " ed25519:wJZJ8lpOZQdCkTcL/z8hlkrA0CfzOiReeKZCgwHa+dE=",
        "ed25519:wJZJ8lpOZQdCkTcL/z8hlkrA0CfzOiReeKZCgwHa+dE= ",
        "ed25519:wJZJ8lpOZQdCkTcL/z8hlkrA0CfzOiReeKZCgwHa+dE",
        "ed25519:wJZJ8lpOZQdCkTcL_z8hlkrA0CfzOiReeKZCgwHa-dE=",
        "ed25519:wJZJ8lpOZQdCkTcL/z8hlkrA0CfzOiReeKZCgwHa+dF=",
        "ed25519:wJZJ8lpOZQdCkTcL/z8hlkrA0CfzOiReeKZCgwHa",
        "cert-sha256:D79E24D468C233D88D2A301C4B2B4F543615BEF39799FDAC7A49F7F5294D56EC",
        "cert-sha256:d79e24d468c233d88d2a301c4b2b4f543615bef39799fdac7a49f7f5294d56e",
        "cert-sha256:d79e24d468c233d88d2a301c4b2b4f543615bef39799fdac7a49f7f5294d56ec0",
        "cert-sha256:g79e24d468c233d88d2a301c4b2b4f543615bef39799fdac7a49f7f5294d56ec"
      })
  void parse_nonCanonicalText_isMalformed(String text) {
    assertThat(reasonOf(text)).isEqualTo(Reason.MALFORMED_IDENTITY);
  }

  @Test
  void parse_tooLong_isMalformed_andTheMessageStaysShort() {
    String text = "p256:" + "A".repeat(10_000);

    assertThatThrownBy(() -> Identity.parse(text))
        .isInstanceOf(GovernanceException.class)
        .hasMessageContaining("longer than 256")
        .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(120));
  }

  @Test
  void parse_unknownPrefix_namesTheExpectedOnes() {
    assertThatThrownBy(() -> Identity.parse("rsa:AAAA"))
        .hasMessage(
            "identity \"rsa:AAAA\": unknown type \"rsa\" (expected ed25519, p256, p384 or"
                + " cert-sha256)");
  }

  @Test
  void parse_p256KeyUnderP384Prefix_isUnsupported() {
    assertThat(reasonOf("p384:" + p256Base64())).isEqualTo(Reason.UNSUPPORTED_KEY);
  }

  @Test
  void parse_p384KeyUnderP256Prefix_isUnsupported() {
    assertThat(reasonOf("p256:" + P384.substring("p384:".length())))
        .isEqualTo(Reason.UNSUPPORTED_KEY);
  }

  @Test
  void parse_ed25519SpkiUnderP256Prefix_isUnsupported() throws Exception {
    byte[] spki = Identity.parse(ED25519).subjectPublicKeyInfo();

    assertThat(reasonOf("p256:" + Base64.getEncoder().encodeToString(spki)))
        .isEqualTo(Reason.UNSUPPORTED_KEY);
  }

  @Test
  void parse_p256SpkiUnderEd25519Prefix_isMalformed() {
    assertThat(reasonOf("ed25519:" + p256Base64())).isEqualTo(Reason.MALFORMED_IDENTITY);
  }

  @Test
  void parse_p256PointOffTheCurve_isInvalidKey() {
    byte[] spki = Base64.getDecoder().decode(p256Base64());
    spki[spki.length - 1] ^= 1;

    assertThat(reasonOf("p256:" + Base64.getEncoder().encodeToString(spki)))
        .isEqualTo(Reason.INVALID_KEY);
  }

  @Test
  void parse_p256CompressedPoint_isInvalidKey() throws Exception {
    byte[] spki = Base64.getDecoder().decode(p256Base64());
    X9ECParameters curve = ECNamedCurveTable.getByOID(SECObjectIdentifiers.secp256r1);
    byte[] point = Arrays.copyOfRange(spki, spki.length - 65, spki.length);
    byte[] compressed = curve.getCurve().decodePoint(point).getEncoded(true);
    byte[] der =
        new SubjectPublicKeyInfo(
                new AlgorithmIdentifier(
                    X9ObjectIdentifiers.id_ecPublicKey, SECObjectIdentifiers.secp256r1),
                compressed)
            .getEncoded(ASN1Encoding.DER);

    assertThat(reasonOf("p256:" + Base64.getEncoder().encodeToString(der)))
        .isEqualTo(Reason.INVALID_KEY);
  }

  @Test
  void parse_p256WithExplicitCurveParameters_isUnsupported() throws Exception {
    byte[] spki = Base64.getDecoder().decode(p256Base64());
    X9ECParameters curve = ECNamedCurveTable.getByOID(SECObjectIdentifiers.secp256r1);
    byte[] point = Arrays.copyOfRange(spki, spki.length - 65, spki.length);
    byte[] der =
        new SubjectPublicKeyInfo(
                new AlgorithmIdentifier(
                    X9ObjectIdentifiers.id_ecPublicKey, new X962Parameters(curve)),
                point)
            .getEncoded(ASN1Encoding.DER);

    assertThatThrownBy(() -> Identity.ofSpki(der))
        .isInstanceOf(GovernanceException.class)
        .extracting(e -> ((GovernanceException) e).reason())
        .isEqualTo(Reason.UNSUPPORTED_KEY);
    assertThat(reasonOf("p256:" + Base64.getEncoder().encodeToString(der)))
        .isEqualTo(Reason.MALFORMED_IDENTITY);
  }

  @Test
  void parse_p256WithImplicitCurve_isUnsupported() throws Exception {
    byte[] spki = Base64.getDecoder().decode(p256Base64());
    byte[] point = Arrays.copyOfRange(spki, spki.length - 65, spki.length);
    byte[] der =
        new SubjectPublicKeyInfo(
                new AlgorithmIdentifier(X9ObjectIdentifiers.id_ecPublicKey, DERNull.INSTANCE),
                point)
            .getEncoded(ASN1Encoding.DER);

    assertThatThrownBy(() -> Identity.parse("p256:" + Base64.getEncoder().encodeToString(der)))
        .isInstanceOf(GovernanceException.class)
        .hasMessageStartingWith("identity \"p256:")
        .hasMessageEndingWith(": EC key without a named curve (RFC 5480 §2.1.1)")
        .extracting(e -> ((GovernanceException) e).reason())
        .isEqualTo(Reason.UNSUPPORTED_KEY);
  }

  @Test
  void parse_p256NonDerLength_isMalformed() {
    byte[] spki = Base64.getDecoder().decode(p256Base64());
    // 0x30 0x59 rewritten as 0x30 0x81 0x59: a valid BER length, but not DER.
    byte[] ber = new byte[spki.length + 1];
    ber[0] = 0x30;
    ber[1] = (byte) 0x81;
    System.arraycopy(spki, 1, ber, 2, spki.length - 1);

    assertThat(reasonOf("p256:" + Base64.getEncoder().encodeToString(ber)))
        .isEqualTo(Reason.MALFORMED_IDENTITY);
  }

  @Test
  void parse_p256WithTrailingBytes_isMalformed() {
    byte[] spki = Base64.getDecoder().decode(p256Base64());
    byte[] longer = Arrays.copyOf(spki, spki.length + 2);

    assertThat(reasonOf("p256:" + Base64.getEncoder().encodeToString(longer)))
        .isEqualTo(Reason.MALFORMED_IDENTITY);
  }

  @Test
  void parse_p256KeyBitStringWithUnusedBits_isMalformed() {
    byte[] spki = Base64.getDecoder().decode(p256Base64());
    // 30 59 | 30 13 <algorithm> | 03 42 <unused bits> 04 <x> <y>: one unused bit, zero as DER
    // requires, so that the DER is canonical.
    spki[25] = 1;
    spki[spki.length - 1] &= (byte) 0xfe;

    assertThat(reasonOf("p256:" + Base64.getEncoder().encodeToString(spki)))
        .isEqualTo(Reason.MALFORMED_IDENTITY);
  }

  @Test
  void parse_ed25519SpkiWithUnusedBits_isMalformed() throws Exception {
    byte[] spki = Identity.parse(ED25519).subjectPublicKeyInfo();
    // 30 2a | 30 05 06 03 2b 65 70 | 03 21 <unused bits> <key>: one unused bit, zero as DER
    // requires, so that the DER is canonical.
    spki[11] = 1;
    spki[spki.length - 1] &= (byte) 0xfe;

    assertThat(reasonOf("p256:" + Base64.getEncoder().encodeToString(spki)))
        .isEqualTo(Reason.MALFORMED_IDENTITY);
  }

  @Test
  void parse_ed25519NeutralPoint_isInvalidKey() {
    // y = 1 encodes the neutral element, of order 1 (RFC 8032 §5.1.3): a key anyone "owns".
    byte[] raw = new byte[32];
    raw[0] = 1;

    assertThat(reasonOf("ed25519:" + Base64.getEncoder().encodeToString(raw)))
        .isEqualTo(Reason.INVALID_KEY);
  }

  @Test
  void parse_ed25519NonCanonicalY_isInvalidKey() {
    // y = 2^255 - 1 >= p: not a canonical field element (RFC 8032 §5.1.3 step 1).
    byte[] raw = new byte[32];
    Arrays.fill(raw, (byte) 0xff);
    raw[31] = 0x7f;

    assertThat(reasonOf("ed25519:" + Base64.getEncoder().encodeToString(raw)))
        .isEqualTo(Reason.INVALID_KEY);
  }

  @Test
  void parse_ed25519PointOfSmallOrder_isInvalidKey() {
    // y = p - 1 (x = 0): the point of order 2.
    byte[] raw =
        new BigInteger("7fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffec", 16)
            .toByteArray();
    byte[] le = new byte[32];
    for (int i = 0; i < 32; i++) {
      le[i] = raw[raw.length - 1 - i];
    }

    assertThat(reasonOf("ed25519:" + Base64.getEncoder().encodeToString(le)))
        .isEqualTo(Reason.INVALID_KEY);
  }

  @Test
  void certSha256_acceptsAnyLowerCaseHash() throws Exception {
    String text = "cert-sha256:" + HexFormat.of().formatHex(new byte[32]);

    assertThat(Identity.parse(text).toString()).isEqualTo(text);
  }

  @Test
  void equals_isByCanonicalText() throws Exception {
    Identity a = Identity.parse(ED25519);
    Identity b = Identity.parse(new String(ED25519.toCharArray()));

    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    assertThat(a).isNotEqualTo(Identity.parse(P256));
  }

  @Test
  void parse_ofTheSameText_returnsOneInstance_andBadTextFailsEveryTime() throws Exception {
    String text = IdentityKey.generate(Identity.Type.ED25519).identity().toString();
    assertThat(Identity.parse(text)).isSameAs(Identity.parse(text));

    // y = 0: a point of order 4, which full validation refuses.
    String bad = "ed25519:" + "A".repeat(43) + "=";
    for (int i = 0; i < 2; i++) {
      assertThatThrownBy(() -> Identity.parse(bad))
          .isInstanceOfSatisfying(
              GovernanceException.class, e -> assertThat(e.reason()).isEqualTo(Reason.INVALID_KEY));
    }
  }
}
