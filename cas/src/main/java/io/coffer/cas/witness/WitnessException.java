package io.coffer.cas.witness;

import java.util.Objects;
import java.util.OptionalLong;

/** A witness did not cosign a checkpoint, with the reason. */
public final class WitnessException extends Exception {

  private static final long serialVersionUID = 1L;

  /** Why a witness did not cosign. */
  public enum Reason {
    /**
     * The witness cosigned a larger tree of this log than the checkpoint offered: {@link
     * #witnessSize()} holds its size. The log was rolled back, or the witness lies.
     */
    WITNESS_AHEAD,
    /**
     * The witness holds a checkpoint this log's tree does not extend: the consistency proof from
     * the witness's size did not verify (422), or the roots differ at the same size.
     */
    INCONSISTENT,
    /**
     * The witness refused the request (400, 403, 404): the log is not configured there, its key is
     * not trusted, or the request was malformed.
     */
    REFUSED,
    /** The answer claimed success but carries no valid cosignature by the configured key. */
    BAD_COSIGNATURE,
    /** No usable answer: connection failure, timeout, 5xx, or a malformed response. */
    UNREACHABLE
  }

  private final Reason reason;
  private final Long witnessSize;

  public WitnessException(Reason reason, String message) {
    this(reason, message, OptionalLong.empty(), null);
  }

  public WitnessException(Reason reason, String message, Throwable cause) {
    this(reason, message, OptionalLong.empty(), cause);
  }

  public WitnessException(
      Reason reason, String message, OptionalLong witnessSize, Throwable cause) {
    super(message, cause);
    this.reason = Objects.requireNonNull(reason, "reason");
    this.witnessSize = witnessSize.isPresent() ? witnessSize.getAsLong() : null;
  }

  /** The stable reason code. */
  public Reason reason() {
    return reason;
  }

  /** For {@link Reason#WITNESS_AHEAD}: the size the witness says it cosigned last. */
  public OptionalLong witnessSize() {
    return witnessSize == null ? OptionalLong.empty() : OptionalLong.of(witnessSize);
  }
}
