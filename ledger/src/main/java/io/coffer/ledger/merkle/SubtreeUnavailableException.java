package io.coffer.ledger.merkle;

/** A subtree hash that a {@link SubtreeSource} does not have or could not read. */
public final class SubtreeUnavailableException extends Exception {

  private static final long serialVersionUID = 1L;

  public SubtreeUnavailableException(String message) {
    super(message);
  }

  public SubtreeUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
