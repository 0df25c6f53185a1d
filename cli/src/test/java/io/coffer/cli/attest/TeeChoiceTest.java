package io.coffer.cli.attest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coffer.attestation.EvidenceType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine.TypeConversionException;

class TeeChoiceTest {

  private final TeeChoice.Converter converter = new TeeChoice.Converter();

  @ParameterizedTest
  @CsvSource({"tdx, TDX", "snp, SNP", "sgx-gramine, SGX", "simulation, SIMULATION"})
  void eachTee_expectsItsEvidenceType(String name, EvidenceType expected) {
    assertThat(converter.convert(name).expected()).contains(expected);
  }

  @Test
  void auto_expectsNothingInParticular() {
    assertThat(converter.convert("auto")).isEqualTo(TeeChoice.AUTO);
    assertThat(TeeChoice.AUTO.expected()).isEmpty();
  }

  @Test
  void anUnknownTee_isRefused_listingTheNames() {
    assertThatThrownBy(() -> converter.convert("sgx"))
        .isInstanceOf(TypeConversionException.class)
        .hasMessage("'sgx' is not one of auto, tdx, snp, sgx-gramine, simulation");
  }
}
