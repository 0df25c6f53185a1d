package io.coffer.ledger.witness;

/** The witness's state store failed; the witness answers without changing its state. */
public final class WitnessStoreException extends Exception {

  private static final long serialVersionUID = 1L;

  public WitnessStoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
