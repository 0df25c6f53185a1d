package io.coffer.fsshield;

import java.util.Objects;
import java.util.Optional;

/**
 * An entry of a protected tree, as its manifest lists it.
 *
 * @param path its path in the tree ('/' between names)
 * @param type what it is
 * @param permissions its permission bits (0 for a symbolic link)
 * @param size a file's plaintext size in bytes, else 0
 * @param linkTarget a symbolic link's target
 */
public record TreeEntry(
    String path, Type type, int permissions, long size, Optional<String> linkTarget) {

  /** What an entry is. */
  public enum Type {
    DIRECTORY,
    FILE,
    SYMLINK
  }

  public TreeEntry {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(linkTarget, "linkTarget");
  }
}
