package io.coffer.ledger.tiles;

import java.util.Optional;

/**
 * A tiles directory that could not be read, written or verified, with the reason and the file it
 * concerns.
 *
 * <p>The message starts with the file's path relative to the directory (for example {@code
 * tile/0/001.p/44: ...}) when the failure concerns one file.
 */
public final class TilesException extends Exception {

  private static final long serialVersionUID = 1L;

  /** Why a tiles operation failed. Stable: callers map reasons, never message text. */
  public enum Reason {
    /** A path is not a well-formed C2SP tlog-tiles path. */
    BAD_PATH,
    /** A file that the tree size requires is not there. */
    MISSING,
    /** A file is not of its format: wrong length, broken framing, not a regular file. */
    MALFORMED,
    /** A file is larger than its kind can ever be; it was refused before being read. */
    TOO_LARGE,
    /** A path would leave the directory (a symbolic link inside it). */
    UNSAFE_PATH,
    /** Reading or writing the file system failed. */
    IO_FAILED,
    /** An entry differs from the one the log committed to. */
    ENTRY_CHANGED,
    /** An entry is missing: a bundle holds fewer entries than the tree size requires. */
    ENTRY_MISSING,
    /** Entries are in another order than the log committed to. */
    ENTRIES_REORDERED,
    /** An entry appears in place of, or next to, a copy of an earlier one. */
    ENTRY_DUPLICATED,
    /** A bundle holds entries beyond those the tree size covers. */
    EXTRA_ENTRIES,
    /** A hash tile disagrees with the hashes recomputed from the entries. */
    TILE_MISMATCH,
    /** The entries and the tiles do not lead to the authenticated root. */
    ROOT_MISMATCH,
    /** The directory holds a larger or a different log than the one being exported. */
    CONFLICT,
    /** The ledger being exported could not be read. */
    LEDGER_FAILED
  }

  private final Reason reason;
  private final String file;

  /**
   * @param reason the stable reason code
   * @param file the path of the file concerned, relative to the directory, or null
   * @param message what was wrong, without the file name
   */
  public TilesException(Reason reason, String file, String message) {
    super(file == null ? message : file + ": " + message);
    this.reason = reason;
    this.file = file;
  }

  /** As {@link #TilesException(Reason, String, String)}, keeping the cause. */
  public TilesException(Reason reason, String file, String message, Throwable cause) {
    super(file == null ? message : file + ": " + message, cause);
    this.reason = reason;
    this.file = file;
  }

  /** The stable reason code. */
  public Reason reason() {
    return reason;
  }

  /** The file concerned, relative to the tiles directory, if the failure concerns one file. */
  public Optional<String> file() {
    return Optional.ofNullable(file);
  }
}
