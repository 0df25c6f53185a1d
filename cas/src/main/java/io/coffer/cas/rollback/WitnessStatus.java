package io.coffer.cas.rollback;

import io.coffer.cas.witness.WitnessException;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What the CAS knows about one witness, for its status page.
 *
 * @param witness the witness's URL
 * @param cosignedSize the largest size it cosigned for this process
 * @param lastCosignedAt when that cosignature arrived
 * @param lastFailure the last failure's reason and message, if the last submission failed
 * @param lastFailureAt when it failed
 * @param consecutiveFailures failed submissions since the last success
 */
public record WitnessStatus(
    String witness,
    OptionalLong cosignedSize,
    Optional<Instant> lastCosignedAt,
    Optional<Failure> lastFailure,
    Optional<Instant> lastFailureAt,
    int consecutiveFailures) {

  /** A failed submission. */
  public record Failure(WitnessException.Reason reason, String message) {
    public Failure {
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(message, "message");
    }
  }

  public WitnessStatus {
    Objects.requireNonNull(witness, "witness");
    Objects.requireNonNull(cosignedSize, "cosignedSize");
    Objects.requireNonNull(lastCosignedAt, "lastCosignedAt");
    Objects.requireNonNull(lastFailure, "lastFailure");
    Objects.requireNonNull(lastFailureAt, "lastFailureAt");
    if (consecutiveFailures < 0) {
      throw new IllegalArgumentException("consecutive failures must not be negative");
    }
  }

  /** A witness nothing was submitted to yet. */
  static WitnessStatus unknown(String witness) {
    return new WitnessStatus(
        witness, OptionalLong.empty(), Optional.empty(), Optional.empty(), Optional.empty(), 0);
  }

  /**
   * Whether the witness reported this log rolled back or forked: something an operator must look at
   * now, not a transient failure.
   */
  public boolean alarming() {
    return lastFailure
        .map(f ->
            f.reason() == WitnessException.Reason.WITNESS_AHEAD
                || f.reason() == WitnessException.Reason.INCONSISTENT)
        .orElse(false);
  }

  WitnessStatus cosigned(long size, Instant at) {
    return new WitnessStatus(
        witness, OptionalLong.of(size), Optional.of(at), Optional.empty(), Optional.empty(), 0);
  }

  WitnessStatus failed(Failure failure, Instant at) {
    return new WitnessStatus(
        witness,
        cosignedSize,
        lastCosignedAt,
        Optional.of(failure),
        Optional.of(at),
        consecutiveFailures + 1);
  }
}
