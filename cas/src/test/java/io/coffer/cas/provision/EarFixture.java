package io.coffer.cas.provision;

import io.coffer.attestation.Platform;
import io.coffer.attestation.TcbStatus;
import io.coffer.cas.identity.CasKeys;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;

/** A CAS signing key and appraisals for EAR tests. */
final class EarFixture {

  static final Instant NOW = Instant.parse("2026-05-01T10:00:00Z");
  static final byte[] NONCE = new byte[32];
  static final CasKeys CAS =
      CasKeys.generate("cas.test", List.of(), InstantSource.fixed(NOW), new SecureRandom());
  static final CasKeys OTHER_CAS =
      CasKeys.generate("other.test", List.of(), InstantSource.fixed(NOW), new SecureRandom());
  static final EarIssuer ISSUER =
      new EarIssuer(CAS.tlsPrivateKey(), CAS.tlsCertificate(), "cas.test", "coffer 0.1.0");
  static final KeyThumbprint WORKLOAD =
      AttestedKey.of(ConfigurationJweTest.ec("secp256r1").getPublic()).thumbprint();

  static {
    for (int i = 0; i < NONCE.length; i++) {
      NONCE[i] = (byte) i;
    }
  }

  private EarFixture() {}

  static EarAppraisal appraisal(Platform platform, boolean debug, TcbStatus tcb) {
    return new EarAppraisal(
        "spiffe://cas.test/hospital/analytics/worker",
        "hospital/analytics",
        "ab".repeat(32),
        "worker",
        platform,
        debug,
        tcb,
        List.of("INTEL-SA-00615"),
        Map.of("mrEnclave", new byte[] {1, 2, 3}, "mrSigner", new byte[] {(byte) 0xff}),
        NONCE,
        WORKLOAD,
        NOW,
        NOW.plusSeconds(3600));
  }

  static EarAppraisal admitted() {
    return appraisal(Platform.SGX, false, TcbStatus.UP_TO_DATE);
  }
}
