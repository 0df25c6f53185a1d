package io.coffer.policy.parse;

import io.coffer.policy.model.Service;
import io.coffer.policy.model.ServiceIdentity;
import io.coffer.policy.yaml.YamlNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Reads {@code services[i]}. */
final class ServiceReader {

  static final int MAX_ARGS = 256;
  static final int MAX_ENV = 256;
  static final int MAX_FILES = 256;
  static final int MAX_FILE_CHARS = 256 * 1024;

  private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,127}");
  private static final Pattern MODE = Pattern.compile("0?[0-7]{3}");
  private static final Pattern TAG = Pattern.compile("[0-9a-fA-F]{64}");

  private ServiceReader() {}

  static Optional<Service> read(Fields f, Problems problems) {
    Optional<String> name = f.localName("name", true);
    Optional<ServiceIdentity> identity =
        f.required("identity").flatMap(n -> IdentityReader.read(n, f.child("identity"), problems));
    List<String> command = bounded(f, "command", MAX_ARGS, problems);
    if (f.has("command") && command.isEmpty() && f.value("command").isPresent()) {
      problems.add(f.at("command"), f.child("command"), "must name a program");
    }
    Map<String, String> environment = environment(f, problems);
    Optional<String> pwd = f.text("pwd", false);
    pwd.ifPresent(p -> absolute(f, "pwd", p, problems));
    List<Service.ServiceFile> files = files(f, problems);
    List<Service.VolumeMount> volumes = mounts(f, problems);
    List<String> allowHostArgs = bounded(f, "allow_host_args", MAX_ARGS, problems);
    List<String> allowHostEnv = bounded(f, "allow_host_env", MAX_ENV, problems);
    for (String e : allowHostEnv) {
      if (!ENV_NAME.matcher(e).matches()) {
        problems.add(
            f.at("allow_host_env"),
            f.child("allow_host_env"),
            "'" + e + "' is not an environment variable name");
      }
    }
    Optional<Service.FsShield> fsShield = fsShield(f, problems);
    f.finish();
    if (name.isEmpty() || identity.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new Service(
            name.get(),
            identity.get(),
            command,
            environment,
            pwd,
            files,
            volumes,
            allowHostArgs,
            allowHostEnv,
            fsShield));
  }

  /**
   * {@code fs_shield}: {@code key}, a secret's name (checked by {@link References}), and {@code
   * tag}, the 64 hex digits {@code coffer fs seal} printed.
   */
  private static Optional<Service.FsShield> fsShield(Fields f, Problems problems) {
    Optional<Fields> shield = f.fields("fs_shield", false);
    if (shield.isEmpty()) {
      return Optional.empty();
    }
    Fields s = shield.get();
    Optional<String> key = s.localName("key", true);
    Optional<String> tag = s.text("tag", true);
    tag.filter(t -> !TAG.matcher(t).matches())
        .ifPresent(t ->
            problems.add(
                s.at("tag"), s.child("tag"), "must be 64 hex characters, not " + quoted(t)));
    s.finish();
    if (key.isEmpty()
        || tag.isEmpty()
        || Names.localProblem(key.get()) != null
        || !TAG.matcher(tag.get()).matches()) {
      return Optional.empty();
    }
    return Optional.of(new Service.FsShield(key.get(), tag.get()));
  }

  /** A bounded quotation of a bad value, so that a long value does not flood the message. */
  private static String quoted(String value) {
    return value.length() <= 80 ? "'" + value + "'" : "a text of " + value.length() + " characters";
  }

  private static List<String> bounded(Fields f, String key, int max, Problems problems) {
    List<String> values = f.texts(key);
    if (values.size() > max) {
      problems.add(f.at(key), f.child(key), "has at most " + max + " items");
    }
    return values;
  }

  private static Map<String, String> environment(Fields f, Problems problems) {
    Map<String, String> out = new LinkedHashMap<>();
    Optional<Fields> env = f.fields("environment", false);
    if (env.isEmpty()) {
      return out;
    }
    YamlNode.Mapping m = (YamlNode.Mapping) env.get().node();
    if (m.entries().size() > MAX_ENV) {
      problems.add(m, env.get().path(), "has at most " + MAX_ENV + " variables");
    }
    for (YamlNode.Entry e : m.entries()) {
      String key = e.key().value();
      String path = env.get().child(key);
      if (!ENV_NAME.matcher(key).matches()) {
        problems.add(e.key(), path, "'" + key + "' is not an environment variable name");
      }
      env.get().value(key);
      Fields.text(e.value(), path, problems).ifPresent(v -> out.put(key, v));
    }
    env.get().finish();
    return out;
  }

  private static List<Service.ServiceFile> files(Fields f, Problems problems) {
    List<Service.ServiceFile> out = new ArrayList<>();
    List<YamlNode> items = f.list("files");
    if (items.size() > MAX_FILES) {
      problems.add(f.at("files"), f.child("files"), "has at most " + MAX_FILES + " files");
    }
    for (int i = 0; i < items.size(); i++) {
      Fields.of(items.get(i), f.child("files") + "[" + i + "]", problems)
          .ifPresent(file -> {
            Optional<String> path = file.text("path", true);
            path.ifPresent(p -> absolute(file, "path", p, problems));
            Optional<String> content = file.text("content", true);
            content.ifPresent(c -> {
              if (c.length() > MAX_FILE_CHARS) {
                problems.add(
                    file.at("content"),
                    file.child("content"),
                    "has at most " + MAX_FILE_CHARS + " characters");
              }
            });
            int mode = mode(file, problems);
            file.finish();
            if (path.isPresent() && content.isPresent() && mode >= 0) {
              out.add(new Service.ServiceFile(path.get(), content.get(), mode));
            }
          });
    }
    return out;
  }

  /** {@code mode}: octal text such as {@code "0600"} or {@code "644"}; default 0600. */
  private static int mode(Fields file, Problems problems) {
    Optional<YamlNode> v = file.value("mode");
    if (v.isEmpty()) {
      return 0600;
    }
    if (v.get() instanceof YamlNode.Scalar s && MODE.matcher(s.value()).matches()) {
      return Integer.parseInt(s.value(), 8);
    }
    problems.add(
        v.get(),
        file.child("mode"),
        "must be octal permission bits such as \"0600\", not " + Fields.describe(v.get()));
    return -1;
  }

  private static List<Service.VolumeMount> mounts(Fields f, Problems problems) {
    List<Service.VolumeMount> out = new ArrayList<>();
    List<YamlNode> items = f.list("volumes");
    for (int i = 0; i < items.size(); i++) {
      Fields.of(items.get(i), f.child("volumes") + "[" + i + "]", problems)
          .ifPresent(v -> {
            Optional<String> name = v.text("name", true);
            Optional<String> path = v.text("path", true);
            path.ifPresent(p -> absolute(v, "path", p, problems));
            Optional<String> mode = v.text("mode", false);
            boolean ok = true;
            if (mode.isPresent() && !mode.get().equals("ro") && !mode.get().equals("rw")) {
              problems.add(
                  v.at("mode"), v.child("mode"), "must be ro or rw, not '" + mode.get() + "'");
              ok = false;
            }
            v.finish();
            if (name.isPresent() && path.isPresent() && ok) {
              out.add(
                  new Service.VolumeMount(
                      name.get(), path.get(), mode.map("ro"::equals).orElse(false)));
            }
          });
    }
    return out;
  }

  private static void absolute(Fields f, String key, String path, Problems problems) {
    if (!path.startsWith("/") || path.contains("\0") || List.of(path.split("/")).contains("..")) {
      problems.add(
          f.at(key), f.child(key), "must be an absolute path without '..', not '" + path + "'");
    }
  }
}
