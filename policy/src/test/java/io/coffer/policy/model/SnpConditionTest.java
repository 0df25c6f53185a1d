package io.coffer.policy.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coffer.attestation.Platform;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class SnpConditionTest {

  private static final Optional<Bytes48> D48 = Optional.of(new Bytes48(new byte[48]));
  private static final Optional<Bytes32> HOST = Optional.of(new Bytes32(new byte[32]));
  private static final Optional<SnpTcb> TCB =
      Optional.of(new SnpTcb(1, 2, 3, 4, OptionalInt.empty()));

  @Test
  void constructor_measurement_idKey_orAuthorKey_eachIdentify() {
    assertThat(
            new SnpCondition(
                    D48,
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    OptionalInt.empty())
                .platform())
        .isEqualTo(Platform.SNP);
    assertThat(
            new SnpCondition(
                    Optional.empty(),
                    Optional.empty(),
                    D48,
                    Optional.empty(),
                    Optional.empty(),
                    OptionalInt.empty())
                .idKeyDigest())
        .isEqualTo(D48);
    assertThat(
            new SnpCondition(
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    D48,
                    Optional.empty(),
                    OptionalInt.of(0))
                .yamlName())
        .isEqualTo("snp");
  }

  @Test
  void constructor_hostDataTcbAndVmplOnly_isRefused() {
    assertThatThrownBy(() ->
            new SnpCondition(
                Optional.empty(), HOST, Optional.empty(), Optional.empty(), TCB, OptionalInt.of(0)))
        .isInstanceOfSatisfying(
            InvalidValueException.class,
            e -> {
              assertThat(e.field()).isEmpty();
              assertThat(e.detail())
                  .startsWith(
                      "an snp alternative must name measurement, id_key_digest or author_key_digest");
            });
  }

  @Test
  void constructor_vmplMaxOutsideZeroToThree_isRefused() {
    assertThatThrownBy(() ->
            new SnpCondition(
                D48,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                OptionalInt.of(4)))
        .hasMessage("vmpl_max: must be between 0 and 3, got 4");
    assertThatThrownBy(() ->
            new SnpCondition(
                D48,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                OptionalInt.of(-1)))
        .isInstanceOf(InvalidValueException.class);
  }
}
