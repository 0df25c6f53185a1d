package io.coffer.attestation.amd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coffer.attestation.AttestationException;
import io.coffer.attestation.AttestationException.Reason;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TcbVersionTest {

  @Test
  void decode_milan_goSevGuestTcb() throws Exception {
    TcbVersion t = TcbVersion.decode(0x4405000000000002L, ProductLine.MILAN, "REPORTED_TCB");

    assertThat(t.bootloader()).isEqualTo(2);
    assertThat(t.tee()).isZero();
    assertThat(t.snp()).isEqualTo(5);
    assertThat(t.microcode()).isEqualTo(68);
    assertThat(t.fmc()).isEmpty();
    assertThat(t.raw()).isEqualTo(0x4405000000000002L);
  }

  @Test
  void decode_genoa_usesTheMilanLayout() throws Exception {
    TcbVersion t = TcbVersion.decode(0xD918000000000004L, ProductLine.GENOA, "REPORTED_TCB");

    assertThat(t.microcode()).isEqualTo(217);
    assertThat(t.snp()).isEqualTo(24);
    assertThat(t.bootloader()).isEqualTo(4);
  }

  @Test
  void decode_turin_hasTheFmcFirst() throws Exception {
    TcbVersion t =
        TcbVersion.decode(ReportBuilder.turinTcb(1, 2, 3, 4, 5), ProductLine.TURIN, "CURRENT_TCB");

    assertThat(t.fmc()).isEqualTo(OptionalInt.of(1));
    assertThat(t.bootloader()).isEqualTo(2);
    assertThat(t.tee()).isEqualTo(3);
    assertThat(t.snp()).isEqualTo(4);
    assertThat(t.microcode()).isEqualTo(5);
  }

  @ParameterizedTest
  @ValueSource(ints = {2, 3, 4, 5})
  void decode_milanReservedByte_isMalformed(int index) {
    long raw = 0x4405000000000002L | 1L << (8 * index);
    assertThatThrownBy(() -> TcbVersion.decode(raw, ProductLine.MILAN, "LAUNCH_TCB"))
        .isInstanceOf(AttestationException.class)
        .hasMessageContaining("LAUNCH_TCB")
        .hasMessageContaining("reserved byte " + index)
        .extracting(e -> ((AttestationException) e).reason())
        .isEqualTo(Reason.MALFORMED_EVIDENCE);
  }

  @ParameterizedTest
  @ValueSource(ints = {4, 5, 6})
  void decode_turinReservedByte_isMalformed(int index) {
    long raw = ReportBuilder.turinTcb(1, 2, 3, 4, 5) | 1L << (8 * index);
    assertThatThrownBy(() -> TcbVersion.decode(raw, ProductLine.TURIN, "LAUNCH_TCB"))
        .isInstanceOf(AttestationException.class)
        .hasMessageContaining("reserved byte " + index);
  }

  @Test
  void decode_aMilanSnpByte_isReservedOnTurin() {
    long milan = ReportBuilder.milanTcb(2, 0, 5, 68);
    assertThatThrownBy(() -> TcbVersion.decode(milan, ProductLine.TURIN, "REPORTED_TCB"))
        .isInstanceOf(AttestationException.class)
        .hasMessageContaining("reserved byte 6");
  }

  @Test
  void constructor_fmcOnlyOnTurin() {
    assertThatThrownBy(() -> new TcbVersion(0, ProductLine.MILAN, 0, 0, 0, 0, OptionalInt.of(1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new TcbVersion(0, ProductLine.TURIN, 0, 0, 0, 0, OptionalInt.empty()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
