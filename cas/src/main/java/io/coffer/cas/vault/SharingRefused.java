package io.coffer.cas.vault;

/** An import that the exporting and importing policies do not both consent to, as they are now. */
public final class SharingRefused extends Exception {

  private static final long serialVersionUID = 1L;

  public SharingRefused(String message) {
    super(message);
  }
}
