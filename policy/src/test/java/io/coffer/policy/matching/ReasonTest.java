package io.coffer.policy.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ReasonTest {

  @Test
  void of_buildsTheMessageFromFieldClaimActualAndExpected() {
    Reason r =
        Reason.of(
            ReasonCode.CLAIM_MISMATCH, "identity[0].sgx.isvprodid", "isvProdId", "7", "8", "");
    assertThat(r.message()).isEqualTo("identity[0].sgx.isvprodid: isvProdId is 8, expected 7");
    assertThat(r).hasToString("CLAIM_MISMATCH: " + r.message());
  }

  @Test
  void of_appendsANote() {
    assertThat(Reason.of(ReasonCode.CLAIM_MISSING, "f", "c", "e", "absent", "why").message())
        .isEqualTo("f: c is absent, expected e (why)");
  }

  @Test
  void constructor_refusesNulls() {
    assertThatThrownBy(() -> new Reason(null, "f", "c", "e", "a", "m"))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new Reason(ReasonCode.CLAIM_MISSING, "f", "c", "e", "a", null))
        .isInstanceOf(NullPointerException.class);
  }
}
