package io.coffer.policy.parse;

import io.coffer.policy.PolicyException;
import io.coffer.policy.model.Policy;
import io.coffer.policy.model.PolicyName;
import io.coffer.policy.model.Secret;
import io.coffer.policy.model.Security;
import io.coffer.policy.model.Service;
import io.coffer.policy.model.Volume;
import io.coffer.policy.yaml.StrictYaml;
import io.coffer.policy.yaml.YamlNode;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Parses and validates a policy: strict YAML ({@link StrictYaml}), then every field and every
 * reference, collecting all problems so that one run reports everything wrong.
 */
public final class PolicyParser {

  /** The most services, secrets or volumes in one policy. */
  public static final int MAX_ITEMS = 10_000;

  private PolicyParser() {}

  /**
   * The policy in {@code bytes} (UTF-8).
   *
   * @param file the file name for problems
   * @throws PolicyException with every problem found
   */
  public static Policy parse(String file, byte[] bytes) throws PolicyException {
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
    } catch (CharacterCodingException e) {
      throw new PolicyException(
          List.of(new io.coffer.policy.Problem(file, 0, 0, "", "the file is not UTF-8 text")));
    }
    return parse(file, text);
  }

  /**
   * The policy in {@code text}.
   *
   * @param file the file name for problems
   * @throws PolicyException with every problem found
   */
  public static Policy parse(String file, String text) throws PolicyException {
    YamlNode root = StrictYaml.read(file, text);
    Problems problems = new Problems(file);
    Optional<Policy> policy = Fields.of(root, "", problems).flatMap(f -> policy(root, f, problems));
    if (!problems.isEmpty() || policy.isEmpty()) {
      throw new PolicyException(problems.sorted());
    }
    return policy.get();
  }

  private static Optional<Policy> policy(YamlNode root, Fields f, Problems problems) {
    Optional<PolicyName> name = SecretReader.policyName(f, "name", problems);
    var version = f.integer("version", true, Policy.LANGUAGE_VERSION, Policy.LANGUAGE_VERSION);
    Optional<String> predecessor = SecretReader.hash(f, "predecessor", problems);
    Optional<Policy.Access> access = AccessReader.read(f, problems);
    List<References.At<Service>> services = items(f, "services", ServiceReader::read, problems);
    List<References.At<Secret>> secrets = items(f, "secrets", SecretReader::read, problems);
    List<References.At<Volume>> volumes = items(f, "volumes", VolumeReader::read, problems);
    Optional<Security> security = SecurityReader.read(f, problems);
    f.finish();
    References.check(
        root, services, secrets, volumes, declared(f, "secrets"), declared(f, "volumes"), problems);
    if (!problems.isEmpty()
        || name.isEmpty()
        || version.isEmpty()
        || access.isEmpty()
        || security.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new Policy(
            name.get(),
            (int) version.getAsLong(),
            predecessor,
            access.get(),
            services.stream().map(References.At::item).toList(),
            secrets.stream().map(References.At::item).toList(),
            volumes.stream().map(References.At::item).toList(),
            security.get()));
  }

  /**
   * The names given in a list, valid items or not: a reference to an item that has its own problems
   * is not reported again as dangling.
   */
  private static java.util.Set<String> declared(Fields f, String key) {
    java.util.Set<String> names = new java.util.HashSet<>();
    if (f.node() instanceof YamlNode.Mapping m
        && m.entry(key).map(YamlNode.Entry::value).orElse(null) instanceof YamlNode.Sequence seq) {
      for (YamlNode item : seq.items()) {
        if (item instanceof YamlNode.Mapping im
            && im.entry("name").map(YamlNode.Entry::value).orElse(null)
                instanceof YamlNode.Scalar name) {
          names.add(name.value());
        }
      }
    }
    return names;
  }

  /** A reader of one list item. */
  private interface ItemReader<T> {
    Optional<T> read(Fields f, Problems problems);
  }

  private static <T> List<References.At<T>> items(
      Fields f, String key, ItemReader<T> reader, Problems problems) {
    List<References.At<T>> out = new ArrayList<>();
    List<YamlNode> nodes = f.list(key);
    if (nodes.size() > MAX_ITEMS) {
      problems.add(f.at(key), f.child(key), "has at most " + MAX_ITEMS + " items");
      return out;
    }
    for (int i = 0; i < nodes.size(); i++) {
      String path = f.child(key) + "[" + i + "]";
      YamlNode node = nodes.get(i);
      Fields.of(node, path, problems)
          .flatMap(item -> reader.read(item, problems))
          .ifPresent(item -> out.add(new References.At<>(item, node, path)));
    }
    return out;
  }
}
