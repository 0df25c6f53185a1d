package io.coffer.cas.provision;

import java.util.Objects;

/**
 * A configuration JWE did not open. The {@link Reason} is stable; the message names what was wrong.
 */
public final class ConfigurationJweException extends Exception {

  private static final long serialVersionUID = 1L;

  /** Why. */
  public enum Reason {
    /** Not a compact JWE (RFC 7516 §7.1), too large, or a header that cannot be read. */
    MALFORMED,
    /** An algorithm other than {@code ECDH-ES} with {@code A256GCM}, or compression. */
    UNSUPPORTED_ALGORITHM,
    /** A JWE of another type than a Coffer configuration ({@code typ}, RFC 8725 §3.11). */
    WRONG_TYPE,
    /**
     * It does not open with this key: it was made for another key, or it was altered (AES-GCM's tag
     * fails either way and cannot tell the two apart).
     */
    WRONG_KEY
  }

  private final Reason reason;

  public ConfigurationJweException(Reason reason, String message) {
    this(reason, message, null);
  }

  public ConfigurationJweException(Reason reason, String message, Throwable cause) {
    super(Objects.requireNonNull(message, "message"), cause);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  /** The stable reason code. */
  public Reason reason() {
    return reason;
  }
}
