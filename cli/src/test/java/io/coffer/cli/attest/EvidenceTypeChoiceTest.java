package io.coffer.cli.attest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coffer.attestation.EvidenceType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import picocli.CommandLine.TypeConversionException;

class EvidenceTypeChoiceTest {

  private final EvidenceTypeChoice.Converter converter = new EvidenceTypeChoice.Converter();

  @Test
  void auto_forcesNothing() {
    assertThat(converter.convert("auto")).isEqualTo(EvidenceTypeChoice.AUTO);
    assertThat(EvidenceTypeChoice.AUTO.forced()).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({
    "sgx, SGX",
    "tdx, TDX",
    "snp, SNP",
    "snp-azure-hcl, SNP_AZURE_HCL",
    "simulation, SIMULATION"
  })
  void eachName_forcesItsEvidenceType(String name, EvidenceType type) {
    assertThat(converter.convert(name).forced()).contains(type);
  }

  @ParameterizedTest
  @EnumSource(EvidenceType.class)
  void everyTypeTheLibraryKnows_isAccepted_byItsCliName(EvidenceType type) {
    assertThat(converter.convert(type.cliName()).forced()).contains(type);
    assertThat(new EvidenceTypeChoice.Names()).contains(type.cliName());
  }

  @Test
  void anUnknownName_isRefused_listingTheNames() {
    assertThatThrownBy(() -> converter.convert("sev-snp"))
        .isInstanceOf(TypeConversionException.class)
        .hasMessage("'sev-snp' is not one of auto, sgx, tdx, snp, snp-azure-hcl, simulation");
  }
}
