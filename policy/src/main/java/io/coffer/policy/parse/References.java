package io.coffer.policy.parse;

import io.coffer.policy.model.Placeholder;
import io.coffer.policy.model.Secret;
import io.coffer.policy.model.Service;
import io.coffer.policy.model.Volume;
import io.coffer.policy.yaml.YamlNode;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks what refers to what inside one policy: unique names, mounted volumes, certificate issuers
 * (existing, of kind {@code x509-ca}, without cycles), every placeholder's secret and format, and
 * the key of every protected image tree (a {@code binary} secret of 32 bytes).
 */
final class References {

  private References() {}

  /** A parsed item and where it was, for messages. */
  record At<T>(T item, YamlNode node, String path) {}

  static void check(
      YamlNode root,
      List<At<Service>> services,
      List<At<Secret>> secrets,
      List<At<Volume>> volumes,
      Set<String> declaredSecrets,
      Set<String> declaredVolumes,
      Problems problems) {
    unique(root, services, Service::name, "service", problems);
    Map<String, Secret> secretsByName = new LinkedHashMap<>();
    unique(root, secrets, Secret::name, "secret", problems)
        .forEach((n, s) -> secretsByName.put(n, s.item()));
    Map<String, At<Volume>> volumesByName = unique(root, volumes, Volume::name, "volume", problems);

    for (At<Secret> s : secrets) {
      s.item()
          .x509()
          .flatMap(Secret.X509::issuer)
          .ifPresent(issuer -> issuer(root, s, issuer, secretsByName, declaredSecrets, problems));
    }
    cycles(root, secrets, secretsByName, problems);

    for (At<Service> at : services) {
      Service s = at.item();
      for (int i = 0; i < s.volumes().size(); i++) {
        String v = s.volumes().get(i).name();
        if (!volumesByName.containsKey(v) && !declaredVolumes.contains(v)) {
          problems.add(
              Locate.node(root, at.path() + ".volumes[" + i + "].name"),
              at.path() + ".volumes[" + i + "].name",
              "no volume '" + v + "' in this policy");
        }
      }
      for (int i = 0; i < s.command().size(); i++) {
        placeholders(
            root,
            s.command().get(i),
            at,
            at.path() + ".command[" + i + "]",
            secretsByName,
            declaredSecrets,
            problems);
      }
      for (Map.Entry<String, String> e : s.environment().entrySet()) {
        placeholders(
            root,
            e.getValue(),
            at,
            at.path() + ".environment." + e.getKey(),
            secretsByName,
            declaredSecrets,
            problems);
      }
      for (int i = 0; i < s.files().size(); i++) {
        placeholders(
            root,
            s.files().get(i).content(),
            at,
            at.path() + ".files[" + i + "].content",
            secretsByName,
            declaredSecrets,
            problems);
      }
      s.fsShield()
          .ifPresent(fs ->
              fsShieldKey(
                  root,
                  fs.key(),
                  at.path() + ".fs_shield.key",
                  secretsByName,
                  declaredSecrets,
                  problems));
    }
  }

  /**
   * The key of a protected image tree: a {@code binary} secret of 32 bytes (its {@code size}, or
   * its given base64 {@code value} decoded). An imported secret's size is the exporter's, unknown
   * here: the CAS refuses to release one that is not 32 bytes.
   */
  private static void fsShieldKey(
      YamlNode root,
      String key,
      String path,
      Map<String, Secret> secrets,
      Set<String> declared,
      Problems problems) {
    Secret s = secrets.get(key);
    if (s == null && declared.contains(key)) {
      return;
    }
    if (s == null) {
      problems.add(Locate.node(root, path), path, "no secret '" + key + "' in this policy");
    } else if (s.kind() != Secret.Kind.BINARY) {
      problems.add(
          Locate.node(root, path),
          path,
          "'" + key + "' is of kind " + s.kind().yamlName() + ", not binary");
    } else if (s.importFrom().isEmpty() && bytes(s) != Service.FsShield.KEY_BYTES) {
      problems.add(
          Locate.node(root, path),
          path,
          "'"
              + key
              + "' must be "
              + Service.FsShield.KEY_BYTES
              + " bytes (a file-system shield key), not "
              + bytes(s));
    }
  }

