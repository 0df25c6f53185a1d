package io.coffer.policy.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ToleranceTest {

  @Test
  void fromYamlName_findsEveryTolerance_byItsYamlName() {
    assertThat(Tolerance.fromYamlName("simulation")).contains(Tolerance.SIMULATION);
    assertThat(Tolerance.fromYamlName("debug")).contains(Tolerance.DEBUG);
    assertThat(Tolerance.fromYamlName("outdated-tcb")).contains(Tolerance.OUTDATED_TCB);
    assertThat(Tolerance.fromYamlName("sw-hardening-needed"))
        .contains(Tolerance.SW_HARDENING_NEEDED);
    assertThat(Tolerance.fromYamlName("configuration-needed"))
        .contains(Tolerance.CONFIGURATION_NEEDED);
    for (Tolerance t : Tolerance.values()) {
      assertThat(Tolerance.fromYamlName(t.yamlName())).contains(t);
      assertThat(t).hasToString(t.yamlName());
    }
  }

  @Test
  void fromYamlName_otherSpellings_findNothing() {
    assertThat(Tolerance.fromYamlName("DEBUG")).isEmpty();
    assertThat(Tolerance.fromYamlName("OUTDATED_TCB")).isEmpty();
    assertThat(Tolerance.fromYamlName("outdated_tcb")).isEmpty();
    assertThat(Tolerance.fromYamlName(" debug")).isEmpty();
    assertThat(Tolerance.fromYamlName("")).isEmpty();
  }
}
