package io.coffer.cas.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coffer.attestation.AttestationException;
import io.coffer.attestation.Evidence;
import io.coffer.attestation.EvidenceType;
import io.coffer.attestation.collect.EvidenceSource;
import io.coffer.attestation.simulation.SimulatedEvidence;
import io.coffer.cas.service.CasState;
import io.coffer.cas.service.SelfDescription;
import io.coffer.cas.service.UnsealProgress;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Collecting the CAS's evidence: which source, what it binds, what the answer warns. */
class SelfAttestationTest {

  @TempDir Path dir;

  /** A hardware source that is there or not, and returns its report data as TDX "evidence". */
  private record FakeHardware(String name, boolean available) implements EvidenceSource {
    @Override
    public Evidence collect(byte[] reportData) {
      return new Evidence(EvidenceType.TDX, reportData);
    }
  }

  @Test
  void collect_simulation_bindsBothKeysAndWarns() throws Exception {
    SimulatedCasFixture cas = new SimulatedCasFixture(dir);
    SimulatedEvidence evidence = SimulatedEvidence.parse(cas.attestation.evidence().bytes());
    byte[] expected =
        MessageDigest.getInstance("SHA-512")
            .digest(concat(cas.keys.tlsPublicKey(), cas.keys.ledgerPublicKey()));
    assertThat(evidence.reportData()).isEqualTo(expected);
    assertThat(evidence.measurement()).isEqualTo(cas.measurement().bytes());
    assertThat(cas.attestation.simulated()).isTrue();
    assertThat(cas.attestation.tee()).isEqualTo("simulation");
    assertThat(cas.attestation.warnings()).containsExactly(SelfAttestation.SIMULATION_WARNING);
  }

  @Test
  void collect_autoWithoutTee_fallsBackToSimulationLoudly() throws Exception {
    SimulatedCasFixture cas = new SimulatedCasFixture(dir);
    SelfAttestation auto =
        SelfAttestation.collect(
            TeeMode.AUTO,
            List.of(new FakeHardware("configfs-tsm", false), new FakeHardware("gramine", false)),
            cas.simulation(),
            cas.keys);
    assertThat(auto.simulated()).isTrue();
    assertThat(auto.warnings())
        .containsExactly(SelfAttestation.SIMULATION_WARNING, SelfAttestation.NO_TEE_WARNING);
  }

  @Test
  void collect_autoWithTee_usesTheFirstAvailable() throws Exception {
    SimulatedCasFixture cas = new SimulatedCasFixture(dir);
    SelfAttestation auto =
        SelfAttestation.collect(
            TeeMode.AUTO,
            List.of(new FakeHardware("configfs-tsm", false), new FakeHardware("gramine", true)),
            cas.simulation(),
            cas.keys);
    assertThat(auto.simulated()).isFalse();
    assertThat(auto.tee()).isEqualTo("tdx");
    assertThat(auto.warnings()).isEmpty();
    assertThat(auto.evidence().bytes())
        .isEqualTo(SelfAttestation.reportData(cas.keys.tlsPublicKey(), cas.keys.ledgerPublicKey()));
  }

  @Test
  void collect_namedTeeAbsent_isUnavailable() throws Exception {
    SimulatedCasFixture cas = new SimulatedCasFixture(dir);
    assertThatThrownBy(() ->
            SelfAttestation.collect(
                TeeMode.CONFIGFS_TSM,
                List.of(new FakeHardware("configfs-tsm", false)),
                cas.simulation(),
                cas.keys))
        .isInstanceOf(IdentityException.class)
        .hasMessageContaining("--tee configfs-tsm")
        .extracting(e -> ((IdentityException) e).reason())
        .isEqualTo(IdentityException.Reason.TEE_UNAVAILABLE);
  }

  @Test
  void collect_sourceFails_isEvidenceFailed() throws Exception {
    SimulatedCasFixture cas = new SimulatedCasFixture(dir);
    EvidenceSource broken =
        new EvidenceSource() {
          @Override
          public String name() {
            return "gramine";
          }

          @Override
          public boolean available() {
            return true;
          }

          @Override
          public Evidence collect(byte[] reportData) throws AttestationException {
            throw new AttestationException(
                AttestationException.Reason.MALFORMED_EVIDENCE, "no quote");
          }
        };
    assertThatThrownBy(() ->
            SelfAttestation.collect(TeeMode.GRAMINE, List.of(broken), cas.simulation(), cas.keys))
        .isInstanceOf(IdentityException.class)
        .hasMessageContaining("no quote")
        .extracting(e -> ((IdentityException) e).reason())
        .isEqualTo(IdentityException.Reason.EVIDENCE_FAILED);
  }

  @Test
  void describe_carriesKeysEvidenceAndEveryWarning() throws Exception {
    SimulatedCasFixture cas = new SimulatedCasFixture(dir);
    SelfDescription d =
        cas.attestation.describe(
            CasState.SEALED,
            Optional.empty(),
            Optional.of(new UnsealProgress(1, 2, true)),
            List.of("INSECURE key-file seal"));
    assertThat(d.state()).isEqualTo(CasState.SEALED);
    assertThat(d.evidenceType()).isEqualTo("simulation");
    assertThat(d.evidence()).isEqualTo(cas.attestation.evidence().bytes());
    assertThat(d.tlsPublicKey()).isEqualTo(cas.keys.tlsPublicKey());
    assertThat(d.ledgerPublicKey()).isEqualTo(cas.keys.ledgerPublicKey());
    assertThat(d.ledgerVerifierKey()).isEqualTo(cas.keys.ledgerVerifierKey());
    assertThat(d.warnings())
        .containsExactly(SelfAttestation.SIMULATION_WARNING, "INSECURE key-file seal");
    assertThat(d.shamir()).contains(new UnsealProgress(1, 2, true));
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = new byte[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