  /** The bytes of a binary secret of this policy: its size, or its given value's; -1 if neither. */
  private static int bytes(Secret s) {
    if (s.size().isPresent()) {
      return s.size().getAsInt();
    }
    // SecretReader checked that a given binary value is base64.
    return s.value().map(v -> Base64.getDecoder().decode(v).length).orElse(-1);
  }

  private static <T> Map<String, At<T>> unique(
      YamlNode root,
      List<At<T>> items,
      java.util.function.Function<T, String> name,
      String what,
      Problems problems) {
    Map<String, At<T>> byName = new LinkedHashMap<>();
    for (At<T> at : items) {
      String n = name.apply(at.item());
      if (byName.putIfAbsent(n, at) != null) {
        problems.add(
            Locate.node(root, at.path() + ".name"),
            at.path() + ".name",
            "duplicate " + what + " name '" + n + "'");
      }
    }
    return byName;
  }

  private static void issuer(
      YamlNode root,
      At<Secret> s,
      String issuer,
      Map<String, Secret> secrets,
      Set<String> declared,
      Problems problems) {
    Secret i = secrets.get(issuer);
    String path = s.path() + ".issuer";
    if (i == null && declared.contains(issuer)) {
      return;
    }
    if (i == null) {
      problems.add(Locate.node(root, path), path, "no secret '" + issuer + "' in this policy");
    } else if (i.kind() != Secret.Kind.X509_CA) {
      problems.add(
          Locate.node(root, path),
          path,
          "'" + issuer + "' is of kind " + i.kind().yamlName() + ", not x509-ca");
    } else if (issuer.equals(s.item().name())) {
      if (s.item().kind() != Secret.Kind.X509_CA) {
        problems.add(Locate.node(root, path), path, "a certificate cannot issue itself");
      }
    }
  }

  private static void cycles(
      YamlNode root, List<At<Secret>> secrets, Map<String, Secret> byName, Problems problems) {
    Set<String> reported = new HashSet<>();
    for (At<Secret> at : secrets) {
      Map<String, Integer> seen = new HashMap<>();
      String current = at.item().name();
      int step = 0;
      while (current != null && !seen.containsKey(current)) {
        seen.put(current, step++);
        Secret s = byName.get(current);
        current = s == null ? null : s.x509().flatMap(Secret.X509::issuer).orElse(null);
        if (current != null && s != null && current.equals(s.name())) {
          current = null; // a self-signed CA naming itself is not a cycle
        }
      }
      if (current != null
          && current.equals(at.item().name())
          && reported.add(new java.util.TreeSet<>(seen.keySet()).toString())) {
        problems.add(
            Locate.node(root, at.path() + ".issuer"),
            at.path() + ".issuer",
            "issuer cycle: " + String.join(" -> ", chain(at.item().name(), byName)));
      }
    }
  }

  private static List<String> chain(String start, Map<String, Secret> byName) {
    java.util.ArrayList<String> out = new java.util.ArrayList<>();
    String current = start;
    Set<String> seen = new HashSet<>();
    while (current != null && seen.add(current)) {
      out.add(current);
      Secret s = byName.get(current);
      current = s == null ? null : s.x509().flatMap(Secret.X509::issuer).orElse(null);
    }
    if (current != null) {
      out.add(current);
    }
    return out;
  }

  private static void placeholders(
      YamlNode root,
      String text,
      At<Service> at,
      String path,
      Map<String, Secret> secrets,
      Set<String> declared,
      Problems problems) {
    if (Placeholders.hasBroken(text)) {
      problems.add(
          Locate.node(root, path),
          path,
          "a malformed placeholder: write $$COFFER:<secret>[:<format>]$$");
    }
    for (Placeholder use : Placeholder.in(text)) {
      Secret s = secrets.get(use.secret());
      if (s == null && declared.contains(use.secret())) {
        continue;
      }
      if (s == null) {
        problems.add(
            Locate.node(root, path),
            path,
            "placeholder names no secret of this policy: '" + use.secret() + "'");
        continue;
      }
      Optional<String> format = use.format();
      List<String> allowed = s.kind().formats();
      if (format.isPresent() && !allowed.contains(format.get())) {
        problems.add(
            Locate.node(root, path),
            path,
            "format '"
                + format.get()
                + "' is not available for "
                + s.kind().yamlName()
                + " secret '"
                + s.name()
                + "' (available: "
                + String.join(", ", allowed)
                + ")");
      }
    }
  }
}
