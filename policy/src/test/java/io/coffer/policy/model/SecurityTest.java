package io.coffer.policy.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SecurityTest {

  @Test
  void default_toleratesNothing() {
    for (Tolerance t : Tolerance.values()) {
      assertThat(Security.DEFAULT.tolerates(t)).isFalse();
    }
    assertThat(Security.DEFAULT.ignoreAdvisories()).isEmpty();
  }

  @Test
  void constructor_copiesBothSets_andOrdersThem() {
    Set<Tolerance> tolerate = new HashSet<>(Set.of(Tolerance.DEBUG, Tolerance.SIMULATION));
    Set<String> ids = new HashSet<>(Set.of("INTEL-SA-00615", "INTEL-SA-00289"));
    Security s = new Security(tolerate, ids);
    tolerate.add(Tolerance.OUTDATED_TCB);
    ids.add("INTEL-SA-00334");
    assertThat(s.tolerate()).containsExactly(Tolerance.SIMULATION, Tolerance.DEBUG);
    assertThat(s.ignoreAdvisories()).containsExactly("INTEL-SA-00289", "INTEL-SA-00615");
    assertThat(s.tolerates(Tolerance.DEBUG)).isTrue();
    assertThat(s.tolerates(Tolerance.OUTDATED_TCB)).isFalse();
    assertThat(s.ignores("INTEL-SA-00615")).isTrue();
    assertThat(s.ignores("INTEL-SA-00334")).isFalse();
    assertThatThrownBy(() -> s.tolerate().add(Tolerance.DEBUG))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void isAdvisoryId_acceptsVendorKindNumber() {
    assertThat(Security.isAdvisoryId("INTEL-SA-00615")).isTrue();
    assertThat(Security.isAdvisoryId("INTEL-DOC-00123")).isTrue();
    assertThat(Security.isAdvisoryId("AMD-SB-3019")).isTrue();
  }

  @Test
  void isAdvisoryId_refusesAnythingElse() {
    assertThat(Security.isAdvisoryId("intel-sa-00615")).isFalse();
    assertThat(Security.isAdvisoryId("INTEL-SA-00615 ")).isFalse();
    assertThat(Security.isAdvisoryId("INTEL-SA-00615\n")).isFalse();
    assertThat(Security.isAdvisoryId("INTEL-SA-615")).isFalse();
    assertThat(Security.isAdvisoryId("INTEL-SA")).isFalse();
    assertThat(Security.isAdvisoryId("*")).isFalse();
    assertThat(Security.isAdvisoryId("")).isFalse();
  }

  @Test
  void constructor_malformedAdvisoryId_namesTheField() {
    assertThatThrownBy(() -> new Security(Set.of(), Set.of("intel-sa-00615")))
        .isInstanceOfSatisfying(
            InvalidValueException.class,
            e -> {
              assertThat(e.field()).isEqualTo("ignore_advisories");
              assertThat(e.detail())
                  .isEqualTo("'intel-sa-00615' is not an advisory ID such as INTEL-SA-00615");
            });
  }

  @Test
  void constructor_tooManyAdvisories_isRefused() {
    Set<String> ids = new HashSet<>();
    for (int i = 0; i <= Security.MAX_ADVISORIES; i++) {
      ids.add(String.format("INTEL-SA-%05d", i));
    }
    assertThatThrownBy(() -> new Security(Set.of(), ids))
        .isInstanceOf(InvalidValueException.class)
        .hasMessage("ignore_advisories: at most 256 IDs, got 257");
  }
}
