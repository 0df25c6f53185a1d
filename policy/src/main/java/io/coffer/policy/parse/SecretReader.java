package io.coffer.policy.parse;

import io.coffer.policy.governance.Identity;
import io.coffer.policy.model.Export;
import io.coffer.policy.model.PolicyName;
import io.coffer.policy.model.Secret;
import io.coffer.policy.yaml.YamlNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.util.IPAddress;

/** Reads {@code secrets[i]}. */
final class SecretReader {

  static final int MAX_ASCII_SIZE = 4096;
  static final int MAX_BINARY_SIZE = 65536;
  static final int MAX_VALUE_CHARS = 65536;

  private static final Pattern DURATION = Pattern.compile("([1-9][0-9]{0,5})([hdy])");
  private static final Pattern DNS =
      Pattern.compile(
          "(\\*\\.)?([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*");
  private static final Pattern IP_TEXT = Pattern.compile("[0-9a-fA-F:.]+");

  private SecretReader() {}

  static Optional<Secret> read(Fields f, Problems problems) {
    Optional<String> name = f.localName("name", true);
    Optional<Secret.Kind> kind = f.text("kind", true).flatMap(k -> kind(f, k, problems));
    Optional<Fields> importFields = f.fields("import", false);
    OptionalInt size = f.smallInteger("size", false, 1, MAX_BINARY_SIZE);
    Optional<String> keyTypeText = f.text("key_type", false);
    Optional<Secret.KeyType> keyType = keyTypeText.flatMap(k -> keyType(f, k, problems));
    Optional<String> issuer = f.localName("issuer", false);
    Optional<String> commonName = f.text("common_name", false);
    List<String> san = sans(f, problems);
    Optional<Secret.Endpoint> endpoint =
        f.text("endpoint", false).flatMap(e -> endpoint(f, e, problems));
    Optional<Duration> validFor = f.text("valid_for", false).flatMap(d -> duration(f, d, problems));
    Optional<String> value = f.text("value", false);
    Optional<Boolean> migrate = f.bool("migrate");
    List<Export> export = exports(f, "export", problems);
    List<Identity> revealTo = identities(f, "reveal_to", problems);
    Optional<Secret.SecretImport> importFrom = importFields.flatMap(i -> secretImport(i, problems));
    f.finish();
    if (name.isEmpty() || kind.isEmpty()) {
      return Optional.empty();
    }
    Secret.Kind k = kind.get();
    int before = problems.size();

    if (importFields.isPresent()) {
      for (String field :
          List.of(
              "size",
              "key_type",
              "issuer",
              "common_name",
              "san",
              "endpoint",
              "valid_for",
              "value",
              "migrate",
              "export",
              "reveal_to")) {
        if (f.has(field)) {
          problems.add(
              f.at(field),
              f.child(field),
              "cannot be combined with import (it comes with the secret)");
        }
      }
    } else {
      generatedOrGiven(f, k, size, keyType, value, problems);
      x509Fields(f, k, issuer, commonName, san, endpoint, validFor, problems);
      if (migrate.isPresent() && !k.hasKey()) {
        problems.add(
            f.at("migrate"), f.child("migrate"), "applies only to secrets with a private key");
      }
    }
    if (problems.size() != before) {
      return Optional.empty();
    }
    Optional<Secret.KeyType> effectiveKey =
        k.hasKey() && importFields.isEmpty() && value.isEmpty()
            ? Optional.of(keyType.orElse(Secret.KeyType.P256))
            : keyType;
    Optional<Secret.X509> x509 =
        (k == Secret.Kind.X509 || k == Secret.Kind.X509_CA) && importFields.isEmpty()
            ? Optional.of(
                new Secret.X509(
                    issuer,
                    commonName,
                    san,
                    k == Secret.Kind.X509
                        ? Optional.of(endpoint.orElse(Secret.Endpoint.SERVER))
                        : Optional.empty(),
                    Optional.of(
                        validFor.orElse(Duration.ofDays(k == Secret.Kind.X509 ? 90 : 3650)))))
            : Optional.empty();
    return Optional.of(
        new Secret(
            name.get(),
            k,
            size,
            effectiveKey,
            x509,
            value,
            migrate.orElse(false),
            export,
            importFrom,
            revealTo));
  }

