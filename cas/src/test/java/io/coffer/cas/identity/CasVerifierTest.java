package io.coffer.cas.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coffer.attestation.AttestationException;
import io.coffer.attestation.Collateral;
import io.coffer.attestation.TrustAnchors;
import io.coffer.cas.identity.CasVerificationException.Reason;
import io.coffer.cas.service.SelfDescription;
import io.coffer.policy.model.Tolerance;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Set;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A client deciding whether to trust a CAS: simulation end to end, and every swap refused. */
class CasVerifierTest {

  private static final URI URL = URI.create("https://cas.example:8443");
  private static final CasExpectations SIMULATION_TOLERATED =
      new CasExpectations(List.of(), Set.of(Tolerance.SIMULATION));

  @TempDir Path dir;

  private SimulatedCasFixture cas;
  private CasVerifier verifier;

  @BeforeEach
  void setUp() throws Exception {
    cas = new SimulatedCasFixture(dir);
    verifier =
        new CasVerifier(
            cas.anchors(), Collateral.empty(), InstantSource.fixed(SimulatedCasFixture.NOW));
  }

  private CasPin verify(SelfDescription d, byte[] presented, CasExpectations e)
      throws CasVerificationException {
    return verifier.verify(URL, "prod", d, presented, e);
  }

  private static void assertFails(ThrowingCallable call, Reason reason) {
    assertThatThrownBy(call)
        .isInstanceOf(CasVerificationException.class)
        .extracting(e -> ((CasVerificationException) e).reason())
        .isEqualTo(reason);
  }

  private SelfDescription with(byte[] tls, byte[] ledger, String vkey) {
    SelfDescription d = cas.describe();
    return new SelfDescription(
        d.state(),
        d.tee(),
        d.simulated(),
        d.warnings(),
        d.evidenceType(),
        d.evidence(),
        tls,
        ledger,
        vkey,
        d.checkpoint(),
        d.shamir());
  }

  private CasKeys otherKeys() {
    return CasKeys.generate(
        "cas.example/log",
        List.of(),
        InstantSource.fixed(SimulatedCasFixture.NOW),
        new SecureRandom());
  }

  @Test
  void verify_simulationEndToEnd_pinsTheAttestedKeys() throws Exception {
    CasExpectations expectations =
        new CasExpectations(List.of(cas.measurement()), Set.of(Tolerance.SIMULATION));
    CasPin pin = verify(cas.describe(), cas.keys.tlsPublicKey(), expectations);
    assertThat(pin.url()).isEqualTo(URL);
    assertThat(pin.name()).isEqualTo("prod");
    assertThat(pin.tlsPublicKey()).isEqualTo(cas.keys.tlsPublicKey());
    assertThat(pin.ledgerVerifierKey()).isEqualTo(cas.keys.ledgerVerifierKey());
    assertThat(pin.measurement()).isEqualTo(cas.measurement());
    assertThat(pin.tee()).isEqualTo("simulation");
    assertThat(pin.simulated()).isTrue();
    assertThat(pin.tolerated()).containsExactly(Tolerance.SIMULATION);
    assertThat(pin.attestedAt()).isEqualTo(SimulatedCasFixture.NOW);
    assertThat(CasPin.decode(pin.encode())).isEqualTo(pin);
  }

  @Test
  void verify_recordsWhatTheEvidenceNeeded_notEverythingOffered() throws Exception {
    CasExpectations generous =
        new CasExpectations(
            List.of(), Set.of(Tolerance.SIMULATION, Tolerance.DEBUG, Tolerance.OUTDATED_TCB));
    CasPin pin = verify(cas.describe(), cas.keys.tlsPublicKey(), generous);
    assertThat(pin.tolerated()).containsExactly(Tolerance.SIMULATION);
  }

  @Test
  void verify_noExpectedMeasurement_pinsTheMeasurementFound() throws Exception {
    CasPin pin = verify(cas.describe(), cas.keys.tlsPublicKey(), SIMULATION_TOLERATED);
    assertThat(pin.measurement()).isEqualTo(cas.measurement());
  }

  @Test
  void verify_oneOfSeveralExpectedMeasurements_passes() throws Exception {
    CasMeasurement other = new CasMeasurement(new byte[32]);
    CasExpectations expectations =
        new CasExpectations(List.of(other, cas.measurement()), Set.of(Tolerance.SIMULATION));
    assertThat(verify(cas.describe(), cas.keys.tlsPublicKey(), expectations).measurement())
        .isEqualTo(cas.measurement());
  }

  @Test
  void verify_simulationNotTolerated_fails() {
    assertFails(
        () -> verify(cas.describe(), cas.keys.tlsPublicKey(), CasExpectations.none()),
        Reason.SIMULATION_NOT_TOLERATED);
  }

  @Test
  void verify_wrongMeasurementExpected_fails() {
    CasMeasurement wrong = new CasMeasurement(new byte[32]);
    CasExpectations expectations =
        new CasExpectations(List.of(wrong), Set.of(Tolerance.SIMULATION));
    assertThatThrownBy(() -> verify(cas.describe(), cas.keys.tlsPublicKey(), expectations))
        .isInstanceOf(CasVerificationException.class)
        .hasMessageContaining(wrong.hex())
        .extracting(e -> ((CasVerificationException) e).reason())
        .isEqualTo(Reason.MEASUREMENT_MISMATCH);
  }

