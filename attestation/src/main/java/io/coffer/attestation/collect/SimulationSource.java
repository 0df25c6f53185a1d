package io.coffer.attestation.collect;

import io.coffer.attestation.AttestationException;
import io.coffer.attestation.AttestationException.Reason;
import io.coffer.attestation.Evidence;
import io.coffer.attestation.simulation.SimulatedPlatform;
import java.security.GeneralSecurityException;
import java.time.Clock;

/** Simulated evidence for a measurement, signed by a local simulated platform. Always available. */
public final class SimulationSource implements EvidenceSource {

  private final SimulatedPlatform platform;
  private final byte[] measurement;
  private final Clock clock;

  /** A source for {@code measurement} (32 bytes, see {@code Measurement}). */
  public SimulationSource(SimulatedPlatform platform, byte[] measurement, Clock clock) {
    if (measurement.length != 32) {
      throw new IllegalArgumentException("a measurement is 32 bytes, got " + measurement.length);
    }
    this.platform = platform;
    this.measurement = measurement.clone();
    this.clock = clock;
  }

  @Override
  public String name() {
    return "simulation";
  }

  @Override
  public boolean available() {
    return true;
  }

  @Override
  public Evidence collect(byte[] reportData) throws AttestationException {
    try {
      return platform.attest(measurement, reportData, clock.instant());
    } catch (GeneralSecurityException e) {
      throw new AttestationException(
          Reason.MALFORMED_EVIDENCE, "the simulated platform cannot sign: " + e.getMessage(), e);
    }
  }
}
