package io.coffer.policy.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InvalidValueExceptionTest {

  @Test
  void message_prefixesTheField_whenThereIsOne() {
    InvalidValueException e = new InvalidValueException("min_tcb.fmc", "too large");
    assertThat(e).hasMessage("min_tcb.fmc: too large").isInstanceOf(IllegalArgumentException.class);
    assertThat(e.field()).isEqualTo("min_tcb.fmc");
    assertThat(e.detail()).isEqualTo("too large");
    assertThat(new InvalidValueException("", "empty")).hasMessage("empty");
  }
}
