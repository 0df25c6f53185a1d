package io.coffer.cli.command;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Objects;

/**
 * Coffer's per-user state directory: the environment variable {@value #ENVIRONMENT_VARIABLE} when
 * it is set and not empty, otherwise {@code .coffer} in the user's home directory.
 *
 * <p>Nothing is created by locating it: whoever writes a file creates its directories.
 *
 * @param directory the absolute, normalised directory
 */
public record CofferHome(Path directory) {

  /** The environment variable that names the home. */
  public static final String ENVIRONMENT_VARIABLE = "COFFER_HOME";

  public CofferHome {
    directory = Objects.requireNonNull(directory, "directory").toAbsolutePath().normalize();
  }

  /** The home of this process, from its environment. */
  public static CofferHome locate() {
    return locate(System.getenv(), System.getProperty("user.home"));
  }

  /** The home given this environment and the user's home directory. */
  static CofferHome locate(Map<String, String> environment, String userHome) {
    String variable = environment.get(ENVIRONMENT_VARIABLE);
    if (variable != null && !variable.isEmpty()) {
      return new CofferHome(Path.of(variable));
    }
    return new CofferHome(Path.of(userHome, ".coffer"));
  }

  /**
   * The local simulated platform's key file ({@code simulation/platform.pem}): whoever holds it can
   * produce simulated evidence, and {@code coffer attest verify --type simulation} on this machine
   * trusts its public key.
   */
  public Path simulatedPlatformKey() {
    return directory.resolve("simulation").resolve("platform.pem");
  }

  /**
   * Creates the directory of {@code file} and any missing parents, each readable by its owner only
   * where the file system has POSIX permissions; directories that exist are left as they are.
   */
  public static void createPrivateDirectories(Path file) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    if (dir == null || Files.isDirectory(dir)) {
      return;
    }
    createPrivateDirectories(dir);
    try {
      if (dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
        Files.createDirectory(
            dir,
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
      } else {
        Files.createDirectory(dir);
      }
    } catch (FileAlreadyExistsException raced) {
      // Another process created it meanwhile; it is used as it is.
    }
  }
}
