package io.coffer.ledger.json;

/** A document that is not I-JSON and so has no RFC 8785 canonical form. */
public final class CanonicalJsonException extends Exception {

  private static final long serialVersionUID = 1L;

  public CanonicalJsonException(String message) {
    super(message);
  }

  public CanonicalJsonException(String message, Throwable cause) {
    super(message, cause);
  }
}
