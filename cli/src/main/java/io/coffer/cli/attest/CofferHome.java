package io.coffer.cli.attest;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Coffer's per-user state directory, and the files in it that more than one component uses.
 *
 * <p>Located, first match wins, by:
 *
 * <ol>
 *   <li>the Java system property {@value #PROPERTY} (tests, and {@code COFFER_JAVA_OPTS}, point it
 *       at a temporary directory without touching the real one);
 *   <li>the environment variable {@value #ENVIRONMENT_VARIABLE};
 *   <li>{@code .coffer} in the user's home directory.
 * </ol>
 *
 * <p>An empty value counts as unset. Nothing is created here: whoever writes a file creates its
 * directories.
 *
 * <p>Depends on nothing but the JDK, so that the runtime and the CAS can share it.
 *
 * @param directory the absolute, normalised directory
 */
public record CofferHome(Path directory) {

  /** The system property that overrides every other way of locating the home. */
  public static final String PROPERTY = "coffer.home";

  /** The environment variable that names the home. */
  public static final String ENVIRONMENT_VARIABLE = "COFFER_HOME";

  public CofferHome {
    directory = Objects.requireNonNull(directory, "directory").toAbsolutePath().normalize();
  }

  /** The home of this process, from its system properties and environment. */
  public static CofferHome locate() {
    return locate(System::getProperty, System.getenv());
  }

  /** The home given these system properties and this environment. */
  static CofferHome locate(
      UnaryOperator<String> systemProperties, Map<String, String> environment) {
    String property = systemProperties.apply(PROPERTY);
    if (property != null && !property.isEmpty()) {
      return new CofferHome(Path.of(property));
    }
    String variable = environment.get(ENVIRONMENT_VARIABLE);
    if (variable != null && !variable.isEmpty()) {
      return new CofferHome(Path.of(variable));
    }
    return new CofferHome(Path.of(systemProperties.apply("user.home"), ".coffer"));
  }

  /**
   * The local simulated platform's key file ({@code simulation/platform.pem}): whoever holds it can
   * produce simulated evidence, and whoever verifies on this machine trusts its public key.
   */
  public Path simulatedPlatformKey() {
    return directory.resolve("simulation").resolve("platform.pem");
  }
}
