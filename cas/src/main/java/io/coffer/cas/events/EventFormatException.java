package io.coffer.cas.events;

import java.util.Objects;

/** A ledger entry that is not a well-formed CAS event, with a stable reason. */
public final class EventFormatException extends Exception {

  private static final long serialVersionUID = 1L;

  /** Why an entry is not an event. */
  public enum Reason {
    /** Larger than an event may be. */
    TOO_LARGE,
    /** Not an I-JSON object (RFC 7493): syntax, encoding, duplicate members, numbers. */
    MALFORMED,
    /** Valid JSON, but not in its RFC 8785 canonical form, as every event is written. */
    NOT_CANONICAL,
    /** A {@code schema} other than the ones this reader knows. */
    UNSUPPORTED_SCHEMA,
    /** A {@code type} this reader does not know (perhaps written by a newer CAS). */
    UNKNOWN_TYPE,
    /** A member the type requires is absent. */
    MISSING_FIELD,
    /** A member the type does not have. */
    UNKNOWN_FIELD,
    /** A member of the wrong JSON type or an ill-formed value. */
    INVALID_FIELD
  }

  private final Reason reason;

  public EventFormatException(Reason reason, String message) {
    super(message);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  public EventFormatException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  /** The stable reason code. */
  public Reason reason() {
    return reason;
  }
}
