package io.coffer.runtime;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.coffer.fsshield.Tag;
import io.coffer.fsshield.TreeKey;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/** A hand-made configuration document, as the CAS's Provisioning writes it (docs/protocol.md). */
final class TestConfiguration {

  static final ObjectMapper JSON = new ObjectMapper();

  final ObjectNode root = JSON.createObjectNode();

  TestConfiguration(List<String> command) {
    root.put("version", 1);
    root.put("policy", "apps/web");
    root.put("policy_hash", "ab".repeat(32));
    root.put("service", "api");
    ArrayNode c = root.putArray("command");
    command.forEach(c::add);
    root.putObject("environment");
    root.putNull("pwd");
    root.putArray("files");
    root.putArray("allow_host_args");
    root.putArray("allow_host_env");
    root.putArray("volumes");
    root.putNull("fs_shield");
    ObjectNode tls = root.putObject("tls");
    tls.put("spiffe_id", "spiffe://cas.test/apps/web/api");
    tls.putArray("certificate_chain");
    tls.putArray("ca_bundle");
    root.put("attestation_result", "a.b.c");
    root.putArray("secret_bearing");
  }

  /** {@code /bin/sh -c script sh}. */
  static TestConfiguration shell(String script) {
    return new TestConfiguration(List.of("/bin/sh", "-c", script, "sh"));
  }

  TestConfiguration env(String name, String value) {
    ((ObjectNode) root.get("environment")).put(name, value);
    return this;
  }

  TestConfiguration pwd(String pwd) {
    root.put("pwd", pwd);
    return this;
  }

  TestConfiguration file(String path, int mode, String content) {
    ObjectNode f = ((ArrayNode) root.get("files")).addObject();
    f.put("path", path);
    f.put("mode", mode);
    f.put("content", content);
    return this;
  }

  TestConfiguration allowArg(String arg) {
    ((ArrayNode) root.get("allow_host_args")).add(arg);
    return this;
  }

  TestConfiguration allowEnv(String name) {
    ((ArrayNode) root.get("allow_host_env")).add(name);
    return this;
  }

  TestConfiguration volume(
      String name, String path, boolean readOnly, TreeKey key, Tag tag, long generation) {
    ObjectNode v = ((ArrayNode) root.get("volumes")).addObject();
    v.put("name", name);
    v.put("path", path);
    v.put("read_only", readOnly);
    v.put("key", Base64.getEncoder().encodeToString(key.bytes()));
    if (tag == null) {
      v.putNull("tag");
    } else {
      v.put("tag", tag.hex());
    }
    v.put("generation", generation);
    return this;
  }

  TestConfiguration image(TreeKey key, Tag tag) {
    ObjectNode fs = root.putObject("fs_shield");
    fs.put("key", Base64.getEncoder().encodeToString(key.bytes()));
    fs.put("tag", tag.hex());
    return this;
  }

  byte[] bytes() {
    return root.toString().getBytes(StandardCharsets.UTF_8);
  }
}
