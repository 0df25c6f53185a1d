package io.coffer.cas.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coffer.attestation.simulation.SimulatedEvidence;
import io.coffer.attestation.simulation.SimulatedPlatform;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The simulated TEE: its platform key and what it measures. */
class SimulatedTeeTest {

  @TempDir Path dir;

  @Test
  void installation_isTheDirectoryTheCodeCameFrom() {
    Path installation = SimulatedTee.installation();
    assertThat(installation).isDirectory();
    assertThat(installation.resolve(SimulatedTee.class.getName().replace('.', '/') + ".class"))
        .exists();
  }

  @Test
  void source_createsThePlatformKeyOnceAndReusesIt() throws Exception {
    Path code = Files.writeString(dir.resolve("cas.jar"), "v1");
    SimulatedTee tee =
        new SimulatedTee(dir.resolve("sim/platform.pem"), List.of(code), SimulatedCasFixture.CLOCK);
    byte[] first = tee.source().collect(new byte[64]).bytes();
    byte[] second = tee.source().collect(new byte[64]).bytes();
    byte[] platform =
        SimulatedPlatform.load(dir.resolve("sim/platform.pem")).publicKey().getEncoded();
    assertThat(platform).isNotEmpty();
    assertThat(SimulatedEvidence.parse(first).platformKey())
        .isEqualTo(SimulatedEvidence.parse(second).platformKey());
  }

  @Test
  void source_changedCode_changesTheMeasurement() throws Exception {
    Path code = Files.writeString(dir.resolve("cas.jar"), "v1");
    SimulatedTee tee =
        new SimulatedTee(dir.resolve("platform.pem"), List.of(code), SimulatedCasFixture.CLOCK);
    byte[] before =
        SimulatedEvidence.parse(tee.source().collect(new byte[64]).bytes()).measurement();
    Files.writeString(code, "v2");
    byte[] after =
        SimulatedEvidence.parse(tee.source().collect(new byte[64]).bytes()).measurement();
    assertThat(after).isNotEqualTo(before);
  }

  @Test
  void source_missingPath_isEvidenceFailed() {
    SimulatedTee tee =
        new SimulatedTee(
            dir.resolve("platform.pem"), List.of(dir.resolve("absent")), SimulatedCasFixture.CLOCK);
    assertThatThrownBy(tee::source)
        .isInstanceOf(IdentityException.class)
        .extracting(e -> ((IdentityException) e).reason())
        .isEqualTo(IdentityException.Reason.EVIDENCE_FAILED);
  }

  @Test
  void new_withoutMeasuredPaths_isRefused() {
    assertThatThrownBy(
            () -> new SimulatedTee(dir.resolve("p.pem"), List.of(), SimulatedCasFixture.CLOCK))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
