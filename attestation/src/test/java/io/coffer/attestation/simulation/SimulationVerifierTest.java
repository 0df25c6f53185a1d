package io.coffer.attestation.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coffer.attestation.AttestationException;
import io.coffer.attestation.AttestationException.Reason;
import io.coffer.attestation.ClaimValue;
import io.coffer.attestation.Collateral;
import io.coffer.attestation.Evidence;
import io.coffer.attestation.EvidenceType;
import io.coffer.attestation.Platform;
import io.coffer.attestation.TcbStatus;
import io.coffer.attestation.TrustAnchors;
import io.coffer.attestation.VerificationOptions;
import io.coffer.attestation.VerifiedClaims;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SimulationVerifierTest {

  private static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");
  private static final byte[] MEASUREMENT = filled(32, 7);
  private static final byte[] REPORT_DATA = filled(64, 9);

  private final SimulatedPlatform platform = platform();
  private final SimulationVerifier verifier =
      new SimulationVerifier(TrustAnchors.defaults().withSimulationKey(platform.publicKey()));

  private static SimulatedPlatform platform() {
    try {
      return SimulatedPlatform.generate();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] filled(int n, int v) {
    byte[] b = new byte[n];
    Arrays.fill(b, (byte) v);
    return b;
  }

  private VerifiedClaims verify(Evidence e) throws AttestationException {
    return verifier.verify(e, Collateral.empty(), VerificationOptions.at(NOW).allowingSimulation());
  }

  @Test
  void evidence_verifies_withSimulatedClaims() throws Exception {
    VerifiedClaims claims = verify(platform.attest(MEASUREMENT, REPORT_DATA, NOW));

    assertThat(claims.simulated()).isTrue();
    assertThat(claims.platform()).isEqualTo(Platform.SIMULATION);
    assertThat(claims.tcbStatus()).isEqualTo(TcbStatus.UNKNOWN);
    assertThat(claims.reportData()).isEqualTo(REPORT_DATA);
    assertThat(claims.claim("measurement")).contains(new ClaimValue.Bytes(MEASUREMENT));
  }

  @Test
  void simulation_isRefused_unlessAllowed() throws Exception {
    Evidence e = platform.attest(MEASUREMENT, REPORT_DATA, NOW);

    assertThatThrownBy(() -> verifier.verify(e, Collateral.empty(), VerificationOptions.at(NOW)))
        .isInstanceOf(AttestationException.class)
        .extracting(x -> ((AttestationException) x).reason())
        .isEqualTo(Reason.SIMULATION_NOT_ALLOWED);
  }

  @Test
  void anotherPlatformsEvidence_isNotTrusted() throws Exception {
    Evidence e = SimulatedPlatform.generate().attest(MEASUREMENT, REPORT_DATA, NOW);

    assertThatThrownBy(() -> verify(e))
        .extracting(x -> ((AttestationException) x).reason())
        .isEqualTo(Reason.COLLATERAL_MISSING);
  }

  @Test
  void anyChangedByte_failsTheSignature() throws Exception {
    byte[] good = platform.attest(MEASUREMENT, REPORT_DATA, NOW).bytes();
    for (int i = 16; i < 152; i++) {
      if (i >= 120) {
        continue; // the platform key: then the key is not trusted, tested above
      }
      byte[] bad = good.clone();
      bad[i] ^= 1;
      assertThatThrownBy(() -> verify(new Evidence(EvidenceType.SIMULATION, bad)))
          .as("byte %d", i)
          .extracting(x -> ((AttestationException) x).reason())
          .isIn(Reason.REPORT_SIGNATURE_INVALID, Reason.MALFORMED_EVIDENCE);
    }
  }

  @Test
  void evidenceFromTheFuture_isRefused() throws Exception {
    Evidence e = platform.attest(MEASUREMENT, REPORT_DATA, NOW.plusSeconds(3600));

    assertThatThrownBy(() -> verify(e))
        .extracting(x -> ((AttestationException) x).reason())
        .isEqualTo(Reason.COLLATERAL_EXPIRED);
  }

  @Test
  void wrongLengthOrMagic_isMalformed() throws Exception {
    byte[] good = platform.attest(MEASUREMENT, REPORT_DATA, NOW).bytes();
    byte[] magic = good.clone();
    magic[0] = 'X';

    for (byte[] bad : new byte[][] {Arrays.copyOf(good, 215), Arrays.copyOf(good, 217), magic}) {
      assertThatThrownBy(() -> verify(new Evidence(EvidenceType.SIMULATION, bad)))
          .extracting(x -> ((AttestationException) x).reason())
          .isEqualTo(Reason.MALFORMED_EVIDENCE);
    }
  }
}
