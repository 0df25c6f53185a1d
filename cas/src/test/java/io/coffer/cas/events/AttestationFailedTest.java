package io.coffer.cas.events;

import static io.coffer.cas.events.SampleEvents.H2;
import static io.coffer.cas.events.SampleEvents.T;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coffer.cas.events.AttestationFailed.Reason;
import io.coffer.policy.matching.ReasonCode;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AttestationFailedTest {

  private static AttestationFailed with(
      List<Reason> reasons, Optional<String> evidenceType, Optional<String> publicKey) {
    return new AttestationFailed(T, "acme/payments", "api", reasons, evidenceType, publicKey);
  }

  private static void refused(Runnable make, String field) {
    assertThatThrownBy(make::run)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(field);
  }

  @Test
  void reasonCodes_areLowerCaseWithDashes_andReadBack() {
    assertThat(Reason.NONCE_REPLAYED.code()).isEqualTo("nonce-replayed");
    assertThat(Reason.NO_ALTERNATIVE_FOR_PLATFORM.code()).isEqualTo("no-alternative-for-platform");
    for (Reason r : Reason.values()) {
      assertThat(r.code()).matches("[a-z]+(-[a-z]+)*");
      assertThat(Reason.ofCode(r.code())).contains(r);
    }
    assertThat(Reason.ofCode("NONCE_REPLAYED")).isEmpty();
    assertThat(Reason.ofCode("nonce_replayed")).isEmpty();
    assertThat(Reason.ofCode("")).isEmpty();
  }

  @Test
  void reasonsOfTheClaimMatching_keepTheirNames_andEveryClaimProblemIsAWrongMeasurement() {
    for (ReasonCode code : ReasonCode.values()) {
      Reason reason = Reason.of(code);
      if (code.name().startsWith("CLAIM_")) {
        assertThat(reason).as("%s", code).isEqualTo(Reason.WRONG_MEASUREMENT);
      } else {
        assertThat(reason.name()).as("%s", code).isEqualTo(code.name());
      }
    }
  }

  @Test
  void new_copiesTheReasons_inTheirOrder() {
    List<Reason> reasons = Arrays.asList(Reason.NONCE_EXPIRED, Reason.EVIDENCE_INVALID);

    AttestationFailed e = with(reasons, Optional.empty(), Optional.empty());
    reasons.set(0, Reason.KEY_NOT_BOUND);

    assertThat(e.reasons()).containsExactly(Reason.NONCE_EXPIRED, Reason.EVIDENCE_INVALID);
  }

  @Test
  void new_refusesNoReason_aRepeatedOne_andTooMany() {
    refused(() -> with(List.of(), Optional.empty(), Optional.empty()), "reasons");
    refused(
        () ->
            with(
                List.of(Reason.NONCE_REPLAYED, Reason.NONCE_REPLAYED),
                Optional.empty(),
                Optional.empty()),
        "reasons[1]");
    refused(
        () ->
            with(
                Collections.nCopies(33, Reason.KEY_UNSUPPORTED),
                Optional.empty(),
                Optional.empty()),
        "reasons");
  }

  @Test
  void new_refusesNulls_namingTheMember() {
    List<Reason> one = List.of(Reason.EVIDENCE_INVALID);

    assertThatThrownBy(() -> with(one, null, Optional.empty()))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("evidence_type");
    assertThatThrownBy(() -> with(one, Optional.empty(), null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("public_key");
    assertThatThrownBy(() ->
            with(Arrays.asList(Reason.NONCE_REPLAYED, null), Optional.empty(), Optional.empty()))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("reasons[1]");
  }

  @Test
  void new_acceptsEveryReasonAtOnce() {
    assertThat(with(List.of(Reason.values()), Optional.empty(), Optional.empty()).reasons())
        .hasSize(Reason.values().length);
  }

  @Test
  void new_refusesAnIllFormedEvidenceTypeOrKey() {
    List<Reason> one = List.of(Reason.EVIDENCE_INVALID);

    refused(() -> with(one, Optional.of("tpm"), Optional.empty()), "evidence_type");
    refused(() -> with(one, Optional.empty(), Optional.of(H2.substring(1))), "public_key");
  }

  @Test
  void new_refusesIllFormedNames() {
    List<Reason> one = List.of(Reason.UNKNOWN_SERVICE);

    refused(
        () -> new AttestationFailed(T, "", "api", one, Optional.empty(), Optional.empty()),
        "policy");
    refused(
        () -> new AttestationFailed(T, "acme", "api\nx", one, Optional.empty(), Optional.empty()),
        "service");
  }
}
