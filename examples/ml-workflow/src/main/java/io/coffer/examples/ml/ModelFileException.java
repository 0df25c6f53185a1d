package io.coffer.examples.ml;

import java.io.Serial;
import java.util.Objects;

/** A model file that was refused: unreadable, or not a readmission classifier. */
public final class ModelFileException extends Exception {
  @Serial private static final long serialVersionUID = 1L;

  /** Why. */
  public enum Reason {
    /** The file is missing, unreadable, or larger than {@link ReadmissionModel#MAX_FILE_BYTES}. */
    UNREADABLE,
    /** The file is not a Tribuo model in its protobuf format. */
    NOT_A_MODEL,
    /** A model, but not a classifier of the readmission outcomes with probabilities. */
    WRONG_OUTPUTS,
    /** A model, but of other features than the dataset's. */
    WRONG_FEATURES
  }

  private final Reason reason;

  /**
   * @param reason why
   * @param message what was wrong, naming the file
   * @param cause the underlying failure, or null
   */
  public ModelFileException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  /** Why the model file was refused. */
  public Reason reason() {
    return reason;
  }
}
