package io.coffer.cas.identity;

import io.coffer.attestation.collect.EvidenceSource;
import io.coffer.attestation.collect.SimulationSource;
import io.coffer.attestation.simulation.Measurement;
import io.coffer.attestation.simulation.SimulatedPlatform;
import io.coffer.cas.identity.IdentityException.Reason;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.List;
import java.util.Objects;

/**
 * What simulated evidence of the CAS is made of, as {@code coffer attest collect --tee simulation}
 * makes it: a simulated platform key (loaded, or created mode 0600, from {@code platformKey}; the
 * CLI keeps it in {@code $COFFER_HOME/simulation/platform.pem}, and {@code coffer cas attest} on
 * the same machine trusts it) and a measurement of files ({@link Measurement}).
 *
 * <p>The CAS's measurement in simulation is the measurement of {@code measured}: by default its
 * installation directory ({@link #installation()}), the directory that holds the CAS's jar, so that
 * other code gives another measurement; or the paths given. It protects nothing: whoever holds the
 * platform key can sign any measurement.
 *
 * @param platformKey the simulated platform's key file
 * @param measured the files and directories measured
 * @param clock dates the evidence
 */
public record SimulatedTee(Path platformKey, List<Path> measured, Clock clock) {

  public SimulatedTee {
    Objects.requireNonNull(platformKey, "platformKey");
    measured = List.copyOf(measured);
    if (measured.isEmpty()) {
      throw new IllegalArgumentException("simulation measures at least one path");
    }
    Objects.requireNonNull(clock, "clock");
  }

  /**
   * The directory the CAS's code was loaded from: the directory of its jar, or the classes
   * directory when it runs from a build.
   *
   * @throws IllegalStateException when the code has no file location
   */
  public static Path installation() {
    CodeSource source = SimulatedTee.class.getProtectionDomain().getCodeSource();
    if (source == null || source.getLocation() == null) {
      throw new IllegalStateException("the CAS's code has no location to measure; give paths");
    }
    try {
      Path location = Path.of(source.getLocation().toURI());
      return Files.isRegularFile(location) ? location.toAbsolutePath().getParent() : location;
    } catch (URISyntaxException | IllegalArgumentException e) {
      throw new IllegalStateException("the CAS's code location is not a file; give paths", e);
    }
  }

  /**
   * The evidence source: the platform loaded or created, the paths measured now.
   *
   * @throws IdentityException {@code EVIDENCE_FAILED} if the key or a path cannot be read
   */
  EvidenceSource source() throws IdentityException {
    byte[] measurement;
    try {
      measurement = Measurement.of(measured);
    } catch (IOException | IllegalArgumentException e) {
      throw new IdentityException(
          Reason.EVIDENCE_FAILED,
          "simulation: cannot measure " + measured + ": " + e.getMessage(),
          e);
    }
    try {
      return new SimulationSource(SimulatedPlatform.loadOrCreate(platformKey), measurement, clock);
    } catch (IOException | GeneralSecurityException e) {
      throw new IdentityException(
          Reason.EVIDENCE_FAILED,
          "simulation: cannot load or create the platform key "
              + platformKey
              + ": "
              + e.getMessage(),
          e);
    }
  }
}
