package io.coffer.policy.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServiceIdentityTest {

  private static SimulationCondition sim(int i) {
    byte[] b = new byte[32];
    b[0] = (byte) i;
    return new SimulationCondition(new Bytes32(b));
  }

  @Test
  void constructor_copiesTheAlternatives() {
    List<PlatformCondition> in = new ArrayList<>(List.of(sim(1)));
    ServiceIdentity id = new ServiceIdentity(in);
    in.add(sim(2));
    assertThat(id.alternatives()).containsExactly(sim(1));
  }

  @Test
  void constructor_noAlternative_isRefused() {
    assertThatThrownBy(() -> new ServiceIdentity(List.of()))
        .isInstanceOf(InvalidValueException.class)
        .hasMessage("at least one alternative is required");
  }

  @Test
  void constructor_repeatedAlternative_namesIt() {
    assertThatThrownBy(() -> new ServiceIdentity(List.of(sim(1), sim(2), sim(1))))
        .isInstanceOf(InvalidValueException.class)
        .hasMessage("[2]: repeats alternative [0]");
  }

  @Test
  void constructor_tooManyAlternatives_isRefused() {
    List<PlatformCondition> many = new ArrayList<>();
    for (int i = 0; i <= ServiceIdentity.MAX_ALTERNATIVES; i++) {
      many.add(sim(i));
    }
    assertThatThrownBy(() -> new ServiceIdentity(many))
        .isInstanceOf(InvalidValueException.class)
        .hasMessage("at most 64 alternatives, got 65");
  }
}
