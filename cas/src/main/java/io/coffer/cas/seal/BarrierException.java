package io.coffer.cas.seal;

/**
 * A stored ciphertext does not open for the row it was read from: it was altered, moved from
 * another row, table or version, or made under another data key. Never a partial plaintext.
 */
public final class BarrierException extends Exception {

  private static final long serialVersionUID = 1L;

  private final transient RowId row;

  public BarrierException(RowId row, String message, Throwable cause) {
    super(message, cause);
    this.row = row;
  }

  /** The row whose ciphertext did not open. */
  public RowId row() {
    return row;
  }
}
