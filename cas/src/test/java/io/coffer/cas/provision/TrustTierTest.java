package io.coffer.cas.provision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TrustTierTest {

  @Test
  void ofClaimValue_followsTheAr4siRanges() {
    assertThat(TrustTier.ofClaimValue(0)).isEqualTo(TrustTier.NONE);
    assertThat(TrustTier.ofClaimValue(1)).isEqualTo(TrustTier.NONE);
    assertThat(TrustTier.ofClaimValue(-1)).isEqualTo(TrustTier.NONE);
    assertThat(TrustTier.ofClaimValue(2)).isEqualTo(TrustTier.AFFIRMING);
    assertThat(TrustTier.ofClaimValue(31)).isEqualTo(TrustTier.AFFIRMING);
    assertThat(TrustTier.ofClaimValue(-2)).isEqualTo(TrustTier.AFFIRMING);
    assertThat(TrustTier.ofClaimValue(-32)).isEqualTo(TrustTier.AFFIRMING);
    assertThat(TrustTier.ofClaimValue(32)).isEqualTo(TrustTier.WARNING);
    assertThat(TrustTier.ofClaimValue(95)).isEqualTo(TrustTier.WARNING);
    assertThat(TrustTier.ofClaimValue(-33)).isEqualTo(TrustTier.WARNING);
    assertThat(TrustTier.ofClaimValue(-96)).isEqualTo(TrustTier.WARNING);
    assertThat(TrustTier.ofClaimValue(96)).isEqualTo(TrustTier.CONTRAINDICATED);
    assertThat(TrustTier.ofClaimValue(127)).isEqualTo(TrustTier.CONTRAINDICATED);
    assertThat(TrustTier.ofClaimValue(-97)).isEqualTo(TrustTier.CONTRAINDICATED);
    assertThat(TrustTier.ofClaimValue(-128)).isEqualTo(TrustTier.CONTRAINDICATED);
  }

  @Test
  void ofClaimValue_outsideEightBits_isRefused() {
    assertThatThrownBy(() -> TrustTier.ofClaimValue(128))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> TrustTier.ofClaimValue(-129))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void worse_picksTheTierOfMoreConcern() {
    assertThat(TrustTier.AFFIRMING.worse(TrustTier.WARNING)).isEqualTo(TrustTier.WARNING);
    assertThat(TrustTier.CONTRAINDICATED.worse(TrustTier.WARNING))
        .isEqualTo(TrustTier.CONTRAINDICATED);
  }
}
