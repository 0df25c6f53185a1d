package io.coffer.runtime;

import io.coffer.fsshield.Tag;
import io.coffer.fsshield.TreeKey;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The parts of the configuration document a run uses, read by {@link ConfigurationJson}. It holds
 * secret values (command, environment, file contents, keys): {@link #toString()} shows none.
 *
 * @param policy the policy the workload was admitted under
 * @param service the service
 * @param command the program and its arguments, placeholders substituted
 * @param environment the program's environment, placeholders substituted
 * @param pwd the working directory, when the policy names one
 * @param files the files to write
 * @param allowHostArguments the host arguments the program may receive, exactly as listed
 * @param allowHostEnvironment the names of host variables the program may receive
 * @param volumes the volumes to mount
 * @param image the protected image tree's key and tag, when the service has one
 */
record RunConfiguration(
    String policy,
    String service,
    List<String> command,
    Map<String, String> environment,
    Optional<String> pwd,
    List<InjectedFile> files,
    List<String> allowHostArguments,
    Set<String> allowHostEnvironment,
    List<VolumeMount> volumes,
    Optional<ProtectedImage> image) {

  RunConfiguration {
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(service, "service");
    command = List.copyOf(command);
    if (command.isEmpty()) {
      throw new IllegalArgumentException("command: empty");
    }
    environment = Collections.unmodifiableMap(new LinkedHashMap<>(environment));
    Objects.requireNonNull(pwd, "pwd");
    files = List.copyOf(files);
    allowHostArguments = List.copyOf(allowHostArguments);
    allowHostEnvironment = Set.copyOf(allowHostEnvironment);
    volumes = List.copyOf(volumes);
    Objects.requireNonNull(image, "image");
  }

  @Override
  public String toString() {
    return "RunConfiguration["
        + policy
        + "/"
        + service
        + ", "
        + files.size()
        + " files, "
        + volumes.size()
        + " volumes, values redacted]";
  }

  /**
   * A file the policy injects.
   *
   * @param path its absolute path
   * @param mode its permission bits (at most 0777)
   * @param content its content, placeholders substituted: may be secret
   */
  record InjectedFile(String path, int mode, byte[] content) {
    InjectedFile {
      Objects.requireNonNull(path, "path");
      if (mode < 0 || mode > 0777) {
        throw new IllegalArgumentException(
            "mode " + Integer.toOctalString(mode) + " is not 0-0777");
      }
      content = content.clone();
    }

    @Override
    public byte[] content() {
      return content.clone();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof InjectedFile f
          && f.path.equals(path)
          && f.mode == mode
          && java.security.MessageDigest.isEqual(f.content, content);
    }

    @Override
    public int hashCode() {
      return Objects.hash(path, mode);
    }

    @Override
    public String toString() {
      return "InjectedFile[" + path + ", mode " + Integer.toOctalString(mode) + ", redacted]";
    }
  }

  /**
   * A volume the service mounts.
   *
   * @param name its name in the service's policy (the name the tag is reported under)
   * @param path where it is mounted
   * @param readOnly whether it is mounted read-only (never re-sealed)
   * @param key its key
   * @param tag its current tag, empty before the first write
   * @param generation the tag's generation, 0 before the first write
   * @param ownerPolicy the policy that owns it (the exporter of an imported volume)
   * @param ownerVolume its name in the owning policy
   */
  record VolumeMount(
      String name,
      String path,
      boolean readOnly,
      TreeKey key,
      Optional<Tag> tag,
      long generation,
      String ownerPolicy,
      String ownerVolume) {
    VolumeMount {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(tag, "tag");
      Objects.requireNonNull(ownerPolicy, "ownerPolicy");
      Objects.requireNonNull(ownerVolume, "ownerVolume");
      if (generation < 0 || (generation == 0) != tag.isEmpty()) {
        throw new IllegalArgumentException(
            "volume " + name + ": generation 0 exactly when it has no tag yet");
      }
    }
  }

  /**
   * The service's protected image tree.
   *
   * @param key its key
   * @param tag its expected tag
   */
  record ProtectedImage(TreeKey key, Tag tag) {
    ProtectedImage {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(tag, "tag");
    }
  }
}
