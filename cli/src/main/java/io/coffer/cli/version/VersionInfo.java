package io.coffer.cli.version;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Objects;
import java.util.Properties;

/**
 * The version of this Coffer build and of the Java runtime it runs on.
 *
 * @param version the Coffer version, as built by Maven
 * @param javaVersion the running JVM's version ({@code java.runtime.version})
 * @param javaVendor the running JVM's vendor
 * @param os the operating system name
 * @param arch the CPU architecture
 */
public record VersionInfo(
    String version, String javaVersion, String javaVendor, String os, String arch) {

  private static final String RESOURCE = "/io/coffer/cli/version.properties";

  public VersionInfo {
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(javaVersion, "javaVersion");
    Objects.requireNonNull(javaVendor, "javaVendor");
    Objects.requireNonNull(os, "os");
    Objects.requireNonNull(arch, "arch");
  }

  /** Reads the build's version resource and the running JVM's properties. */
  public static VersionInfo current() {
    Properties build = new Properties();
    try (InputStream in = VersionInfo.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("version resource missing from the build: " + RESOURCE);
      }
      build.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
    String version = build.getProperty("version");
    if (version == null || version.isBlank() || version.startsWith("${")) {
      throw new IllegalStateException(
          "version resource was not filtered by the build: " + RESOURCE);
    }
    return new VersionInfo(
        version,
        System.getProperty("java.runtime.version", "unknown"),
        System.getProperty("java.vendor", "unknown"),
        System.getProperty("os.name", "unknown"),
        System.getProperty("os.arch", "unknown"));
  }

  /** The lines {@code coffer --version} prints. */
  public String[] lines() {
    return new String[] {
      "coffer " + version, "Java " + javaVersion + " (" + javaVendor + ") on " + os + " " + arch
    };
  }
}
