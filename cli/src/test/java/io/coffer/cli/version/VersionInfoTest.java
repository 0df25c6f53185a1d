package io.coffer.cli.version;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import org.junit.jupiter.api.Test;

class VersionInfoTest {

  @Test
  void current_readsTheFilteredBuildVersion() {
    VersionInfo info = VersionInfo.current();

    assertThat(info.version()).matches("\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
  }

  @Test
  void lines_nameCofferAndJava() {
    VersionInfo info = new VersionInfo("1.2.3", "25.0.3", "Vendor", "Linux", "amd64");

    assertThat(info.lines()).containsExactly("coffer 1.2.3", "Java 25.0.3 (Vendor) on Linux amd64");
  }

  @Test
  void constructor_rejectsNulls() {
    assertThatNullPointerException().isThrownBy(() -> new VersionInfo(null, "", "", "", ""));
  }
}
