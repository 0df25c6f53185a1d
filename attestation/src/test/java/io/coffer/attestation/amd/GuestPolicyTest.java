package io.coffer.attestation.amd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coffer.attestation.AttestationException;
import org.junit.jupiter.api.Test;

class GuestPolicyTest {

  @Test
  void goSevGuestPolicy_allowsDebugAndSmt() throws Exception {
    GuestPolicy p = GuestPolicy.parse(0xB0000L);

    assertThat(p.debug()).isTrue();
    assertThat(p.smt()).isTrue();
    assertThat(p.migrateMa()).isFalse();
    assertThat(p.singleSocket()).isFalse();
    assertThat(p.abiMajor()).isZero();
    assertThat(p.abiMinor()).isZero();
  }

  @Test
  void trusteePolicy_hasAbi0Dot31() throws Exception {
    GuestPolicy p = GuestPolicy.parse(0x3001FL);

    assertThat(p.abiMinor()).isEqualTo(31);
    assertThat(p.abiMajor()).isZero();
    assertThat(p.debug()).isFalse();
  }

  @Test
  void everyDefinedBit_isReadOnItsOwn() throws Exception {
    long base = 1L << 17;
    assertThat(GuestPolicy.parse(base | 1L << 18).migrateMa()).isTrue();
    assertThat(GuestPolicy.parse(base | 1L << 20).singleSocket()).isTrue();
    assertThat(GuestPolicy.parse(base | 1L << 21).cxlAllow()).isTrue();
    assertThat(GuestPolicy.parse(base | 1L << 22).memAes256Xts()).isTrue();
    assertThat(GuestPolicy.parse(base | 1L << 23).raplDis()).isTrue();
    assertThat(GuestPolicy.parse(base | 1L << 24).ciphertextHiding()).isTrue();
    assertThat(GuestPolicy.parse(base | 1L << 25).pageSwapDisable()).isTrue();
    assertThat(GuestPolicy.parse(base | 0x0102).abiMajor()).isEqualTo(1);
    GuestPolicy none = GuestPolicy.parse(base);
    assertThat(none.debug() || none.smt() || none.pageSwapDisable()).isFalse();
  }

  @Test
  void reservedBits_areRefused() {
    assertThatThrownBy(() -> GuestPolicy.parse(0)).isInstanceOf(AttestationException.class);
    assertThatThrownBy(() -> GuestPolicy.parse(1L << 17 | 1L << 63))
        .isInstanceOf(AttestationException.class);
  }
}
