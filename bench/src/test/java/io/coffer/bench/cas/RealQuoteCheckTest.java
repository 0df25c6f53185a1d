package io.coffer.bench.cas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coffer.attestation.AttestationException;
import io.coffer.attestation.Collateral;
import io.coffer.attestation.Evidence;
import io.coffer.attestation.EvidenceType;
import io.coffer.attestation.TrustAnchors;
import io.coffer.attestation.VerificationOptions;
import io.coffer.attestation.VerifiedClaims;
import io.coffer.attestation.simulation.SimulatedPlatform;
import io.coffer.attestation.verifier.AttestationVerifier;
import io.coffer.cas.attest.EvidenceCheck;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class RealQuoteCheckTest {

  private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

  @Test
  void forKind_simulation_leavesTheCheckAsItIs() throws Exception {
    EvidenceCheck check = (e, c, o) -> null;

    assertThat(RealQuoteCheck.forKind(EvidenceKind.SIMULATION).apply(check)).isSameAs(check);
  }

  @Test
  void apply_verifiesTheRealQuoteFirst_thenTheWorkloadsEvidence_withOneVerifier() throws Exception {
    SimulatedPlatform platform = SimulatedPlatform.generate();
    AttestationVerifier verifier =
        AttestationVerifier.create(TrustAnchors.defaults().withSimulationKey(platform.publicKey()));
    List<EvidenceType> seen = new ArrayList<>();
    EvidenceCheck recording =
        (e, c, o) -> {
          seen.add(e.type());
          return verifier.verify(e, c, o);
        };
    Evidence simulated = platform.attest(new byte[32], new byte[64], NOW);

    EvidenceCheck wrapped = RealQuoteCheck.forKind(EvidenceKind.SGX).apply(recording);
    VerifiedClaims claims =
        wrapped.verify(
            simulated, Collateral.empty(), VerificationOptions.at(NOW).allowingSimulation());

    assertThat(seen).containsExactly(EvidenceType.SGX, EvidenceType.SIMULATION);
    assertThat(claims.evidenceType()).isEqualTo(EvidenceType.SIMULATION);
    assertThat(claims.simulated()).isTrue();
  }

  @Test
  void apply_tdx_verifiesTheTdxQuote() throws Exception {
    List<EvidenceType> seen = new ArrayList<>();
    AttestationVerifier verifier = AttestationVerifier.create(TrustAnchors.defaults());
    EvidenceCheck recording =
        (e, c, o) -> {
          seen.add(e.type());
          return e.type() == EvidenceType.TDX ? verifier.verify(e, c, o) : null;
        };

    RealQuoteCheck.forKind(EvidenceKind.TDX)
        .apply(recording)
        .verify(
            new Evidence(EvidenceType.SIMULATION, new byte[1]),
            Collateral.empty(),
            VerificationOptions.at(NOW));

    assertThat(seen).containsExactly(EvidenceType.TDX, EvidenceType.SIMULATION);
  }

  @Test
  void apply_aRealQuoteThatFails_failsTheCheck_beforeTheWorkloadsEvidence() throws Exception {
    List<EvidenceType> seen = new ArrayList<>();
    EvidenceCheck refusingQuotes =
        (e, c, o) -> {
          seen.add(e.type());
          throw new AttestationException(
              AttestationException.Reason.QUOTE_SIGNATURE_INVALID, "refused");
        };
    UnaryOperator<EvidenceCheck> wrapper = RealQuoteCheck.forKind(EvidenceKind.SGX);

    assertThatThrownBy(() ->
            wrapper
                .apply(refusingQuotes)
                .verify(
                    new Evidence(EvidenceType.SIMULATION, new byte[1]),
                    Collateral.empty(),
                    VerificationOptions.at(NOW)))
        .isInstanceOf(AttestationException.class)
        .hasMessage("refused");
    assertThat(seen).containsExactly(EvidenceType.SGX);
  }

  @Test
  void load_aQuoteThatDoesNotVerifyAtItsInstant_fails() {
    QuoteVector tooLate =
        new QuoteVector(
            EvidenceType.SGX,
            "sgx/dcap-qvl-sgx-v3/sgx_quote",
            "sgx/dcap-qvl-sgx-v3/sgx_quote_collateral.json",
            Instant.parse("2035-01-01T00:00:00Z"));

    assertThatThrownBy(() -> RealQuoteCheck.load(tooLate)).isInstanceOf(AttestationException.class);
  }
}
