package io.coffer.cas.server;

import io.coffer.cas.server.CasStartException.Reason;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/** The CAS's data directory: created owner-only, refused when others may write it. */
final class DataDirectory {

  private DataDirectory() {}

  /**
   * Creates {@code dir} (mode 0700) if it is missing and returns its real path.
   *
   * @throws CasStartException {@code CONFIGURATION} if it is not a directory, or group or others
   *     may write it
   */
  static Path prepare(Path dir) throws CasStartException {
    try {
      if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
        Files.createDirectories(
            dir,
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
      }
      Path real = dir.toRealPath();
      if (!Files.isDirectory(real)) {
        throw new CasStartException(
            Reason.CONFIGURATION, "--data " + dir + " is not a directory", null);
      }
      Set<PosixFilePermission> mode = Files.getPosixFilePermissions(real);
      if (mode.contains(PosixFilePermission.GROUP_WRITE)
          || mode.contains(PosixFilePermission.OTHERS_WRITE)) {
        throw new CasStartException(
            Reason.CONFIGURATION,
            "--data "
                + dir
                + " may be written by group or others ("
                + PosixFilePermissions.toString(mode)
                + "): chmod 700 it",
            null);
      }
      return real;
    } catch (IOException | UnsupportedOperationException e) {
      throw new CasStartException(Reason.CONFIGURATION, "--data " + dir + ": " + e.getMessage(), e);
    }
  }
}
