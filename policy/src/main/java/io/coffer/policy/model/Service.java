package io.coffer.policy.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A service: which attested code may run as it, and what it is given.
 *
 * @param name unique in the policy
 * @param identity the attested identities it may have
 * @param command the program and its arguments (placeholders allowed)
 * @param environment environment variables (placeholders allowed in values)
 * @param pwd the working directory
 * @param files files written for it (placeholders allowed in content)
 * @param volumes volumes mounted into it
 * @param allowHostArgs arguments the host may add, exactly as listed
 * @param allowHostEnv environment variables the host may set, by name
 */
public record Service(
    String name,
    ServiceIdentity identity,
    List<String> command,
    Map<String, String> environment,
    Optional<String> pwd,
    List<ServiceFile> files,
    List<VolumeMount> volumes,
    List<String> allowHostArgs,
    List<String> allowHostEnv) {

  public Service {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(identity, "identity");
    command = List.copyOf(command);
    environment = java.util.Collections.unmodifiableMap(new TreeMap<>(environment));
    Objects.requireNonNull(pwd, "pwd");
    files = List.copyOf(files);
    volumes = List.copyOf(volumes);
    allowHostArgs = List.copyOf(allowHostArgs);
    allowHostEnv = List.copyOf(allowHostEnv);
  }

  /**
   * A file given to the service.
   *
   * @param path absolute path
   * @param content its content (placeholders allowed)
   * @param mode permission bits, 0 to 0777
   */
  public record ServiceFile(String path, String content, int mode) {
    public ServiceFile {
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(content, "content");
      if (mode < 0 || mode > 0777) {
        throw new IllegalArgumentException("mode must be between 0 and 0777");
      }
    }
  }

  /**
   * A volume mounted into the service.
   *
   * @param name a volume of the policy
   * @param path absolute mount path
   * @param readOnly {@code mode: ro}
   */
  public record VolumeMount(String name, String path, boolean readOnly) {
    public VolumeMount {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(path, "path");
    }
  }
}
