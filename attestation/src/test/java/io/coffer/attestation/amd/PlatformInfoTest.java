package io.coffer.attestation.amd;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PlatformInfoTest {

  @Test
  void vlekVectorPlatformInfo_hasSmtTsmeEccAndAliasCheck() {
    PlatformInfo p = new PlatformInfo(0x27);

    assertThat(p.smtEn()).isTrue();
    assertThat(p.tsmeEn()).isTrue();
    assertThat(p.eccEn()).isTrue();
    assertThat(p.raplDis()).isFalse();
    assertThat(p.ciphertextHidingEn()).isFalse();
    assertThat(p.aliasCheckComplete()).isTrue();
    assertThat(p.tioEn()).isFalse();
  }

  @Test
  void laterBits_areReadAndUnknownOnesKept() {
    PlatformInfo p = new PlatformInfo(0x98L | 1L << 40);

    assertThat(p.raplDis()).isTrue();
    assertThat(p.ciphertextHidingEn()).isTrue();
    assertThat(p.tioEn()).isTrue();
    assertThat(p.smtEn()).isFalse();
    assertThat(p.raw()).isEqualTo(0x98L | 1L << 40);
  }
}