  private static void generatedOrGiven(
      Fields f,
      Secret.Kind k,
      OptionalInt size,
      Optional<Secret.KeyType> keyType,
      Optional<String> value,
      Problems problems) {
    boolean bytesKind = k == Secret.Kind.ASCII || k == Secret.Kind.BINARY;
    if (size.isPresent() && !bytesKind) {
      problems.add(f.at("size"), f.child("size"), "applies only to ascii and binary secrets");
    }
    if (bytesKind
        && size.isPresent()
        && k == Secret.Kind.ASCII
        && size.getAsInt() > MAX_ASCII_SIZE) {
      problems.add(
          f.at("size"),
          f.child("size"),
          "an ascii secret has at most " + MAX_ASCII_SIZE + " bytes");
    }
    if (keyType.isPresent() && !k.hasKey()) {
      problems.add(
          f.at("key_type"),
          f.child("key_type"),
          "applies only to private-key, x509-ca and x509 secrets");
    }
    if (value.isPresent()) {
      if (size.isPresent()) {
        problems.add(f.at("value"), f.child("value"), "cannot be combined with size");
      }
      valueProblem(k, value.get()).ifPresent(p -> problems.add(f.at("value"), f.child("value"), p));
    } else if (bytesKind && size.isEmpty() && f.value("size").isEmpty()) {
      problems.add(f.node(), f.path(), "an " + k.yamlName() + " secret needs size or value");
    }
  }

  private static Optional<String> valueProblem(Secret.Kind k, String value) {
    if (value.length() > MAX_VALUE_CHARS) {
      return Optional.of("has at most " + MAX_VALUE_CHARS + " characters");
    }
    return switch (k) {
      case ASCII ->
          value.chars().allMatch(c -> c >= 0x20 && c < 0x7f)
              ? Optional.empty()
              : Optional.of("an ascii value must be printable ASCII");
      case BINARY -> {
        try {
          Base64.getDecoder().decode(value);
          yield Optional.empty();
        } catch (IllegalArgumentException e) {
          yield Optional.of("a binary value must be base64");
        }
      }
      case PRIVATE_KEY ->
          value.strip().startsWith("-----BEGIN PRIVATE KEY-----")
                  && value.strip().endsWith("-----END PRIVATE KEY-----")
              ? Optional.empty()
              : Optional.of("a private-key value must be a PKCS#8 PEM private key");
      case X509_CA, X509 ->
          Optional.of("x509 secrets are issued by Coffer; bring a key as a private-key secret");
    };
  }

  private static void x509Fields(
      Fields f,
      Secret.Kind k,
      Optional<String> issuer,
      Optional<String> commonName,
      List<String> san,
      Optional<Secret.Endpoint> endpoint,
      Optional<Duration> validFor,
      Problems problems) {
    boolean x509 = k == Secret.Kind.X509 || k == Secret.Kind.X509_CA;
    if (!x509) {
      for (String field : List.of("issuer", "common_name", "san", "endpoint", "valid_for")) {
        if (f.has(field)) {
          problems.add(f.at(field), f.child(field), "applies only to x509-ca and x509 secrets");
        }
      }
      return;
    }
    if (endpoint.isPresent() && k == Secret.Kind.X509_CA) {
      problems.add(f.at("endpoint"), f.child("endpoint"), "applies only to x509 secrets");
    }
    commonName.ifPresent(cn -> {
      if (cn.isEmpty() || cn.length() > 64) {
        problems.add(f.at("common_name"), f.child("common_name"), "must be 1 to 64 characters");
      }
    });
  }

  private static List<String> sans(Fields f, Problems problems) {
    List<String> out = new ArrayList<>();
    List<YamlNode> items = f.list("san");
    for (int i = 0; i < items.size(); i++) {
      String path = f.child("san") + "[" + i + "]";
      YamlNode n = items.get(i);
      Fields.text(n, path, problems)
          .ifPresent(s -> {
            String p = sanProblem(s);
            if (p != null) {
              problems.add(n, path, p);
            } else {
              out.add(s);
            }
          });
    }
    return out;
  }

  private static String sanProblem(String s) {
    if (s.startsWith("dns:")) {
      String d = s.substring(4);
      return d.length() <= 253 && DNS.matcher(d).matches() ? null : "'" + d + "' is not a DNS name";
    }
    if (s.startsWith("ip:")) {
      String ip = s.substring(3);
      if (!IP_TEXT.matcher(ip).matches()) {
        return "'" + ip + "' is not an IP address";
      }
      return IPAddress.isValid(ip) ? null : "'" + ip + "' is not an IP address";
    }
    if (s.startsWith("uri:")) {
      try {
        URI u = new URI(s.substring(4));
        return u.isAbsolute() ? null : "'" + s.substring(4) + "' is not an absolute URI";
      } catch (URISyntaxException e) {
        return "'" + s.substring(4) + "' is not a URI";
      }
    }
    return "'" + s + "' must start with dns:, ip: or uri:";
  }

