package io.coffer.fsshield;

import java.nio.file.Path;

/**
 * Where things are in a protected tree: the sealed manifest, and one stored object a file, named by
 * its identity, in one directory. Paths, names and sizes of the files are only in the manifest.
 */
final class Layout {
  /** The sealed manifest's file name. */
  public static final String MANIFEST = "coffer-fs.manifest";

  /** The directory of stored objects. */
  public static final String OBJECTS = "objects";

  private Layout() {}

  /** The sealed manifest of a protected tree. */
  public static Path manifest(Path tree) {
    return tree.resolve(MANIFEST);
  }

  /** The objects directory of a protected tree. */
  public static Path objects(Path tree) {
    return tree.resolve(OBJECTS);
  }

  /** A file's stored object. */
  public static Path object(Path tree, FileId id) {
    return tree.resolve(OBJECTS).resolve(id.hex());
  }
}
