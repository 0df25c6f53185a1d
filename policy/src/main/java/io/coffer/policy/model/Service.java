package io.coffer.policy.model;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

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
 * @param fsShield the protected image tree it unseals at start, if it has one
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
    List<String> allowHostEnv,
    Optional<FsShield> fsShield) {

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
    Objects.requireNonNull(fsShield, "fsShield");
  }

  /** A service without a protected image tree. */
  public Service(
      String name,
      ServiceIdentity identity,
      List<String> command,
      Map<String, String> environment,
      Optional<String> pwd,
      List<ServiceFile> files,
      List<VolumeMount> volumes,
      List<String> allowHostArgs,
      List<String> allowHostEnv) {
    this(
        name,
        identity,
        command,
        environment,
        pwd,
        files,
        volumes,
        allowHostArgs,
        allowHostEnv,
        Optional.empty());
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

  /**
   * The protected image tree of a service ({@code fs_shield}): the tree the file-system shield
   * sealed, which the workload unseals with the key and expected tag of its configuration.
   *
   * <p>Security guarantees: the tag pins one sealed version of the tree, so that an older or
   * altered tree is refused at start; the key is named here, never held (the CAS releases its value
   * to admitted workloads only).
   *
   * @param key the name of a secret of the policy: {@code binary}, 32 bytes
   * @param tag the tree's tag, the SHA-256 of its sealed manifest: 64 hex digits, stored lower case
   */
  public record FsShield(String key, String tag) {

    /** The length of the key, in bytes. */
    public static final int KEY_BYTES = 32;

    private static final Pattern TAG = Pattern.compile("[0-9a-fA-F]{64}");

    /**
     * @throws InvalidValueException naming {@code key} or {@code tag} when it is malformed
     */
    public FsShield {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(tag, "tag");
      if (!LocalName.isValid(key)) {
        throw new InvalidValueException("key", "'" + key + "' is not a name of this policy");
      }
      if (!TAG.matcher(tag).matches()) {
        throw new InvalidValueException("tag", "must be 64 hex characters");
      }
      tag = tag.toLowerCase(Locale.ROOT);
    }
  }
}
