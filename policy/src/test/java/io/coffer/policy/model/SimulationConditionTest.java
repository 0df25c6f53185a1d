package io.coffer.policy.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coffer.attestation.Platform;
import org.junit.jupiter.api.Test;

class SimulationConditionTest {

  @Test
  void constructor_requiresAMeasurement() {
    assertThatThrownBy(() -> new SimulationCondition(null))
        .isInstanceOf(NullPointerException.class);
    SimulationCondition c = new SimulationCondition(new Bytes32(new byte[32]));
    assertThat(c.platform()).isEqualTo(Platform.SIMULATION);
    assertThat(c.yamlName()).isEqualTo("simulation");
  }
}
