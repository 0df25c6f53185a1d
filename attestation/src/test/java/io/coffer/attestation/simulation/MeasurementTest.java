package io.coffer.attestation.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MeasurementTest {

  @TempDir Path dir;
  private Path app;

  @BeforeEach
  void tree() throws Exception {
    app = Files.createDirectories(dir.resolve("a/app"));
    Files.writeString(app.resolve("main.jar"), "code v1");
    Files.createDirectories(app.resolve("lib"));
    Files.writeString(app.resolve("lib/dep.jar"), "dependency");
  }

  private byte[] measure(Path... paths) throws Exception {
    return Measurement.of(List.of(paths));
  }

  @Test
  void sameTree_sameMeasurement_wherever_itLives() throws Exception {
    Path copy = Files.createDirectories(dir.resolve("elsewhere/app"));
    Files.writeString(copy.resolve("main.jar"), "code v1");
    Files.createDirectories(copy.resolve("lib"));
    Files.writeString(copy.resolve("lib/dep.jar"), "dependency");
    for (Path p :
        List.of(app, app.resolve("main.jar"), app.resolve("lib"), app.resolve("lib/dep.jar"))) {
      Files.setPosixFilePermissions(
          copy.resolve(app.relativize(p).toString()), Files.getPosixFilePermissions(p));
    }

    assertThat(measure(copy)).isEqualTo(measure(app)).hasSize(32);
  }

  @Test
  void changedByte_changesTheMeasurement() throws Exception {
    byte[] before = measure(app);
    Files.writeString(app.resolve("lib/dep.jar"), "dependencY");

    assertThat(measure(app)).isNotEqualTo(before);
  }

  @Test
  void renamedOrAddedFile_changesTheMeasurement() throws Exception {
    byte[] before = measure(app);
    Files.move(app.resolve("lib/dep.jar"), app.resolve("lib/dep2.jar"));
    byte[] renamed = measure(app);
    Files.writeString(app.resolve("extra"), "");

    assertThat(renamed).isNotEqualTo(before);
    assertThat(measure(app)).isNotEqualTo(renamed);
  }

  @Test
  void modeChange_changesTheMeasurement() throws Exception {
    byte[] before = measure(app);
    Files.setPosixFilePermissions(
        app.resolve("main.jar"), PosixFilePermissions.fromString("rwx------"));

    assertThat(measure(app)).isNotEqualTo(before);
  }

  @Test
  void contentMovedBetweenFiles_changesTheMeasurement() throws Exception {
    Files.writeString(app.resolve("main.jar"), "ab");
    Files.writeString(app.resolve("lib/dep.jar"), "c");
    byte[] before = measure(app);
    Files.writeString(app.resolve("main.jar"), "a");
    Files.writeString(app.resolve("lib/dep.jar"), "bc");

    assertThat(measure(app)).isNotEqualTo(before);
  }

  @Test
  void orderOfArguments_doesNotMatter() throws Exception {
    Path other = Files.writeString(dir.resolve("config.yaml"), "x: 1");

    assertThat(measure(app, other)).isEqualTo(measure(other, app));
  }

  @Test
  void symbolicLinks_areRecordedNotFollowed() throws Exception {
    byte[] before = measure(app);
    Files.createSymbolicLink(app.resolve("link"), Path.of("main.jar"));
    byte[] withLink = measure(app);
    Files.delete(app.resolve("link"));
    Files.createSymbolicLink(app.resolve("link"), Path.of("lib/dep.jar"));

    assertThat(withLink).isNotEqualTo(before);
    assertThat(measure(app)).isNotEqualTo(withLink);
  }

  @Test
  void duplicateNames_andMissingPaths_areErrors() throws Exception {
    Path sameName = Files.createDirectories(dir.resolve("b/app"));

    assertThatThrownBy(() -> measure(app, sameName)).hasMessageContaining("two paths named 'app'");
    assertThatThrownBy(() -> measure(dir.resolve("missing"))).hasMessageContaining("no such file");
  }
}
