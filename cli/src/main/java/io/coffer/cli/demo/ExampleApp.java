package io.coffer.cli.demo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the example's programs are: {@code examples/ml-workflow/target/app} (this module's jar and
 * its dependencies in {@code lib/}), as the build leaves it. Given by the system property {@value
 * #PROPERTY} ({@code bin/coffer} and the build set it), else found above the working directory.
 */
final class ExampleApp {
  static final String PROPERTY = "coffer.demo.app";
  private static final Path RELATIVE = Path.of("examples", "ml-workflow", "target", "app");

  private ExampleApp() {}

  static Optional<Path> locate() {
    String given = System.getProperty(PROPERTY);
    if (given != null && !given.isBlank()) {
      Path p = Path.of(given).toAbsolutePath().normalize();
      return usable(p) ? Optional.of(p) : Optional.empty();
    }
    for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
      if (usable(d.resolve(RELATIVE))) {
        return Optional.of(d.resolve(RELATIVE));
      }
    }
    return Optional.empty();
  }

  private static boolean usable(Path app) {
    return Files.isDirectory(app.resolve("lib"));
  }
}
