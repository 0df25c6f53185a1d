package io.coffer.cas.witness;

/** The witness's key file cannot be used; the message names the file and what is wrong. */
public final class WitnessKeyException extends Exception {

  private static final long serialVersionUID = 1L;

  public WitnessKeyException(String message) {
    super(message);
  }

  public WitnessKeyException(String message, Throwable cause) {
    super(message, cause);
  }
}
