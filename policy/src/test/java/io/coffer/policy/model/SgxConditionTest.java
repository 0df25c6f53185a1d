package io.coffer.policy.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coffer.attestation.Platform;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class SgxConditionTest {

  private static final Bytes32 A = Bytes32.fromHex("aa".repeat(32));
  private static final Bytes32 B = Bytes32.fromHex("bb".repeat(32));

  private static SgxCondition svn(OptionalInt min, OptionalInt max) {
    return new SgxCondition(List.of(A), Optional.empty(), OptionalInt.empty(), min, max);
  }

  @Test
  void constructor_mrenclaveOnly_orMrsignerOnly_isAnIdentity() {
    assertThat(svn(OptionalInt.empty(), OptionalInt.empty()).platform()).isEqualTo(Platform.SGX);
    assertThat(
            new SgxCondition(
                    List.of(),
                    Optional.of(B),
                    OptionalInt.of(7),
                    OptionalInt.empty(),
                    OptionalInt.empty())
                .mrsigner())
        .contains(B);
  }

  @Test
  void constructor_withoutMrenclaveOrMrsigner_isRefused_evenWithOtherConditions() {
    assertThatThrownBy(() ->
            new SgxCondition(
                List.of(),
                Optional.empty(),
                OptionalInt.of(1),
                OptionalInt.of(2),
                OptionalInt.of(3)))
        .isInstanceOfSatisfying(
            InvalidValueException.class,
            e -> {
              assertThat(e.field()).isEmpty();
              assertThat(e.detail()).contains("must name mrenclave or mrsigner");
            });
  }

  @Test
  void constructor_copiesTheMrenclaveList() {
    List<Bytes32> in = new ArrayList<>(List.of(A));
    SgxCondition c =
        new SgxCondition(
            in, Optional.empty(), OptionalInt.empty(), OptionalInt.empty(), OptionalInt.empty());
    in.add(B);
    assertThat(c.mrenclave()).containsExactly(A);
  }

  @Test
  void constructor_repeatedMrenclave_namesTheRepeat() {
    assertThatThrownBy(() ->
            new SgxCondition(
                List.of(A, B, A),
                Optional.empty(),
                OptionalInt.empty(),
                OptionalInt.empty(),
                OptionalInt.empty()))
        .isInstanceOfSatisfying(
            InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("mrenclave[2]"));
  }

  @Test
  void constructor_tooManyMrenclaves_isRefused() {
    List<Bytes32> many = new ArrayList<>();
    for (int i = 0; i <= SgxCondition.MAX_MRENCLAVES; i++) {
      byte[] b = new byte[32];
      b[0] = (byte) i;
      b[1] = (byte) (i >> 8);
      many.add(new Bytes32(b));
    }
    assertThatThrownBy(() ->
            new SgxCondition(
                many,
                Optional.empty(),
                OptionalInt.empty(),
                OptionalInt.empty(),
                OptionalInt.empty()))
        .isInstanceOfSatisfying(
            InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("mrenclave"));
  }

  @Test
  void constructor_numbersOutside16Bits_areRefused_namingTheField() {
    assertThatThrownBy(() -> svn(OptionalInt.of(-1), OptionalInt.empty()))
        .isInstanceOfSatisfying(
            InvalidValueException.class,
            e -> assertThat(e).hasMessage("isvsvn_min: must be between 0 and 65535, got -1"));
    assertThatThrownBy(() -> svn(OptionalInt.empty(), OptionalInt.of(65536)))
        .isInstanceOfSatisfying(
            InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("isvsvn_max"));
    assertThatThrownBy(() ->
            new SgxCondition(
                List.of(A),
                Optional.empty(),
                OptionalInt.of(70000),
                OptionalInt.empty(),
                OptionalInt.empty()))
        .isInstanceOfSatisfying(
            InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("isvprodid"));
  }

  @Test
  void constructor_minAboveMax_isRefused_butEqualIsAccepted() {
    assertThat(svn(OptionalInt.of(5), OptionalInt.of(5)).isvsvnMax()).hasValue(5);
    assertThat(svn(OptionalInt.of(0), OptionalInt.of(65535)).isvsvnMin()).hasValue(0);
    assertThatThrownBy(() -> svn(OptionalInt.of(6), OptionalInt.of(5)))
        .isInstanceOfSatisfying(
            InvalidValueException.class,
            e -> assertThat(e).hasMessage("isvsvn_max: must be at least isvsvn_min (6), got 5"));
  }

  @Test
  void yamlName_isSgx() {
    assertThat(svn(OptionalInt.empty(), OptionalInt.empty()).yamlName()).isEqualTo("sgx");
  }
}
