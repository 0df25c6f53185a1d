package io.coffer.fsshield;

import java.io.IOException;
import java.io.Serial;

/**
 * Thrown by a {@link ShieldedTree} channel or stream when a segment it reads does not authenticate:
 * the stored file was changed, swapped, truncated or extended after the tree was opened. Its cause
 * is the {@link FsShieldException} with the reason. No byte of that segment was returned.
 */
public final class TamperedFileException extends IOException {
  @Serial private static final long serialVersionUID = 1L;

  /**
   * @param cause the refusal, naming the file
   */
  public TamperedFileException(FsShieldException cause) {
    super(cause.getMessage(), cause);
  }

  /** The refusal. */
  public FsShieldException refusal() {
    return (FsShieldException) getCause();
  }
}