  @Test
  void verify_swappedTlsKeyInTheDescription_isNotBound() {
    byte[] swapped = otherKeys().tlsPublicKey();
    SelfDescription d = with(swapped, cas.keys.ledgerPublicKey(), cas.keys.ledgerVerifierKey());
    // The attacker presents the key it describes: the evidence still binds the real one.
    assertFails(() -> verify(d, swapped, SIMULATION_TOLERATED), Reason.KEYS_NOT_BOUND);
  }

  @Test
  void verify_anotherTlsKeyPresented_isTlsKeyMismatch() {
    assertFails(
        () -> verify(cas.describe(), otherKeys().tlsPublicKey(), SIMULATION_TOLERATED),
        Reason.TLS_KEY_MISMATCH);
  }

  @Test
  void verify_swappedLedgerKey_isNotBound() {
    CasKeys other = otherKeys();
    SelfDescription d =
        with(cas.keys.tlsPublicKey(), other.ledgerPublicKey(), other.ledgerVerifierKey());
    assertFails(
        () -> verify(d, cas.keys.tlsPublicKey(), SIMULATION_TOLERATED), Reason.KEYS_NOT_BOUND);
  }

  @Test
  void verify_swappedLedgerVerifierKeyOnly_isLedgerKeyMismatch() {
    SelfDescription d =
        with(cas.keys.tlsPublicKey(), cas.keys.ledgerPublicKey(), otherKeys().ledgerVerifierKey());
    assertFails(
        () -> verify(d, cas.keys.tlsPublicKey(), SIMULATION_TOLERATED), Reason.LEDGER_KEY_MISMATCH);
  }

  @Test
  void verify_malformedLedgerVerifierKey_isMalformed() {
    SelfDescription d = with(cas.keys.tlsPublicKey(), cas.keys.ledgerPublicKey(), "not+a+vkey");
    assertFails(
        () -> verify(d, cas.keys.tlsPublicKey(), SIMULATION_TOLERATED),
        Reason.MALFORMED_DESCRIPTION);
  }

  @Test
  void verify_untrustedSimulatedPlatform_isEvidenceInvalid() throws Exception {
    CasVerifier untrusting =
        new CasVerifier(
            TrustAnchors.defaults(),
            Collateral.empty(),
            InstantSource.fixed(SimulatedCasFixture.NOW));
    assertThatThrownBy(() ->
            untrusting.verify(
                URL, "prod", cas.describe(), cas.keys.tlsPublicKey(), SIMULATION_TOLERATED))
        .isInstanceOf(CasVerificationException.class)
        .satisfies(e -> {
          CasVerificationException v = (CasVerificationException) e;
          assertThat(v.reason()).isEqualTo(Reason.EVIDENCE_INVALID);
          assertThat(v.attestationReason())
              .contains(AttestationException.Reason.COLLATERAL_MISSING);
        });
  }

  @Test
  void verify_evidenceFromTheFuture_isEvidenceInvalid() throws Exception {
    CasVerifier early =
        new CasVerifier(
            cas.anchors(),
            Collateral.empty(),
            InstantSource.fixed(SimulatedCasFixture.NOW.minus(Duration.ofHours(1))));
    assertFails(
        () ->
            early.verify(
                URL, "prod", cas.describe(), cas.keys.tlsPublicKey(), SIMULATION_TOLERATED),
        Reason.EVIDENCE_INVALID);
  }

  @Test
  void verify_flippedEvidenceByte_isEvidenceInvalid() {
    SelfDescription d = cas.describe();
    byte[] evidence = d.evidence();
    evidence[100] ^= 1;
    SelfDescription tampered =
        new SelfDescription(
            d.state(),
            d.tee(),
            d.simulated(),
            d.warnings(),
            d.evidenceType(),
            evidence,
            d.tlsPublicKey(),
            d.ledgerPublicKey(),
            d.ledgerVerifierKey(),
            d.checkpoint(),
            d.shamir());
    assertFails(
        () -> verify(tampered, cas.keys.tlsPublicKey(), SIMULATION_TOLERATED),
        Reason.EVIDENCE_INVALID);
  }

  @Test
  void verify_descriptionDenyingSimulation_isDescriptionMismatch() {
    SelfDescription d = cas.describe();
    SelfDescription lying =
        new SelfDescription(
            d.state(),
            "tdx",
            false,
            List.of(),
            d.evidenceType(),
            d.evidence(),
            d.tlsPublicKey(),
            d.ledgerPublicKey(),
            d.ledgerVerifierKey(),
            d.checkpoint(),
            d.shamir());
    assertFails(
        () -> verify(lying, cas.keys.tlsPublicKey(), SIMULATION_TOLERATED),
        Reason.DESCRIPTION_MISMATCH);
  }

  @Test
  void verify_unknownEvidenceType_isMalformed() {
    SelfDescription d = cas.describe();
    SelfDescription unknown =
        new SelfDescription(
            d.state(),
            d.tee(),
            d.simulated(),
            d.warnings(),
            "tpm",
            d.evidence(),
            d.tlsPublicKey(),
            d.ledgerPublicKey(),
            d.ledgerVerifierKey(),
            d.checkpoint(),
            d.shamir());
    assertFails(
        () -> verify(unknown, cas.keys.tlsPublicKey(), SIMULATION_TOLERATED),
        Reason.MALFORMED_DESCRIPTION);
  }

  @Test
  void verify_plainHttpUrl_isRefused() {
    assertThatThrownBy(() ->
            verifier.verify(
                URI.create("http://cas.example"),
                "prod",
                cas.describe(),
                cas.keys.tlsPublicKey(),
                SIMULATION_TOLERATED))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("https");
  }
}
