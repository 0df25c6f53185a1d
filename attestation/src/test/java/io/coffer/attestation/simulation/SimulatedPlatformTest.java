package io.coffer.attestation.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulatedPlatformTest {

  @TempDir Path dir;

  @Test
  void loadOrCreate_createsOnce_thenReloadsTheSameKey() throws Exception {
    Path key = dir.resolve("sim/platform.pem");

    SimulatedPlatform first = SimulatedPlatform.loadOrCreate(key);
    SimulatedPlatform again = SimulatedPlatform.loadOrCreate(key);

    assertThat(again.publicKey()).isEqualTo(first.publicKey());
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key)))
        .isEqualTo("rw-------");
  }

  @Test
  void mismatchedKeyPair_isRefused() throws Exception {
    Path a = dir.resolve("a.pem");
    Path b = dir.resolve("b.pem");
    SimulatedPlatform.generate().save(a);
    SimulatedPlatform.generate().save(b);
    String mixed =
        Files.readString(a).substring(0, Files.readString(a).indexOf("-----BEGIN PUBLIC KEY"))
            + Files.readString(b).substring(Files.readString(b).indexOf("-----BEGIN PUBLIC KEY"));
    Path bad = Files.writeString(dir.resolve("bad.pem"), mixed);

    assertThatThrownBy(() -> SimulatedPlatform.load(bad)).hasMessageContaining("does not match");
  }

  @Test
  void toString_neverShowsTheKey() throws Exception {
    assertThat(SimulatedPlatform.generate().toString()).isEqualTo("SimulatedPlatform[key hidden]");
  }
}
