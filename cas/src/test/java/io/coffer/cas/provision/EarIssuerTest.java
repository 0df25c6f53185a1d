package io.coffer.cas.provision;

import static io.coffer.cas.provision.EarFixture.ISSUER;
import static io.coffer.cas.provision.EarFixture.NONCE;
import static io.coffer.cas.provision.EarFixture.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jwt.SignedJWT;
import io.coffer.attestation.Platform;
import io.coffer.attestation.TcbStatus;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EarIssuerTest {

  @Test
  void issue_claimsArePresentAndTypedAsTheDraftSays() throws Exception {
    SignedJWT jwt = SignedJWT.parse(ISSUER.issue(EarFixture.admitted()));
    Map<String, Object> c = jwt.getPayload().toJSONObject();

    assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
    assertThat(jwt.getHeader().getType().getType())
        .isEqualTo("application/eat+jwt; eat_profile=\"tag:ietf.org,2026:rats/ear#03\"");
    assertThat(c.get("eat_profile")).isEqualTo("tag:ietf.org,2026:rats/ear#03");
    assertThat(c.get("iat")).isEqualTo(NOW.getEpochSecond());
    assertThat(c.get("exp")).isEqualTo(NOW.getEpochSecond() + 3600);
    assertThat(c.get("iss")).isEqualTo("cas.test");
    assertThat(c.get("sub")).isEqualTo("spiffe://cas.test/hospital/analytics/worker");
    assertThat(c.get("ear_verifier_id"))
        .isEqualTo(Map.of("developer", "https://coffer.dev", "build", "coffer 0.1.0"));
    assertThat(Base64.getUrlDecoder().decode((String) c.get("eat_nonce"))).isEqualTo(NONCE);
    assertThat((String) c.get("eat_nonce")).doesNotContain("=");
    assertThat(c.get("ear_status")).isEqualTo("affirming");
    assertThat(c.get("cnf")).isEqualTo(Map.of("jkt", EarFixture.WORKLOAD.base64Url()));

    @SuppressWarnings("unchecked")
    Map<String, Object> submods = (Map<String, Object>) c.get("submods");
    assertThat(submods).containsOnlyKeys("hospital/analytics/worker");
    @SuppressWarnings("unchecked")
    Map<String, Object> a = (Map<String, Object>) submods.get("hospital/analytics/worker");
    assertThat(a.get("ear_status")).isEqualTo("affirming");
    assertThat(a.get("eat_profile")).isEqualTo("tag:coffer.dev,2026:ear-appraisal#1");
    assertThat(a.get("ear_trustworthiness_vector"))
        .isEqualTo(
            Map.of(
                "instance-identity", 2L,
                "configuration", 2L,
                "executables", 2L,
                "hardware", 2L,
                "runtime-opaque", 2L));
    assertThat(a.get("ear_appraisal_policy_ids"))
        .isEqualTo(List.of("policy:hospital/analytics@" + "ab".repeat(32)));
    assertThat(a.get("https://coffer.dev/ear/appraisal"))
        .isEqualTo(
            Map.of(
                "policy",
                "hospital/analytics",
                "policy-hash",
                "ab".repeat(32),
                "service",
                "worker",
                "platform",
                "sgx",
                "simulated",
                false,
                "debug",
                false,
                "tcb-status",
                "UpToDate",
                "advisory-ids",
                List.of("INTEL-SA-00615"),
                "measurements",
                Map.of("mrEnclave", "010203", "mrSigner", "ff")));
  }

  @Test
  void issue_kidIsTheThumbprintOfTheCasKey() throws Exception {
    SignedJWT jwt = SignedJWT.parse(ISSUER.issue(EarFixture.admitted()));

    assertThat(jwt.getHeader().getKeyID())
        .isEqualTo(ECKey.parse(EarFixture.CAS.tlsCertificate()).computeThumbprint().toString());
  }

  @Test
  void issue_simulated_isContraindicatedNotAffirming() throws Exception {
    Map<String, Object> c =
        SignedJWT.parse(
                ISSUER.issue(
                    EarFixture.appraisal(Platform.SIMULATION, false, TcbStatus.UP_TO_DATE)))
            .getPayload()
            .toJSONObject();

    assertThat(c.get("ear_status")).isEqualTo("contraindicated");
  }

  @Test
  void verificationKeys_isPublicEs256SigningKeyWithCertificate() throws Exception {
    JWKSet set = JWKSet.parse(ISSUER.verificationKeys());

    assertThat(set.getKeys()).hasSize(1);
    ECKey key = (ECKey) set.getKeys().get(0);
    assertThat(key.isPrivate()).isFalse();
    assertThat(key.getKeyUse()).isEqualTo(KeyUse.SIGNATURE);
    assertThat(key.getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
    assertThat(key.getKeyID()).isEqualTo(key.computeThumbprint().toString());
    assertThat(key.getX509CertChain().get(0).decode())
        .isEqualTo(EarFixture.CAS.tlsCertificate().getEncoded());
    assertThat(ISSUER.verificationKeys()).doesNotContain("\"d\"");
  }

  @Test
  void constructor_certificateOfAnotherKey_isRefused() {
    assertThatThrownBy(() ->
            new EarIssuer(
                EarFixture.CAS.tlsPrivateKey(),
                EarFixture.OTHER_CAS.tlsCertificate(),
                "cas.test",
                "b"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("does not hold the signing key");
  }

  @Test
  void constructor_nonP256Key_isRefused() throws Exception {
    var p384 = ConfigurationJweTest.ec("secp384r1");
    assertThatThrownBy(() ->
            new EarIssuer(p384.getPrivate(), EarFixture.CAS.tlsCertificate(), "cas.test", "b"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("P-256");
  }
}
