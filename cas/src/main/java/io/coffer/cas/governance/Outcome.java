package io.coffer.cas.governance;

import io.coffer.cas.events.AccessDenied;
import io.coffer.cas.service.CasException;
import java.util.Optional;

/**
 * What a store operation decided: a value, or a refusal whose ledger event (if any) the operation
 * already appended, or a denial still to be recorded (a read operation cannot append). A refusal is
 * returned rather than thrown so that its event commits.
 */
record Outcome<T>(T value, CasException refusal, Optional<AccessDenied> unrecorded) {

  static <T> Outcome<T> of(T value) {
    return new Outcome<>(value, null, Optional.empty());
  }

  static <T> Outcome<T> refused(CasException refusal) {
    return new Outcome<>(null, refusal, Optional.empty());
  }

  static <T> Outcome<T> denied(AccessDenied event, CasException refusal) {
    return new Outcome<>(null, refusal, Optional.of(event));
  }

  boolean isRefused() {
    return refusal != null;
  }
}
