package io.coffer.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProgramLaunchTest {

  private static RunConfiguration configuration() throws RunException {
    return ConfigurationJson.parse(
        new TestConfiguration(List.of("/bin/app", "--fixed"))
            .env("MODE", "production")
            .env("THREADS", "1")
            .allowArg("--verbose")
            .allowEnv("THREADS")
            .bytes());
  }

  @Test
  void of_hostArgumentsNotListedExactly_areDroppedAndCounted() throws Exception {
    ProgramLaunch l =
        ProgramLaunch.of(
            configuration(),
            List.of("--verbose", "--verbose=1", "--VERBOSE", "--verbose"),
            Map.of(),
            Path.of("/coffer"));

    assertThat(l.command()).containsExactly("/bin/app", "--fixed", "--verbose", "--verbose");
    assertThat(l.droppedArguments()).isEqualTo(2);
  }

  @Test
  void of_hostVariables_onlyThoseAllowedByName_replaceThePolicysValue() throws Exception {
    ProgramLaunch l =
        ProgramLaunch.of(
            configuration(),
            List.of(),
            Map.of("THREADS", "8", "MODE", "debug", "LD_PRELOAD", "/evil.so"),
            Path.of("/coffer"));

    assertThat(l.environment())
        .containsExactlyInAnyOrderEntriesOf(Map.of("MODE", "production", "THREADS", "8"));
    assertThat(l.droppedVariables()).isEqualTo(2);
  }

  @Test
  void builder_clearsTheEnvironment() throws Exception {
    ProcessBuilder b =
        ProgramLaunch.of(configuration(), List.of(), Map.of(), Path.of("/coffer")).builder();

    assertThat(b.environment()).containsOnlyKeys("MODE", "THREADS");
    assertThat(b.directory()).isEqualTo(Path.of("/coffer").toFile());
  }

  @Test
  void toString_showsNoValue() throws Exception {
    ProgramLaunch l =
        ProgramLaunch.of(configuration(), List.of(), Map.of("THREADS", "s3cret"), Path.of("/c"));

    assertThat(l.toString()).doesNotContain("s3cret").doesNotContain("production");
  }
}
