package io.coffer.cas.attest;

import io.coffer.cas.events.AttestationFailed.Reason;
import java.util.List;

/**
 * An attestation the CAS refused, with every reason. The message is for the workload's operator: it
 * names what failed, never a secret and never what the policy expected in full.
 */
public final class AttestationRefused extends Exception {

  private static final long serialVersionUID = 1L;

  private final transient List<Reason> reasons;

  public AttestationRefused(Reason reason, String message) {
    this(List.of(reason), message, null);
  }

  public AttestationRefused(List<Reason> reasons, String message, Throwable cause) {
    super(message, cause);
    if (reasons.isEmpty()) {
      throw new IllegalArgumentException("a refusal has at least one reason");
    }
    this.reasons = List.copyOf(reasons);
  }

  /** Every reason, in the order found. */
  public List<Reason> reasons() {
    return reasons == null ? List.of() : reasons;
  }
}
