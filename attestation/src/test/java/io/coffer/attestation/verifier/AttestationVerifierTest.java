package io.coffer.attestation.verifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coffer.attestation.AttestationException;
import io.coffer.attestation.AttestationException.Reason;
import io.coffer.attestation.Collateral;
import io.coffer.attestation.Evidence;
import io.coffer.attestation.EvidenceType;
import io.coffer.attestation.Platform;
import io.coffer.attestation.TcbStatus;
import io.coffer.attestation.TrustAnchors;
import io.coffer.attestation.VerificationOptions;
import io.coffer.attestation.VerifiedClaims;
import io.coffer.attestation.collateral.CollateralFiles;
import io.coffer.attestation.simulation.SimulatedPlatform;
import io.coffer.attestation.testing.Vectors;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AttestationVerifierTest {

  private static final Instant QVL_AT = Instant.ofEpochSecond(1752919277L);
  private static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");

  private static Collateral qvlSgxCollateral() throws AttestationException {
    return CollateralFiles.load(
        List.of(Vectors.path("sgx/dcap-qvl-sgx-v3/sgx_quote_collateral.json")));
  }

  @Test
  void verify_routesAnSgxQuote_toTheDcapVerifier() throws Exception {
    byte[] quote = Vectors.bytes("sgx/dcap-qvl-sgx-v3/sgx_quote");

    VerifiedClaims claims =
        AttestationVerifier.create(TrustAnchors.defaults())
            .verify(
                new Evidence(EvidenceType.SGX, quote),
                qvlSgxCollateral(),
                VerificationOptions.at(QVL_AT));

    assertThat(claims.evidenceType()).isEqualTo(EvidenceType.SGX);
    assertThat(claims.platform()).isEqualTo(Platform.SGX);
    assertThat(claims.tcbStatus()).isEqualTo(TcbStatus.CONFIGURATION_AND_SW_HARDENING_NEEDED);
    assertThat(claims.simulated()).isFalse();
  }

  @Test
  void verify_anSgxQuoteDeclaredAsTdx_isRefused() {
    byte[] quote = Vectors.bytes("sgx/dcap-qvl-sgx-v3/sgx_quote");

    assertThatThrownBy(() ->
            AttestationVerifier.create(TrustAnchors.defaults())
                .verify(
                    new Evidence(EvidenceType.TDX, quote),
                    qvlSgxCollateral(),
                    VerificationOptions.at(QVL_AT)))
        .isInstanceOfSatisfying(
            AttestationException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(Reason.MALFORMED_EVIDENCE);
              assertThat(e.getMessage()).contains("an SGX quote, not tdx evidence");
            });
  }

  @Test
  void verify_simulatedEvidence_isRefused_unlessTheCallerAllowsSimulation() throws Exception {
    SimulatedPlatform platform = SimulatedPlatform.generate();
    AttestationVerifier verifier =
        AttestationVerifier.create(TrustAnchors.defaults().withSimulationKey(platform.publicKey()));
    Evidence evidence = platform.attest(new byte[32], new byte[64], NOW);

    assertThatThrownBy(
            () -> verifier.verify(evidence, Collateral.empty(), VerificationOptions.at(NOW)))
        .isInstanceOfSatisfying(
            AttestationException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.SIMULATION_NOT_ALLOWED));
    assertThat(
            verifier
                .verify(
                    evidence, Collateral.empty(), VerificationOptions.at(NOW).allowingSimulation())
                .simulated())
        .isTrue();
  }

  @Test
  void verify_simulatedEvidence_fromAnUntrustedPlatform_isRefused() throws Exception {
    SimulatedPlatform trusted = SimulatedPlatform.generate();
    SimulatedPlatform other = SimulatedPlatform.generate();
    AttestationVerifier verifier =
        AttestationVerifier.create(TrustAnchors.defaults().withSimulationKey(trusted.publicKey()));

    assertThatThrownBy(() ->
            verifier.verify(
                other.attest(new byte[32], new byte[64], NOW),
                Collateral.empty(),
                VerificationOptions.at(NOW).allowingSimulation()))
        .isInstanceOfSatisfying(
            AttestationException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(Reason.COLLATERAL_MISSING);
              assertThat(e.getMessage()).contains("not trusted");
            });
  }
}
