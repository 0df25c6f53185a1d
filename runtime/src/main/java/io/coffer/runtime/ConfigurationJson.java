package io.coffer.runtime;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.coffer.fsshield.Tag;
import io.coffer.fsshield.TreeKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the configuration document (docs/protocol.md, "The configuration document", version 1)
 * strictly: unknown members are refused, every member has its type, counts and sizes are capped.
 * Errors name the member's path and never quote a value (values may be secrets).
 */
final class ConfigurationJson {

  /** The largest document read. */
  static final int MAX_DOCUMENT_BYTES = 16 << 20;

  /** The most entries of each list or map. */
  static final int MAX_ENTRIES = 4096;

  private static final Set<String> TOP =
      Set.of(
          "version",
          "policy",
          "policy_hash",
          "service",
          "command",
          "environment",
          "pwd",
          "files",
          "allow_host_args",
          "allow_host_env",
          "volumes",
          "fs_shield",
          "tls",
          "attestation_result",
          "secret_bearing");
  private static final Set<String> FILE = Set.of("path", "mode", "content");
  private static final Set<String> VOLUME =
      Set.of(
          "name", "path", "read_only", "key", "tag", "generation", "owner_policy", "owner_volume");
  private static final Set<String> IMAGE = Set.of("key", "tag");

  /** A policy name: {@code /}-separated segments, none {@code .} or {@code ..} (docs/policy.md). */
  private static final Pattern POLICY =
      Pattern.compile(
          "(?!\\.{1,2}(?:/|$))[A-Za-z0-9._~-]+(?:/(?!\\.{1,2}(?:/|$))[A-Za-z0-9._~-]+)*");

  /** A local name: a volume's or a service's. */
  private static final Pattern LOCAL = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

  private static final Pattern TAG = Pattern.compile("[0-9a-f]{64}");

