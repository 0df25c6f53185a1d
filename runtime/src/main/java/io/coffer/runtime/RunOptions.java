package io.coffer.runtime;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the host gives a run. The host is not trusted: its arguments and environment reach the
 * program only as far as the policy allows them by name.
 *
 * @param hostArguments the arguments given after {@code --}
 * @param hostEnvironment the host's environment
 * @param workDirectory where plaintext is written: must not exist or be empty; every path of the
 *     policy must lie inside it
 * @param imageTree the sealed protected image tree ({@code --fs}), when given
 * @param volumeStore where the sealed versions of volumes are kept ({@code --volumes}), when given
 */
public record RunOptions(
    List<String> hostArguments,
    Map<String, String> hostEnvironment,
    Path workDirectory,
    Optional<Path> imageTree,
    Optional<Path> volumeStore) {

  public RunOptions {
    hostArguments = List.copyOf(hostArguments);
    hostEnvironment = Map.copyOf(hostEnvironment);
    Objects.requireNonNull(workDirectory, "workDirectory");
    if (!workDirectory.isAbsolute()) {
      throw new IllegalArgumentException("the work directory must be an absolute path");
    }
    workDirectory = workDirectory.normalize();
    Objects.requireNonNull(imageTree, "imageTree");
    Objects.requireNonNull(volumeStore, "volumeStore");
  }

  @Override
  public String toString() {
    return "RunOptions["
        + hostArguments.size()
        + " host arguments, "
        + hostEnvironment.size()
        + " host variables, work "
        + workDirectory
        + ", image "
        + imageTree.map(Path::toString).orElse("none")
        + ", volumes "
        + volumeStore.map(Path::toString).orElse("none")
        + "]";
  }
}
