package io.coffer.fsshield;

import java.nio.charset.StandardCharsets;

/**
 * The rule for a path inside a tree: relative, '/' between names, no empty name, no {@code .} or
 * {@code ..}, no NUL, at most {@value #MAX_BYTES} UTF-8 bytes and {@value #MAX_NAME_BYTES} a name.
 * Such a path can neither leave the tree nor name the same file two ways.
 */
final class TreePath {
  /** Longest path, in UTF-8 bytes. */
  public static final int MAX_BYTES = 4096;

  /** Longest name, in UTF-8 bytes. */
  public static final int MAX_NAME_BYTES = 255;

  private TreePath() {}

  /**
   * Checks a path.
   *
   * @return what is wrong with it, or null when it is a valid tree path
   */
  public static String problem(String path) {
    if (path.isEmpty()) {
      return "is empty";
    }
    if (path.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
      return "is longer than " + MAX_BYTES + " bytes";
    }
    if (path.indexOf('\0') >= 0) {
      return "holds a NUL character";
    }
    if (path.startsWith("/")) {
      return "is absolute";
    }
    for (String name : path.split("/", -1)) {
      if (name.isEmpty()) {
        return "has an empty name";
      }
      if (name.equals(".") || name.equals("..")) {
        return "has a '" + name + "' name";
      }
      if (name.getBytes(StandardCharsets.UTF_8).length > MAX_NAME_BYTES) {
        return "has a name longer than " + MAX_NAME_BYTES + " bytes";
      }
    }
    return null;
  }

  /** The parent of a valid path, or null for a path of one name. */
  public static String parent(String path) {
    int slash = path.lastIndexOf('/');
    return slash < 0 ? null : path.substring(0, slash);
  }
}
