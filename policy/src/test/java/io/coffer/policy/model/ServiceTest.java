package io.coffer.policy.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ServiceTest {

  private static final String TAG =
      "5d41402abc4b2a76b9719d911017c592ae5d41402abc4b2a76b9719d911017c5";

  private static final ServiceIdentity IDENTITY =
      new ServiceIdentity(List.of(new SimulationCondition(Bytes32.fromHex(TAG))));

  @Test
  void fsShield_storesTheTagInLowerCase() {
    Service.FsShield fs = new Service.FsShield("image-key", TAG.toUpperCase(java.util.Locale.ROOT));

    assertThat(fs.tag()).isEqualTo(TAG);
    assertThat(fs).isEqualTo(new Service.FsShield("image-key", TAG));
  }

  @Test
  void fsShield_withAShortTag_fails() {
    assertThatThrownBy(() -> new Service.FsShield("image-key", TAG.substring(1)))
        .isInstanceOfSatisfying(
            InvalidValueException.class,
            e -> {
              assertThat(e.field()).isEqualTo("tag");
              assertThat(e.detail()).isEqualTo("must be 64 hex characters");
            });
  }

  @Test
  void fsShield_withANonAsciiDigitInTheTag_fails() {
    // U+FF10 FULLWIDTH DIGIT ZERO is a digit to Character.digit, not a hex character.
    String tag = "\uff10" + TAG.substring(1);

    assertThatThrownBy(() -> new Service.FsShield("image-key", tag))
        .isInstanceOf(InvalidValueException.class);
  }

  @Test
  void fsShield_withAKeyThatIsNoName_fails() {
    assertThatThrownBy(() -> new Service.FsShield("../key", TAG))
        .isInstanceOfSatisfying(
            InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("key"));
  }

  @Test
  void nineArgumentConstructor_hasNoFsShield() {
    Service s =
        new Service(
            "web",
            IDENTITY,
            List.of("/app"),
            Map.of(),
            Optional.empty(),
            List.of(),
            List.of(),
            List.of(),
            List.of());

    assertThat(s.fsShield()).isEmpty();
  }
}