  private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,127}");

  private static final ObjectMapper JSON =
      JsonMapper.builder()
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  static {
    JSON.getFactory()
        .setStreamReadConstraints(
            StreamReadConstraints.builder()
                .maxNestingDepth(16)
                .maxStringLength(MAX_DOCUMENT_BYTES)
                .build());
  }

  private ConfigurationJson() {}

  /**
   * Reads a configuration document.
   *
   * @throws RunException {@link RunException.Reason#CONFIGURATION_INVALID} naming the member
   */
  static RunConfiguration parse(byte[] document) throws RunException {
    if (document.length > MAX_DOCUMENT_BYTES) {
      throw invalid("the document", "larger than " + MAX_DOCUMENT_BYTES + " bytes");
    }
    JsonNode root;
    try {
      root = JSON.readTree(document);
    } catch (IOException e) {
      throw new RunException(
          RunException.Reason.CONFIGURATION_INVALID, "the configuration is not JSON", e);
    }
    if (root == null || !root.isObject()) {
      throw invalid("the document", "not a JSON object");
    }
    members(root, TOP, "");
    JsonNode version = root.get("version");
    if (version == null || !version.isInt() || version.intValue() != 1) {
      throw invalid("version", "not 1");
    }
    String policy = text(root, "policy", "");
    if (!POLICY.matcher(policy).matches()) {
      throw invalid("policy", "not a policy name");
    }
    String service = text(root, "service", "");
    List<String> command = texts(root, "command", "");
    if (command.isEmpty()) {
      throw invalid("command", "empty");
    }
    Map<String, String> environment = new LinkedHashMap<>();
    JsonNode env = object(root, "environment", "");
    for (Map.Entry<String, JsonNode> e : env.properties()) {
      if (!ENV_NAME.matcher(e.getKey()).matches()) {
        throw invalid("environment", "a name is not a variable name");
      }
      if (!e.getValue().isTextual()) {
        throw invalid("environment/" + e.getKey(), "not a string");
      }
      environment.put(e.getKey(), e.getValue().textValue());
    }
    cap(environment.size(), "environment");
    Optional<String> pwd = optionalText(root, "pwd", "");
    List<RunConfiguration.InjectedFile> files = new ArrayList<>();
    JsonNode fileNodes = array(root, "files", "");
    for (int i = 0; i < fileNodes.size(); i++) {
      files.add(file(fileNodes.get(i), "files/" + i + "/"));
    }
    List<String> allowArgs = texts(root, "allow_host_args", "");
    Set<String> allowEnv = new LinkedHashSet<>(texts(root, "allow_host_env", ""));
    List<RunConfiguration.VolumeMount> volumes = new ArrayList<>();
    JsonNode volumeNodes = array(root, "volumes", "");
    for (int i = 0; i < volumeNodes.size(); i++) {
      volumes.add(volume(volumeNodes.get(i), policy, "volumes/" + i + "/"));
    }
    Optional<RunConfiguration.ProtectedImage> image = Optional.empty();
    JsonNode fs = root.get("fs_shield");
    if (fs == null) {
      throw invalid("fs_shield", "missing");
    }
    if (!fs.isNull()) {
      if (!fs.isObject()) {
        throw invalid("fs_shield", "not an object or null");
      }
      members(fs, IMAGE, "fs_shield/");
      image =
          Optional.of(
              new RunConfiguration.ProtectedImage(
                  key(fs, "fs_shield/"), tag(text(fs, "tag", "fs_shield/"), "fs_shield/tag")));
    }
    return new RunConfiguration(
        policy, service, command, environment, pwd, files, allowArgs, allowEnv, volumes, image);
  }

  private static RunConfiguration.InjectedFile file(JsonNode n, String at) throws RunException {
    if (!n.isObject()) {
      throw invalid(at, "not an object");
    }
    members(n, FILE, at);
    JsonNode mode = n.get("mode");
    if (mode == null || !mode.isInt() || mode.intValue() < 0 || mode.intValue() > 0777) {
      throw invalid(at + "mode", "not an integer from 0 to 0777 (511)");
    }
    return new RunConfiguration.InjectedFile(
        text(n, "path", at),
        mode.intValue(),
        text(n, "content", at).getBytes(StandardCharsets.UTF_8));
  }

  private static RunConfiguration.VolumeMount volume(JsonNode n, String policy, String at)
      throws RunException {
    if (!n.isObject()) {
      throw invalid(at, "not an object");
    }
    members(n, VOLUME, at);
    String name = text(n, "name", at);
    if (!LOCAL.matcher(name).matches()) {
      throw invalid(at + "name", "not a volume name");
    }
    JsonNode readOnly = n.get("read_only");
    if (readOnly == null || !readOnly.isBoolean()) {
      throw invalid(at + "read_only", "not a boolean");
    }
    Optional<String> tagText = optionalText(n, "tag", at);
    Optional<Tag> tag =
        tagText.isPresent() ? Optional.of(tag(tagText.get(), at + "tag")) : Optional.empty();
    JsonNode generation = n.get("generation");
    if (generation == null
        || !generation.canConvertToExactIntegral()
        || generation.longValue() < 0) {
      throw invalid(at + "generation", "not a non-negative integer");
    }
    if ((generation.longValue() == 0) != tag.isEmpty()) {
      throw invalid(at + "generation", "not 0 exactly when the tag is null");
    }
    String ownerPolicy = n.has("owner_policy") ? text(n, "owner_policy", at) : policy;
    if (!POLICY.matcher(ownerPolicy).matches()) {
      throw invalid(at + "owner_policy", "not a policy name");
    }
    String ownerVolume = n.has("owner_volume") ? text(n, "owner_volume", at) : name;
    if (!LOCAL.matcher(ownerVolume).matches()) {
      throw invalid(at + "owner_volume", "not a volume name");
    }
    return new RunConfiguration.VolumeMount(
        name,
        text(n, "path", at),
        readOnly.booleanValue(),
        key(n, at),
        tag,
        generation.longValue(),
        ownerPolicy,
        ownerVolume);
  }

  private static TreeKey key(JsonNode n, String at) throws RunException {
    String text = text(n, "key", at);
    byte[] raw;
    try {
      raw = Base64.getDecoder().decode(text);
    } catch (IllegalArgumentException e) {
      throw invalid(at + "key", "not base64");
    }
    if (raw.length != TreeKey.SIZE_BYTES) {
      throw invalid(at + "key", "not " + TreeKey.SIZE_BYTES + " bytes");
    }
    try {
      return TreeKey.of(raw);
    } finally {
      java.util.Arrays.fill(raw, (byte) 0);
    }
  }

  private static Tag tag(String hex, String at) throws RunException {
    if (!TAG.matcher(hex).matches()) {
      throw invalid(at, "not 64 lower-case hex characters");
    }
    return Tag.parse(hex);
  }

  private static void members(JsonNode n, Set<String> known, String at) throws RunException {
    for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      if (!known.contains(name)) {
        throw invalid(at + name, "unknown member");
      }
    }
  }

  private static String text(JsonNode n, String member, String at) throws RunException {
    JsonNode v = n.get(member);
    if (v == null || !v.isTextual()) {
      throw invalid(at + member, "missing or not a string");
    }
    return v.textValue();
  }

  private static Optional<String> optionalText(JsonNode n, String member, String at)
      throws RunException {
    JsonNode v = n.get(member);
    if (v == null) {
      throw invalid(at + member, "missing");
    }
    if (v.isNull()) {
      return Optional.empty();
    }
    if (!v.isTextual()) {
      throw invalid(at + member, "not a string or null");
    }
    return Optional.of(v.textValue());
  }

  private static JsonNode object(JsonNode n, String member, String at) throws RunException {
    JsonNode v = n.get(member);
    if (v == null || !v.isObject()) {
      throw invalid(at + member, "missing or not an object");
    }
    return v;
  }

  private static JsonNode array(JsonNode n, String member, String at) throws RunException {
    JsonNode v = n.get(member);
    if (v == null || !v.isArray()) {
      throw invalid(at + member, "missing or not an array");
    }
    cap(v.size(), at + member);
    return v;
  }

  private static List<String> texts(JsonNode n, String member, String at) throws RunException {
    JsonNode v = array(n, member, at);
    List<String> out = new ArrayList<>(v.size());
    for (int i = 0; i < v.size(); i++) {
      if (!v.get(i).isTextual()) {
        throw invalid(at + member + "/" + i, "not a string");
      }
      out.add(v.get(i).textValue());
    }
    return out;
  }

  private static void cap(int size, String at) throws RunException {
    if (size > MAX_ENTRIES) {
      throw invalid(at, "more than " + MAX_ENTRIES + " entries");
    }
  }

  private static RunException invalid(String at, String what) {
    return new RunException(
        RunException.Reason.CONFIGURATION_INVALID, "configuration: " + at + ": " + what);
  }
}
