package io.coffer.cas.witness;

/** A witness cannot start; the message names what is wrong and where. */
public final class WitnessSetupException extends Exception {

  private static final long serialVersionUID = 1L;

  public WitnessSetupException(String message, Throwable cause) {
    super(message, cause);
  }
}
