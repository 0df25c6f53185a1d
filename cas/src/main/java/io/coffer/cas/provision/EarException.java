package io.coffer.cas.provision;

import java.util.Objects;

/** An EAR did not verify. The {@link Reason} is stable; the message names what was wrong. */
public final class EarException extends Exception {

  private static final long serialVersionUID = 1L;

  /** Why. */
  public enum Reason {
    /** Not a compact JWS (RFC 7515 §7.1), too large, or unreadable. */
    MALFORMED,
    /** An algorithm other than ES256 ({@code none}, HMAC, RSA, ...). */
    UNSUPPORTED_ALGORITHM,
    /** A JWS of another type than an EAR ({@code typ}). */
    WRONG_TYPE,
    /** The key set cannot be read. */
    KEY_SET_INVALID,
    /** No usable ES256 key in the key set has the token's {@code kid}. */
    UNKNOWN_KEY,
    /** The signature does not verify with the key. */
    BAD_SIGNATURE,
    /** The claims set is not of the EAR profile ({@code eat_profile}). */
    WRONG_PROFILE,
    /** A claim is missing, of the wrong type, or inconsistent (a status better than its vector). */
    INVALID_CLAIMS,
    /** Issued in the future. */
    NOT_YET_VALID,
    /** Expired, or without an expiry. */
    EXPIRED,
    /** The nonce is not the expected one. */
    NONCE_MISMATCH
  }

  private final Reason reason;

  public EarException(Reason reason, String message) {
    this(reason, message, null);
  }

  public EarException(Reason reason, String message, Throwable cause) {
    super(Objects.requireNonNull(message, "message"), cause);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  /** The stable reason code. */
  public Reason reason() {
    return reason;
  }
}
