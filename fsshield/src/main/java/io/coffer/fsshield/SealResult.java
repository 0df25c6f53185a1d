package io.coffer.fsshield;

import java.util.Objects;

/**
 * A sealed tree.
 *
 * @param tag its tag: the value to keep where it cannot be rolled back
 * @param files regular files sealed
 * @param directories directories recorded
 * @param symlinks symbolic links recorded
 * @param bytes plaintext bytes sealed
 */
public record SealResult(Tag tag, long files, long directories, long symlinks, long bytes) {
  public SealResult {
    Objects.requireNonNull(tag, "tag");
  }
}
