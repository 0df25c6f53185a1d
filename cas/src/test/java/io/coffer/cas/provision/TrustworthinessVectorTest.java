package io.coffer.cas.provision;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.attestation.Platform;
import io.coffer.attestation.TcbStatus;
import org.junit.jupiter.api.Test;

class TrustworthinessVectorTest {

  private static TrustworthinessVector of(Platform p, boolean debug, TcbStatus tcb) {
    return TrustworthinessVector.of(EarFixture.appraisal(p, debug, tcb));
  }

  @Test
  void of_admittedUpToDate_isAffirmingEverywhere() {
    TrustworthinessVector v = of(Platform.SNP, false, TcbStatus.UP_TO_DATE);

    assertThat(v.status()).isEqualTo(TrustTier.AFFIRMING);
    assertThat(v.claims())
        .containsOnlyKeys(
            TrustClaim.INSTANCE_IDENTITY,
            TrustClaim.CONFIGURATION,
            TrustClaim.EXECUTABLES,
            TrustClaim.HARDWARE,
            TrustClaim.RUNTIME_OPAQUE)
        .allSatisfy((claim, value) -> assertThat(value).isEqualTo(2));
  }

  @Test
  void of_everySimulatedResult_isNeverAffirming() {
    for (TcbStatus tcb : TcbStatus.values()) {
      for (boolean debug : new boolean[] {false, true}) {
        TrustworthinessVector v = of(Platform.SIMULATION, debug, tcb);
        assertThat(v.status()).as("%s debug=%s", tcb, debug).isEqualTo(TrustTier.CONTRAINDICATED);
        assertThat(v.value(TrustClaim.HARDWARE)).isEqualTo(97);
      }
    }
  }

  @Test
  void of_debug_isContraindicatedForIdentityAndRuntime() {
    TrustworthinessVector v = of(Platform.SGX, true, TcbStatus.UP_TO_DATE);

    assertThat(v.value(TrustClaim.INSTANCE_IDENTITY)).isEqualTo(96);
    assertThat(v.value(TrustClaim.RUNTIME_OPAQUE)).isEqualTo(96);
    assertThat(v.status()).isEqualTo(TrustTier.CONTRAINDICATED);
  }

  @Test
  void of_toleratedTcbFindings_areWarnings() {
    assertThat(of(Platform.SGX, false, TcbStatus.OUT_OF_DATE).value(TrustClaim.HARDWARE))
        .isEqualTo(32);
    assertThat(of(Platform.SGX, false, TcbStatus.SW_HARDENING_NEEDED).value(TrustClaim.HARDWARE))
        .isEqualTo(32);
    assertThat(
            of(Platform.SGX, false, TcbStatus.CONFIGURATION_NEEDED).value(TrustClaim.CONFIGURATION))
        .isEqualTo(32);
    TrustworthinessVector both =
        of(Platform.TDX, false, TcbStatus.OUT_OF_DATE_CONFIGURATION_NEEDED);
    assertThat(both.value(TrustClaim.HARDWARE)).isEqualTo(32);
    assertThat(both.value(TrustClaim.CONFIGURATION)).isEqualTo(32);
    for (TcbStatus tcb : TcbStatus.values()) {
      if (tcb != TcbStatus.UP_TO_DATE) {
        assertThat(of(Platform.TDX, false, tcb).status())
            .as("%s", tcb)
            .isEqualTo(TrustTier.WARNING);
      }
    }
  }

  @Test
  void of_unknownTcb_makesNoHardwareClaim() {
    TrustworthinessVector v = of(Platform.SGX, false, TcbStatus.UNKNOWN);

    assertThat(v.claims()).doesNotContainKey(TrustClaim.HARDWARE);
    assertThat(v.value(TrustClaim.CONFIGURATION)).isEqualTo(36);
  }

  @Test
  void of_debugWithOutdatedTcb_contraindicationWins() {
    TrustworthinessVector v = of(Platform.SGX, true, TcbStatus.OUT_OF_DATE);

    assertThat(v.status()).isEqualTo(TrustTier.CONTRAINDICATED);
    assertThat(v.value(TrustClaim.HARDWARE)).isEqualTo(32);
  }
}
