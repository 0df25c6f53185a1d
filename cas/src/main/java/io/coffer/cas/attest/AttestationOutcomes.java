package io.coffer.cas.attest;

import io.coffer.cas.events.AttestationFailed.Reason;
import java.util.List;

/** Hears the outcome of each recorded attempt: for metrics. Must be cheap and never throw. */
public interface AttestationOutcomes {

  /** Hears nothing. */
  AttestationOutcomes NONE =
      new AttestationOutcomes() {
        @Override
        public void admitted(String evidenceType) {}

        @Override
        public void refused(List<Reason> reasons) {}
      };

  /** A workload with evidence of {@code evidenceType} ({@code sgx}, ...) was admitted. */
  void admitted(String evidenceType);

  /** A workload was refused, for these reasons. */
  void refused(List<Reason> reasons);
}
