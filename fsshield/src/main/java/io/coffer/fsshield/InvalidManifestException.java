package io.coffer.fsshield;

import java.io.Serial;

/** A manifest whose JSON is not a valid manifest; the message names the entry and field. */
final class InvalidManifestException extends Exception {
  @Serial private static final long serialVersionUID = 1L;

  /**
   * @param message what is wrong and where
   */
  public InvalidManifestException(String message) {
    super(message);
  }
}
