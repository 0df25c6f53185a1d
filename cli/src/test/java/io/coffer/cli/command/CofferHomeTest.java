package io.coffer.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CofferHomeTest {

  @TempDir Path dir;

  @Test
  void locate_usesCofferHome_whenSet() {
    CofferHome home = CofferHome.locate(Map.of("COFFER_HOME", dir.toString()), "/home/someone");

    assertThat(home.directory()).isEqualTo(dir);
    assertThat(home.simulatedPlatformKey())
        .isEqualTo(dir.resolve("simulation").resolve("platform.pem"));
  }

  @Test
  void locate_defaultsToDotCofferInTheUsersHome_whenUnsetOrEmpty() {
    Path expected = Path.of("/home/someone/.coffer");

    assertThat(CofferHome.locate(Map.of(), "/home/someone").directory()).isEqualTo(expected);
    assertThat(CofferHome.locate(Map.of("COFFER_HOME", ""), "/home/someone").directory())
        .isEqualTo(expected);
  }

  @Test
  void locate_createsNothing() {
    CofferHome.locate(Map.of("COFFER_HOME", dir.resolve("home").toString()), "/nowhere");

    assertThat(dir.resolve("home")).doesNotExist();
  }

  @Test
  void createPrivateDirectories_makesEveryNewDirectoryOwnerOnly() throws Exception {
    Path file = dir.resolve("a").resolve("b").resolve("key.pem");

    CofferHome.createPrivateDirectories(file);

    for (Path d : new Path[] {dir.resolve("a"), dir.resolve("a").resolve("b")}) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(d)))
          .isEqualTo("rwx------");
    }
    assertThat(file).doesNotExist();
  }

  @Test
  void createPrivateDirectories_leavesAnExistingDirectoryAsItIs() throws Exception {
    Path existing = Files.createDirectory(dir.resolve("shared"));
    Files.setPosixFilePermissions(existing, PosixFilePermissions.fromString("rwxr-xr-x"));

    CofferHome.createPrivateDirectories(existing.resolve("key.pem"));

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(existing)))
        .isEqualTo("rwxr-xr-x");
  }
}
