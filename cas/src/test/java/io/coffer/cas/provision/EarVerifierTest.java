package io.coffer.cas.provision;

import static io.coffer.cas.provision.EarFixture.ISSUER;
import static io.coffer.cas.provision.EarFixture.NONCE;
import static io.coffer.cas.provision.EarFixture.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jose.util.JSONObjectUtils;
import io.coffer.attestation.Platform;
import io.coffer.attestation.TcbStatus;
import io.coffer.cas.provision.EarException.Reason;
import java.nio.charset.StandardCharsets;
import java.security.interfaces.ECPrivateKey;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EarVerifierTest {

  private static final String KEYS = ISSUER.verificationKeys();

  @Test
  void verify_issuedEar_roundTrips() throws Exception {
    VerifiedEar ear =
        EarVerifier.verify(ISSUER.issue(EarFixture.admitted()), KEYS, NOW, Optional.of(NONCE));

    assertThat(ear.issuer()).isEqualTo("cas.test");
    assertThat(ear.subject()).contains("spiffe://cas.test/hospital/analytics/worker");
    assertThat(ear.issuedAt()).isEqualTo(NOW);
    assertThat(ear.expiresAt()).isEqualTo(NOW.plusSeconds(3600));
    assertThat(ear.verifierDeveloper()).isEqualTo("https://coffer.dev");
    assertThat(ear.verifierBuild()).isEqualTo("coffer 0.1.0");
    assertThat(ear.status()).isEqualTo(TrustTier.AFFIRMING);
    assertThat(ear.nonce()).hasValueSatisfying(n -> assertThat(n).isEqualTo(NONCE));
    assertThat(ear.attestedKey()).contains(EarFixture.WORKLOAD);
    VerifiedEar.Appraisal a = ear.appraisals().get("hospital/analytics/worker");
    assertThat(a.status()).isEqualTo(TrustTier.AFFIRMING);
    assertThat(a.vector().value(TrustClaim.HARDWARE)).isEqualTo(2);
    assertThat(a.policyIds()).containsExactly("policy:hospital/analytics@" + "ab".repeat(32));
    assertThat(a.extensions()).containsKey("https://coffer.dev/ear/appraisal");
  }

  @Test
  void verify_simulated_isVerifiedButContraindicated() throws Exception {
    String token =
        ISSUER.issue(EarFixture.appraisal(Platform.SIMULATION, false, TcbStatus.UP_TO_DATE));

    VerifiedEar ear = EarVerifier.verify(token, KEYS, NOW, Optional.empty());

    assertThat(ear.status()).isEqualTo(TrustTier.CONTRAINDICATED);
    assertThat(
            ear.appraisals().get("hospital/analytics/worker").vector().value(TrustClaim.HARDWARE))
        .isEqualTo(97);
  }

  @Test
  void verify_debug_isContraindicated() throws Exception {
    String token = ISSUER.issue(EarFixture.appraisal(Platform.TDX, true, TcbStatus.UP_TO_DATE));

    VerifiedEar.Appraisal a =
        EarVerifier.verify(token, KEYS, NOW, Optional.empty())
            .appraisals()
            .get("hospital/analytics/worker");

    assertThat(a.status()).isEqualTo(TrustTier.CONTRAINDICATED);
    assertThat(a.vector().value(TrustClaim.INSTANCE_IDENTITY)).isEqualTo(96);
    assertThat(a.vector().value(TrustClaim.RUNTIME_OPAQUE)).isEqualTo(96);
  }

  @Test
  void verify_withAnotherCasKeySet_failsUnknownKey() {
    EarIssuer other =
        new EarIssuer(
            EarFixture.OTHER_CAS.tlsPrivateKey(),
            EarFixture.OTHER_CAS.tlsCertificate(),
            "other",
            "b");

    assertRefused(
        ISSUER.issue(EarFixture.admitted()), other.verificationKeys(), Reason.UNKNOWN_KEY);
  }

  @Test
  void verify_signedByAnotherKeyUnderTheCasKid_failsBadSignature() throws Exception {
    String kid = JWSObject.parse(ISSUER.issue(EarFixture.admitted())).getHeader().getKeyID();
    String forged =
        sign(claims(), header(kid), (ECPrivateKey) EarFixture.OTHER_CAS.tlsPrivateKey());

    assertRefused(forged, KEYS, Reason.BAD_SIGNATURE);
  }

  @Test
  void verify_expired_fails() {
    String token = ISSUER.issue(EarFixture.admitted());

    assertThatThrownBy(
            () -> EarVerifier.verify(token, KEYS, NOW.plusSeconds(3600), Optional.empty()))
        .isInstanceOfSatisfying(
            EarException.class, e -> assertThat(e.reason()).isEqualTo(Reason.EXPIRED));
  }

  @Test
  void verify_issuedInTheFuture_fails() {
    String token = ISSUER.issue(EarFixture.admitted());

    assertThatThrownBy(
            () -> EarVerifier.verify(token, KEYS, NOW.minusSeconds(61), Optional.empty()))
        .isInstanceOfSatisfying(
            EarException.class, e -> assertThat(e.reason()).isEqualTo(Reason.NOT_YET_VALID));
  }

  @Test
  void verify_otherNonce_failsNonceMismatch() {
    byte[] other = NONCE.clone();
    other[0] ^= 1;

    assertThatThrownBy(() ->
            EarVerifier.verify(ISSUER.issue(EarFixture.admitted()), KEYS, NOW, Optional.of(other)))
        .isInstanceOfSatisfying(
            EarException.class, e -> assertThat(e.reason()).isEqualTo(Reason.NONCE_MISMATCH));
  }

  @Test
  void verify_tamperedPayload_failsBadSignature() throws Exception {
    String[] parts = ISSUER.issue(EarFixture.admitted()).split("\\.");
    String payload = new Base64URL(parts[1]).decodeToString();
    // an attacker upgrades a simulated result to a TDX one
    parts[1] = Base64URL.encode(payload.replace("\"sgx\"", "\"tdx\"")).toString();

    assertRefused(String.join(".", parts), KEYS, Reason.BAD_SIGNATURE);
  }

  @Test
  void verify_algNone_isRefused() {
    String header =
        Base64URL.encode("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8))
            .toString();
    String payload = ISSUER.issue(EarFixture.admitted()).split("\\.")[1];

    assertRefused(header + "." + payload + ".", KEYS, Reason.UNSUPPORTED_ALGORITHM);
  }

  @Test
  void verify_hs256WithThePublicKeyAsSecret_isRefused() throws Exception {
    String kid = JWSObject.parse(ISSUER.issue(EarFixture.admitted())).getHeader().getKeyID();
    JWSObject jws =
        new JWSObject(
            new JWSHeader.Builder(JWSAlgorithm.HS256)
                .type(new JOSEObjectType(EarClaims.TYPE))
                .keyID(kid)
                .build(),
            new Payload(claims()));
    jws.sign(new MACSigner(KEYS.getBytes(StandardCharsets.UTF_8)));

    assertRefused(jws.serialize(), KEYS, Reason.UNSUPPORTED_ALGORITHM);
  }

  @Test
  void verify_anotherTyp_isRefused() throws Exception {
    JWSHeader h = new JWSHeader.Builder(header(kid())).type(JOSEObjectType.JWT).build();

    assertRefused(sign(claims(), h, casKey()), KEYS, Reason.WRONG_TYPE);
  }

  @Test
  void verify_anotherProfile_isRefused() throws Exception {
    Map<String, Object> c = claims();
    c.put("eat_profile", "tag:github.com,2023:veraison/ear");

    assertRefused(sign(c, header(kid()), casKey()), KEYS, Reason.WRONG_PROFILE);
  }

  @Test
  void verify_floatingPointIat_isRefused() throws Exception {
    Map<String, Object> c = claims();
    c.put("iat", NOW.getEpochSecond() + 0.5);

    assertRefused(sign(c, header(kid()), casKey()), KEYS, Reason.INVALID_CLAIMS);
  }

  @Test
  void verify_iatOrExpPastTheLastInstant_isRefused() throws Exception {
    for (String claim : List.of("iat", "exp")) {
      Map<String, Object> c = claims();
      c.put(claim, Long.MAX_VALUE);

      assertRefused(sign(c, header(kid()), casKey()), KEYS, Reason.INVALID_CLAIMS);
    }
  }

  @Test
  void verify_signatureWithOtherCharacters_isRefused() {
    String token = ISSUER.issue(EarFixture.admitted());
    int at = token.lastIndexOf('.') + 10;

    assertRefused(
        token.substring(0, at) + "\u0000 =" + token.substring(at), KEYS, Reason.MALFORMED);
  }

  @Test
  void verify_signatureWithNonCanonicalTrailingBits_isRefused() {
    String token = ISSUER.issue(EarFixture.admitted());
    char last = token.charAt(token.length() - 1);
    // 64 bytes are 86 characters: the last one carries 2 bits of the signature and 4 unused bits
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    char other = alphabet.charAt(alphabet.indexOf(last) ^ 1);

    assertRefused(token.substring(0, token.length() - 1) + other, KEYS, Reason.MALFORMED);
  }

  @Test
  void verify_withoutExp_isRefused() throws Exception {
    Map<String, Object> c = claims();
    c.remove("exp");

    assertRefused(sign(c, header(kid()), casKey()), KEYS, Reason.EXPIRED);
  }

  @Test
  void verify_statusBetterThanItsVector_isRefused() throws Exception {
    String token =
        ISSUER.issue(EarFixture.appraisal(Platform.SIMULATION, false, TcbStatus.UP_TO_DATE));
    Map<String, Object> c = JWSObject.parse(token).getPayload().toJSONObject();
    c.put("ear_status", "affirming");
    @SuppressWarnings("unchecked")
    Map<String, Object> submods = (Map<String, Object>) c.get("submods");
    @SuppressWarnings("unchecked")
    Map<String, Object> a = (Map<String, Object>) submods.get("hospital/analytics/worker");
    a.put("ear_status", "affirming");

    assertRefused(sign(c, header(kid()), casKey()), KEYS, Reason.INVALID_CLAIMS);
  }

  @Test
  void verify_noSubmods_isRefused() throws Exception {
    Map<String, Object> c = claims();
    c.put("submods", Map.of());

    assertRefused(sign(c, header(kid()), casKey()), KEYS, Reason.INVALID_CLAIMS);
  }

  @Test
  void verify_unknownClaims_areIgnored() throws Exception {
    Map<String, Object> c = claims();
    c.put("https://example.com/other", Map.of("x", 1));

    assertThat(EarVerifier.verify(sign(c, header(kid()), casKey()), KEYS, NOW, Optional.empty()))
        .isNotNull();
  }

  @Test
  void verify_garbageTokenOrKeySet_isRefused() {
    assertRefused("garbage", KEYS, Reason.MALFORMED);
    assertRefused(ISSUER.issue(EarFixture.admitted()), "{", Reason.KEY_SET_INVALID);
  }

  private static void assertRefused(String token, String keys, Reason reason) {
    assertThatThrownBy(() -> EarVerifier.verify(token, keys, NOW, Optional.empty()))
        .isInstanceOfSatisfying(EarException.class, e -> assertThat(e.reason()).isEqualTo(reason));
  }

  private static Map<String, Object> claims() throws Exception {
    return new LinkedHashMap<>(
        JWSObject.parse(ISSUER.issue(EarFixture.admitted())).getPayload().toJSONObject());
  }

  private static String kid() throws Exception {
    return JWSObject.parse(ISSUER.issue(EarFixture.admitted())).getHeader().getKeyID();
  }

  private static JWSHeader header(String kid) {
    return new JWSHeader.Builder(JWSAlgorithm.ES256)
        .type(new JOSEObjectType(EarClaims.TYPE))
        .keyID(kid)
        .build();
  }

  private static ECPrivateKey casKey() {
    return (ECPrivateKey) EarFixture.CAS.tlsPrivateKey();
  }

  private static String sign(Map<String, Object> claims, JWSHeader header, ECPrivateKey key)
      throws Exception {
    JWSObject jws = new JWSObject(header, new Payload(JSONObjectUtils.toJSONString(claims)));
    jws.sign(new ECDSASigner(key));
    return jws.serialize();
  }
}
