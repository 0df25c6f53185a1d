package io.coffer.cli.fs;

import io.coffer.cli.command.CommandException;
import io.coffer.fsshield.FsShieldException;
import java.util.Locale;

/**
 * A shield refusal as the command's failure: a tree that does not verify is a definite no (exit 1,
 * with its reason code), a key, path or destination that cannot be used is bad input (exit 2).
 */
final class Refusals {
  private Refusals() {}

  static CommandException of(FsShieldException e) {
    return switch (e.reason()) {
      case TAG_MISMATCH,
          WRONG_KEY,
          MANIFEST_INVALID,
          FILE_MISSING,
          FILE_ADDED,
          FILE_MODIFIED,
          FILE_TRUNCATED,
          FILE_EXTENDED ->
          CommandException.no("refused (" + code(e) + "): " + e.getMessage(), e);
      case UNSUPPORTED_FILE, SOURCE_CHANGED, BAD_PATH, DESTINATION_EXISTS, BAD_KEY_FILE, IO_ERROR ->
          CommandException.badInput(e.getMessage(), e);
    };
  }

  /** The reason as printed: {@code file-modified}. */
  static String code(FsShieldException e) {
    return e.reason().name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
