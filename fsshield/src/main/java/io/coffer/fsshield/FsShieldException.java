package io.coffer.fsshield;

import java.io.Serial;
import java.util.Objects;
import java.util.Optional;

/**
 * A protected tree, or the work on one, that was refused: the reason, and the path in the tree it
 * concerns when there is one. The message names what was wrong and where; it never holds a key or
 * file content.
 */
public final class FsShieldException extends Exception {
  @Serial private static final long serialVersionUID = 1L;

  /** Why. */
  public enum Reason {
    /** The manifest's hash is not the expected tag: another tree, or an older version of it. */
    TAG_MISMATCH,
    /** The manifest has the expected tag but does not open with the key given. */
    WRONG_KEY,
    /** The manifest opened but is not a valid manifest. */
    MANIFEST_INVALID,
    /** A file of the manifest has no stored object, or the manifest itself is missing. */
    FILE_MISSING,
    /** The protected tree holds something the manifest does not list. */
    FILE_ADDED,
    /** A stored file does not authenticate: changed, swapped with another, or from another tree. */
    FILE_MODIFIED,
    /** A stored file is shorter than the manifest says. */
    FILE_TRUNCATED,
    /** A stored file is longer than the manifest says. */
    FILE_EXTENDED,
    /** A file to seal is of a type the shield does not store (device, socket, pipe). */
    UNSUPPORTED_FILE,
    /** A file to seal changed while it was read. */
    SOURCE_CHANGED,
    /** A path that is not a plain relative path inside the tree, or is not in it. */
    BAD_PATH,
    /** The destination exists and is not an empty directory. */
    DESTINATION_EXISTS,
    /** A key file that cannot be read or written, or does not hold a key. */
    BAD_KEY_FILE,
    /** Reading or writing failed. */
    IO_ERROR
  }

  private final Reason reason;
  private final String path;

  /**
   * @param reason why
   * @param path the path in the tree, or the file, it concerns; null when none
   * @param message what was wrong, naming it
   */
  public FsShieldException(Reason reason, String path, String message) {
    super(message);
    this.reason = Objects.requireNonNull(reason, "reason");
    this.path = path;
  }

  /** The same, with the exception that caused it. */
  public FsShieldException(Reason reason, String path, String message, Throwable cause) {
    super(message, cause);
    this.reason = Objects.requireNonNull(reason, "reason");
    this.path = path;
  }

  /** Why. */
  public Reason reason() {
    return reason;
  }

  /** The path in the tree, or the file, this concerns, when there is one. */
  public Optional<String> path() {
    return Optional.ofNullable(path);
  }
}
