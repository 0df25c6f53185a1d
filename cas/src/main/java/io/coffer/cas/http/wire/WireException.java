package io.coffer.cas.http.wire;

/** A JSON document that is not of the expected shape; the message names the field path. */
public final class WireException extends Exception {

  private static final long serialVersionUID = 1L;

  private final String field;

  public WireException(String field, String message) {
    super(field.isEmpty() ? message : field + ": " + message);
    this.field = field;
  }

  public WireException(String field, String message, Throwable cause) {
    super(field.isEmpty() ? message : field + ": " + message, cause);
    this.field = field;
  }

  /** The path of the offending field, empty for the whole document. */
  public String field() {
    return field;
  }
}
