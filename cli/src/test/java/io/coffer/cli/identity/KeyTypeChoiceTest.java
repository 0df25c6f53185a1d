package io.coffer.cli.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coffer.policy.governance.Identity;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

class KeyTypeChoiceTest {

  @Test
  void converter_readsTheCommandLineNames() {
    KeyTypeChoice.Converter converter = new KeyTypeChoice.Converter();

    assertThat(converter.convert("ed25519").type()).isEqualTo(Identity.Type.ED25519);
    assertThat(converter.convert("p256").type()).isEqualTo(Identity.Type.P256);
  }

  @Test
  void converter_refusesOtherNames_listingTheChoices() {
    KeyTypeChoice.Converter converter = new KeyTypeChoice.Converter();

    assertThatThrownBy(() -> converter.convert("P256"))
        .isInstanceOf(TypeConversionException.class)
        .hasMessage("'P256' is not one of ed25519, p256");
    assertThatThrownBy(() -> converter.convert("p384")).isInstanceOf(TypeConversionException.class);
  }
}
