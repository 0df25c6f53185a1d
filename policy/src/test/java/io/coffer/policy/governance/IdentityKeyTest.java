package io.coffer.policy.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coffer.policy.governance.GovernanceException.Reason;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.sec.ECPrivateKey;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class IdentityKeyTest {

  private static Reason reasonOf(String pem) {
    try {
      IdentityKey.fromPem(pem);
    } catch (GovernanceException e) {
      return e.reason();
    }
    throw new AssertionError("accepted");
  }

  private static String pem(PrivateKeyInfo info) throws Exception {
    return Pem.encode("PRIVATE KEY", info.getEncoded(ASN1Encoding.DER));
  }

  /** The OpenSSL P-256 key with its private scalar and embedded public key replaced. */
  private static String p256Key(BigInteger d, byte[] publicPoint) throws Exception {
    ECPrivateKey ec =
        new ECPrivateKey(256, d, new DERBitString(publicPoint), SECObjectIdentifiers.secp256r1);
    return pem(
        new PrivateKeyInfo(
            new AlgorithmIdentifier(
                X9ObjectIdentifiers.id_ecPublicKey, SECObjectIdentifiers.secp256r1),
            ec));
  }

  private static byte[] point(IdentityKey key) {
    byte[] spki = key.identity().subjectPublicKeyInfo();
    return Arrays.copyOfRange(spki, spki.length - 65, spki.length);
  }

  @ParameterizedTest
  @EnumSource(
      value = Identity.Type.class,
      names = {"ED25519", "P256", "P384"})
  void generate_thenPemRoundTrip_keepsTheIdentity(Identity.Type type) throws Exception {
    IdentityKey key = IdentityKey.generate(type);

    String pem = key.toPem();
    IdentityKey read = IdentityKey.fromPem(pem);

    assertThat(pem)
        .startsWith("-----BEGIN PRIVATE KEY-----\n")
        .endsWith("-----END PRIVATE KEY-----\n");
    assertThat(read.identity()).isEqualTo(key.identity());
    assertThat(read.identity().type()).isEqualTo(type);
    assertThat(read.approve(SignersFixture.UPDATE).verify(SignersFixture.UPDATE))
        .isEqualTo(key.identity());
  }

  @Test
  void generate_certSha256_isRefused() {
    assertThatThrownBy(() -> IdentityKey.generate(Identity.Type.CERT_SHA256))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"ed25519", "p256", "p384"})
  void fromPem_openSslKey_derivesOpenSslsIdentity(String type) throws Exception {
    IdentityKey key = IdentityKey.fromPem(Vectors.text(type + "-key.pem"));

    assertThat(key.identity().toString()).isEqualTo(Vectors.identity(type + "-identity.txt"));
  }

  @Test
  void fromPem_openSslKey_signsWhatOpenSslVerifiesToo() throws Exception {
    IdentityKey key = IdentityKey.fromPem(Vectors.text("p384-key.pem"));
    ApprovalMessage message =
        ApprovalMessage.of(
            "hospital/datasets/patients",
            ApprovalMessageTest.HASH,
            Optional.of(ApprovalMessageTest.PREDECESSOR));
    Approval fromOpenSsl =
        Approval.of(key.identity(), Vectors.bytes("p384-signature.bin"), Optional.empty());

    assertThat(key.approve(message).verify(message)).isEqualTo(key.identity());
    assertThat(fromOpenSsl.verify(message)).isEqualTo(key.identity());
  }

  @Test
  void fromPem_crlfLineEnds_areAccepted() throws Exception {
    String pem = Vectors.text("ed25519-key.pem").replace("\n", "\r\n");

    assertThat(IdentityKey.fromPem(pem).identity().toString())
        .isEqualTo(Vectors.identity("ed25519-identity.txt"));
  }

  @Test
  void fromPem_rsaKey_isUnsupported() {
    assertThatThrownBy(() -> IdentityKey.fromPem(Vectors.text("rsa-key.pem")))
        .hasMessage("key algorithm 1.2.840.113549.1.1.1 is not supported (Ed25519, P-256 or P-384)")
        .extracting(e -> ((GovernanceException) e).reason())
        .isEqualTo(Reason.UNSUPPORTED_KEY);
  }

  @Test
  void fromPem_sec1Key_isNotPkcs8() {
    assertThatThrownBy(() -> IdentityKey.fromPem(Vectors.text("p256-sec1-key.pem")))
        .hasMessage("a PEM \"EC PRIVATE KEY\" block where a PRIVATE KEY was expected")
        .extracting(e -> ((GovernanceException) e).reason())
        .isEqualTo(Reason.MALFORMED_KEY_FILE);
  }

  @Test
  void fromPem_encryptedKey_isNotSupported() {
    String pem = Vectors.text("p256-key.pem").replace("PRIVATE KEY", "ENCRYPTED PRIVATE KEY");

    assertThatThrownBy(() -> IdentityKey.fromPem(pem))
        .hasMessage("a PEM \"ENCRYPTED PRIVATE KEY\" block where a PRIVATE KEY was expected");
  }

  @Test
  void fromPem_legacyEncryptionHeaders_areRefused() {
    String pem =
        Vectors.text("p256-key.pem")
            .replace(
                "-----BEGIN PRIVATE KEY-----\n",
                "-----BEGIN PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\n");

    assertThatThrownBy(() -> IdentityKey.fromPem(pem))
        .hasMessage("PEM headers are not supported (an encrypted legacy key?)");
  }

  @Test
  void fromPem_twoKeys_areRefused() {
    String pem = Vectors.text("p256-key.pem") + Vectors.text("ed25519-key.pem");

    assertThat(reasonOf(pem)).isEqualTo(Reason.MALFORMED_KEY_FILE);
  }

  @Test
  void fromPem_textAfterTheKey_isRefused() {
    assertThat(reasonOf(Vectors.text("p256-key.pem") + "junk\n"))
        .isEqualTo(Reason.MALFORMED_KEY_FILE);
  }

  @Test
  void fromPem_notDer_isMalformed() {
    assertThatThrownBy(() -> IdentityKey.fromPem(Pem.encode("PRIVATE KEY", new byte[] {1, 2, 3})))
        .hasMessage("not a PKCS#8 PrivateKeyInfo (RFC 5958 §2)");
  }

  @Test
  void fromPem_oversized_isRefused() {
    assertThatThrownBy(() -> IdentityKey.fromPem(" ".repeat(IdentityKey.MAX_PEM_CHARS + 1)))
        .hasMessage("longer than 16384 characters");
  }

  @Test
  void fromPem_embeddedPublicKeyOfAnotherKey_isKeyMismatch() throws Exception {
    IdentityKey real = IdentityKey.fromPem(Vectors.text("p256-key.pem"));
    BigInteger d = ((java.security.interfaces.ECPrivateKey) real.privateKey()).getS();

    assertThat(IdentityKey.fromPem(p256Key(d, point(real))).identity()).isEqualTo(real.identity());
    assertThat(reasonOf(p256Key(d, point(SignersFixture.P256)))).isEqualTo(Reason.KEY_MISMATCH);
  }

  @Test
  void fromPem_embeddedPublicKeyWithUnusedBits_isMalformed() throws Exception {
    IdentityKey real = IdentityKey.fromPem(Vectors.text("p256-key.pem"));
    BigInteger d = ((java.security.interfaces.ECPrivateKey) real.privateKey()).getS();
    ECPrivateKey ec =
        new ECPrivateKey(256, d, new DERBitString(point(real), 1), SECObjectIdentifiers.secp256r1);
    String key =
        pem(
            new PrivateKeyInfo(
                new AlgorithmIdentifier(
                    X9ObjectIdentifiers.id_ecPublicKey, SECObjectIdentifiers.secp256r1),
                ec));

    assertThat(reasonOf(key)).isEqualTo(Reason.MALFORMED_KEY_FILE);
  }

  @Test
  void fromPem_scalarOutOfRange_isMalformed() throws Exception {
    BigInteger n = ECNamedCurveTable.getByOID(SECObjectIdentifiers.secp256r1).getN();
    byte[] any = point(SignersFixture.P256);

    assertThat(reasonOf(p256Key(BigInteger.ZERO, any))).isEqualTo(Reason.MALFORMED_KEY_FILE);
    assertThat(reasonOf(p256Key(n, any))).isEqualTo(Reason.MALFORMED_KEY_FILE);
  }

  @Test
  void fromPem_ed25519SeedOfWrongLength_isMalformed() throws Exception {
    PrivateKeyInfo info =
        new PrivateKeyInfo(
            new AlgorithmIdentifier(EdECObjectIdentifiers.id_Ed25519),
            new DEROctetString(new byte[31]));

    assertThatThrownBy(() -> IdentityKey.fromPem(pem(info)))
        .hasMessage("an Ed25519 private key is 32 bytes, got 31");
  }

  @Test
  void fromPem_ed25519WithAnotherPublicKey_isKeyMismatch() throws Exception {
    byte[] seed = new byte[32];
    byte[] otherKey =
        Base64.getDecoder()
            .decode(Vectors.identity("ed25519-identity.txt").substring("ed25519:".length()));
    PrivateKeyInfo info =
        new PrivateKeyInfo(
            new AlgorithmIdentifier(EdECObjectIdentifiers.id_Ed25519),
            new DEROctetString(seed),
            null,
            otherKey);

    assertThat(reasonOf(pem(info))).isEqualTo(Reason.KEY_MISMATCH);
  }

  @Test
  void toString_neverShowsTheKey() {
    IdentityKey key = SignersFixture.ED25519_A;
    String body = key.toPem().lines().toList().get(1);

    assertThat(key.toString())
        .isEqualTo("IdentityKey[" + key.identity() + "]")
        .doesNotContain(body.substring(0, 20));
  }
}
