package io.coffer.runtime;

import java.io.Serial;
import java.util.Objects;

/**
 * A run that was refused before its program started, or a program that could not be started. The
 * message names what was wrong and where; it never holds a secret value, a key or file content.
 */
public final class RunException extends Exception {
  @Serial private static final long serialVersionUID = 1L;

  /** Why. */
  public enum Reason {
    /** The configuration document is not one this runtime understands. */
    CONFIGURATION_INVALID,
    /** {@code --fs} given for a service without a protected tree, or missing for one with it. */
    IMAGE_OPTION_MISMATCH,
    /** The protected image tree does not open or unseal against the CAS's key and tag. */
    IMAGE_REFUSED,
    /** A path of the policy is not an absolute path inside the work directory. */
    PATH_OUTSIDE_WORK_DIRECTORY,
    /** Two paths of the policy overlap in a way that cannot be laid out (a file in a volume). */
    PATH_CONFLICT,
    /** The work directory holds something already, or is not a directory. */
    WORK_DIRECTORY_NOT_EMPTY,
    /** The service mounts volumes and no volume store was given. */
    VOLUME_STORE_MISSING,
    /** No sealed copy of a volume with the CAS's current tag: an older copy or none. */
    VOLUME_ROLLBACK,
    /** A volume's sealed copy with the current tag does not open or unseal. */
    VOLUME_REFUSED,
    /** A symbolic link, or something else than a directory, where a directory must be. */
    UNSAFE_PATH,
    /** The program could not be started. */
    PROGRAM_NOT_STARTED,
    /** Reading or writing the work directory failed. */
    IO_ERROR
  }

  private final Reason reason;

  /**
   * @param reason why
   * @param message what was wrong, naming it
   */
  public RunException(Reason reason, String message) {
    super(message);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  /** The same, with the failure that caused it. */
  public RunException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  /** Why. */
  public Reason reason() {
    return reason;
  }
}
