package io.coffer.cas.identity;

import io.coffer.attestation.TrustAnchors;
import io.coffer.attestation.simulation.Measurement;
import io.coffer.attestation.simulation.SimulatedPlatform;
import io.coffer.cas.service.CasState;
import io.coffer.cas.service.SelfDescription;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/** A CAS attested by the simulator, in a temporary directory, at a fixed instant. */
final class SimulatedCasFixture {

  static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");
  static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  final Path platformKey;
  final Path installation;
  final CasKeys keys;
  final SelfAttestation attestation;

  SimulatedCasFixture(Path dir) throws Exception {
    platformKey = dir.resolve("simulation").resolve("platform.pem");
    installation = Files.createDirectories(dir.resolve("cas-install"));
    Files.writeString(installation.resolve("coffer-cas.jar"), "code", StandardCharsets.UTF_8);
    keys =
        CasKeys.generate(
            "cas.example/log", List.of(), InstantSource.fixed(NOW), new SecureRandom());
    attestation = SelfAttestation.collect(TeeMode.SIMULATION, List.of(), simulation(), keys);
  }

  SimulatedTee simulation() {
    return new SimulatedTee(platformKey, List.of(installation), CLOCK);
  }

  SelfDescription describe() {
    return attestation.describe(CasState.SERVING, Optional.empty(), Optional.empty(), List.of());
  }

  TrustAnchors anchors() throws Exception {
    return TrustAnchors.defaults()
        .withSimulationKey(SimulatedPlatform.load(platformKey).publicKey());
  }

  CasMeasurement measurement() throws Exception {
    return new CasMeasurement(Measurement.of(List.of(installation)));
  }
}
