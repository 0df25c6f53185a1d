package io.coffer.policy.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coffer.attestation.Platform;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TdxConditionTest {

  private static Optional<Bytes48> b48(int fill) {
    return Optional.of(Bytes48.fromHex(String.format("%02x", fill).repeat(48)));
  }

  @Test
  void constructor_withMrtd_isAnIdentity_andRtmrsAreIndexed() {
    TdxCondition c =
        new TdxCondition(
            b48(1), b48(10), b48(11), b48(12), b48(13), Optional.empty(), Optional.empty());
    assertThat(c.platform()).isEqualTo(Platform.TDX);
    assertThat(c.yamlName()).isEqualTo("tdx");
    for (int i = 0; i < 4; i++) {
      assertThat(c.rtmr(i)).isEqualTo(b48(10 + i));
    }
    assertThatThrownBy(() -> c.rtmr(4)).isInstanceOf(IndexOutOfBoundsException.class);
  }

  @Test
  void constructor_withoutMrtd_isRefused_evenWithEveryRtmrAndMinimum() {
    assertThatThrownBy(() ->
            new TdxCondition(
                Optional.empty(),
                b48(10),
                b48(11),
                b48(12),
                b48(13),
                b48(14),
                Optional.of(new Bytes16(new byte[16]))))
        .isInstanceOfSatisfying(
            InvalidValueException.class,
            e -> {
              assertThat(e.field()).isEmpty();
              assertThat(e.detail()).startsWith("a tdx alternative must name mrtd");
            });
  }
}
