package io.coffer.policy.canonical;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.coffer.policy.model.Export;
import io.coffer.policy.model.Policy;
import io.coffer.policy.model.Secret;
import io.coffer.policy.model.Service;
import io.coffer.policy.model.Volume;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The parsed policy as JSON, with every default made explicit and nothing of its formatting: the
 * input of the canonical form ({@link PolicyHash}).
 *
 * <p>Field names are the YAML names. Services, secrets and volumes are sorted by name (they are
 * sets keyed by name); lists whose order matters (command, SANs, files, mounts) keep it; durations
 * are whole seconds; hex is lower case. A secret's {@code value} appears only as its SHA-256
 * ({@code value_sha256}): the canonical form is printed and its hash is public, the value is not.
 */
public final class PolicyJson {

  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private PolicyJson() {}

  public static ObjectNode of(Policy p) {
    ObjectNode o = F.objectNode();
    o.put("name", p.name().value());
    o.put("version", p.version());
    p.predecessor().ifPresent(h -> o.put("predecessor", h));
    ObjectNode access = o.putObject("access");
    access.set("read", Conditions.rule(p.access().read()));
    access.set("update", Conditions.rule(p.access().update()));
    access.set("create", Conditions.rule(p.access().create()));
    ArrayNode services = o.putArray("services");
    p.services().stream()
        .sorted(Comparator.comparing(Service::name))
        .forEach(s -> services.add(service(s)));
    ArrayNode secrets = o.putArray("secrets");
    p.secrets().stream()
        .sorted(Comparator.comparing(Secret::name))
        .forEach(s -> secrets.add(secret(s)));
    ArrayNode volumes = o.putArray("volumes");
    p.volumes().stream()
        .sorted(Comparator.comparing(Volume::name))
        .forEach(v -> volumes.add(volume(v)));
    o.set("security", Conditions.security(p.security()));
    return o;
  }

  private static ObjectNode service(Service s) {
    ObjectNode o = F.objectNode();
    o.put("name", s.name());
    o.set("identity", Conditions.identity(s.identity()));
    o.set("command", texts(s.command()));
    ObjectNode env = o.putObject("environment");
    for (Map.Entry<String, String> e : s.environment().entrySet()) {
      env.put(e.getKey(), e.getValue());
    }
    s.pwd().ifPresent(p -> o.put("pwd", p));
    ArrayNode files = o.putArray("files");
    for (Service.ServiceFile f : s.files()) {
      ObjectNode file = files.addObject();
      file.put("path", f.path());
      file.put("content", f.content());
      file.put("mode", f.mode());
    }
    ArrayNode volumes = o.putArray("volumes");
    for (Service.VolumeMount m : s.volumes()) {
      ObjectNode mount = volumes.addObject();
      mount.put("name", m.name());
      mount.put("path", m.path());
      mount.put("mode", m.readOnly() ? "ro" : "rw");
    }
    o.set("allow_host_args", texts(s.allowHostArgs()));
    o.set("allow_host_env", texts(s.allowHostEnv()));
    // Only when present: every policy written before fs_shield existed keeps its hash.
    s.fsShield()
        .ifPresent(fs -> {
          ObjectNode shield = o.putObject("fs_shield");
          shield.put("key", fs.key());
          shield.put("tag", fs.tag());
        });
    return o;
  }

  private static ObjectNode secret(Secret s) {
    ObjectNode o = F.objectNode();
    o.put("name", s.name());
    o.put("kind", s.kind().yamlName());
    s.size().ifPresent(n -> o.put("size", n));
    s.keyType().ifPresent(k -> o.put("key_type", k.yamlName()));
    s.x509()
        .ifPresent(x -> {
          x.issuer().ifPresent(i -> o.put("issuer", i));
          x.commonName().ifPresent(cn -> o.put("common_name", cn));
          o.set("san", texts(x.san()));
          x.endpoint().ifPresent(e -> o.put("endpoint", e.yamlName()));
          x.validFor().ifPresent(d -> o.put("valid_for_seconds", d.toSeconds()));
        });
    // The value itself never enters the canonical form (it is printed, logged and hashed into
    // public ledgers): its SHA-256 stands for it, so that a new value still changes the hash.
    s.value()
        .ifPresent(
            v -> o.put("value_sha256", PolicyHash.sha256Hex(v.getBytes(StandardCharsets.UTF_8))));
    o.put("migrate", s.migrate());
    o.set("export", exports(s.export()));
    s.importFrom()
        .ifPresent(i -> {
          ObjectNode imp = o.putObject("import");
          imp.put("policy", i.policy().value());
          imp.put("secret", i.secret());
          i.policyHash().ifPresent(h -> imp.put("policy_hash", h));
        });
    ArrayNode reveal = o.putArray("reveal_to");
    s.revealTo().stream().map(Object::toString).sorted().distinct().forEach(reveal::add);
    return o;
  }

  private static ObjectNode volume(Volume v) {
    ObjectNode o = F.objectNode();
    o.put("name", v.name());
    o.set("export", exports(v.export()));
    v.importFrom()
        .ifPresent(i -> {
          ObjectNode imp = o.putObject("import");
          imp.put("policy", i.policy().value());
          imp.put("volume", i.volume());
        });
    return o;
  }

  private static ArrayNode exports(List<Export> exports) {
    ArrayNode a = F.arrayNode();
    exports.stream()
        .map(e -> {
          ObjectNode o = F.objectNode();
          o.put("policy", e.policy().value());
          e.policyHash().ifPresent(h -> o.put("policy_hash", h));
          ArrayNode services = o.putArray("services");
          e.services().stream().sorted().distinct().forEach(services::add);
          return o;
        })
        .sorted(Comparator.comparing(JsonNode::toString))
        .forEach(a::add);
    return a;
  }

  static ArrayNode texts(List<String> values) {
    ArrayNode a = F.arrayNode();
    values.forEach(a::add);
    return a;
  }
}
