package io.coffer.fsshield;

import io.coffer.fsshield.FsShieldException.Reason;

/** The refusal of a file that changed while it was sealed. */
final class SourceChange {
  private SourceChange() {}

  static FsShieldException of(String path, long size) {
    return new FsShieldException(
        Reason.SOURCE_CHANGED,
        path,
        path + ": changed while it was sealed (it was " + size + " bytes when the tree was read)");
  }
}