  private static Optional<Secret.Kind> kind(Fields f, String k, Problems problems) {
    for (Secret.Kind kind : Secret.Kind.values()) {
      if (kind.yamlName().equals(k)) {
        return Optional.of(kind);
      }
    }
    problems.add(
        f.at("kind"),
        f.child("kind"),
        "'" + k + "' is not one of ascii, binary, private-key, x509-ca, x509");
    return Optional.empty();
  }

  private static Optional<Secret.KeyType> keyType(Fields f, String k, Problems problems) {
    for (Secret.KeyType t : Secret.KeyType.values()) {
      if (t.yamlName().equals(k)) {
        return Optional.of(t);
      }
    }
    problems.add(
        f.at("key_type"),
        f.child("key_type"),
        "'" + k + "' is not one of p256, p384, ed25519, rsa-3072");
    return Optional.empty();
  }

  private static Optional<Secret.Endpoint> endpoint(Fields f, String e, Problems problems) {
    for (Secret.Endpoint t : Secret.Endpoint.values()) {
      if (t.yamlName().equals(e)) {
        return Optional.of(t);
      }
    }
    problems.add(
        f.at("endpoint"), f.child("endpoint"), "'" + e + "' is not one of server, client, both");
    return Optional.empty();
  }

  private static Optional<Duration> duration(Fields f, String d, Problems problems) {
    Matcher m = DURATION.matcher(d);
    if (!m.matches()) {
      problems.add(
          f.at("valid_for"),
          f.child("valid_for"),
          "'" + d + "' is not a duration (a number and h, d or y: 12h, 90d, 1y)");
      return Optional.empty();
    }
    long n = Long.parseLong(m.group(1));
    Duration duration =
        switch (m.group(2)) {
          case "h" -> Duration.ofHours(n);
          case "d" -> Duration.ofDays(n);
          default -> Duration.ofDays(365 * n);
        };
    if (duration.compareTo(Duration.ofHours(1)) < 0
        || duration.compareTo(Duration.ofDays(3650)) > 0) {
      problems.add(f.at("valid_for"), f.child("valid_for"), "must be between 1h and 10y");
      return Optional.empty();
    }
    return Optional.of(duration);
  }

  private static Optional<Secret.SecretImport> secretImport(Fields i, Problems problems) {
    Optional<PolicyName> policy = policyName(i, "policy", problems);
    Optional<String> secret = i.localName("secret", true);
    Optional<String> hash = hash(i, "policy_hash", problems);
    i.finish();
    if (policy.isEmpty() || secret.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Secret.SecretImport(policy.get(), secret.get(), hash));
  }

  /** {@code export: [{policy, policy_hash?, services?}]}. */
  static List<Export> exports(Fields f, String key, Problems problems) {
    List<Export> out = new ArrayList<>();
    List<YamlNode> items = f.list(key);
    for (int i = 0; i < items.size(); i++) {
      Fields.of(items.get(i), f.child(key) + "[" + i + "]", problems)
          .ifPresent(e -> {
            Optional<PolicyName> policy = policyName(e, "policy", problems);
            Optional<String> hash = hash(e, "policy_hash", problems);
            List<String> services = e.texts("services");
            for (String s : services) {
              check(e, "services", Names.localProblem(s), problems);
            }
            e.finish();
            policy.ifPresent(p -> out.add(new Export(p, hash, services)));
          });
    }
    return out;
  }

  static Optional<PolicyName> policyName(Fields f, String key, Problems problems) {
    Optional<String> text = f.text(key, true);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    String problem = PolicyName.problem(text.get());
    if (problem != null) {
      problems.add(f.at(key), f.child(key), problem);
      return Optional.empty();
    }
    return Optional.of(new PolicyName(text.get()));
  }

  static Optional<String> hash(Fields f, String key, Problems problems) {
    Optional<String> text = f.text(key, false);
    if (text.isPresent() && !Names.HASH.matcher(text.get()).matches()) {
      problems.add(f.at(key), f.child(key), "must be a policy hash: 64 lower-case hex digits");
      return Optional.empty();
    }
    return text;
  }

  static List<Identity> identities(Fields f, String key, Problems problems) {
    List<Identity> out = new ArrayList<>();
    List<YamlNode> items = f.list(key);
    for (int i = 0; i < items.size(); i++) {
      String path = f.child(key) + "[" + i + "]";
      YamlNode n = items.get(i);
      Fields.text(n, path, problems)
          .flatMap(t -> IdentityText.parse(t, n, path, problems))
          .ifPresent(out::add);
    }
    return out;
  }

  private static void check(Fields f, String key, String problem, Problems problems) {
    if (problem != null) {
      problems.add(f.at(key), f.child(key), problem);
    }
  }
}
