package io.coffer.ledger.witness;

/** An {@code add-checkpoint} request body that is not well formed. */
public final class RequestFormatException extends Exception {

  private static final long serialVersionUID = 1L;

  public RequestFormatException(String message) {
    super("malformed add-checkpoint request: " + message);
  }
}
