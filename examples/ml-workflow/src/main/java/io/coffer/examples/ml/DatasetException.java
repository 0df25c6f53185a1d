package io.coffer.examples.ml;

import java.io.Serial;
import java.util.Objects;

/**
 * A dataset file that was refused. The message names the file, the line and the column; it never
 * holds a row's values.
 */
public final class DatasetException extends Exception {
  @Serial private static final long serialVersionUID = 1L;

  /** Why. */
  public enum Reason {
    /** The file is larger than {@link PatientCsv#MAX_FILE_BYTES}. */
    TOO_LARGE,
    /** A byte outside printable ASCII, tab excepted, or a carriage return. */
    NOT_ASCII,
    /** The header is not exactly the expected one. */
    WRONG_HEADER,
    /** A row with another number of fields than the header. */
    WRONG_FIELD_COUNT,
    /** A field that is not a plain decimal number. */
    NOT_A_NUMBER,
    /** A number outside its feature's bounds, or a fraction in a count. */
    OUT_OF_RANGE,
    /** A label other than {@code yes} or {@code no}. */
    BAD_LABEL,
    /** An empty line, or no row at all. */
    EMPTY,
    /** More rows than {@link PatientCsv#MAX_ROWS}. */
    TOO_MANY_ROWS,
    /** The file cannot be read. */
    IO_ERROR
  }

  private final Reason reason;

  /**
   * @param reason why
   * @param message what was wrong, naming the file, line and column
   */
  public DatasetException(Reason reason, String message) {
    super(message);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  /**
   * @param reason why
   * @param message what was wrong
   * @param cause the underlying failure
   */
  public DatasetException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  /** Why the dataset was refused. */
  public Reason reason() {
    return reason;
  }
}
