package io.coffer.policy.parse;

import io.coffer.policy.yaml.YamlNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A mapping of the policy being read, with its path: typed access to its fields, each mistake
 * recorded as a problem at the offending node, and every key that was never asked for reported as
 * unknown by {@link #finish()}.
 */
final class Fields {

  private static final Pattern INTEGER = Pattern.compile("0|[1-9][0-9]{0,17}");

  private final YamlNode.Mapping mapping;
  private final String path;
  private final Problems problems;
  private final Set<String> known = new LinkedHashSet<>();

  private Fields(YamlNode.Mapping mapping, String path, Problems problems) {
    this.mapping = mapping;
    this.path = path;
    this.problems = problems;
  }

  /** The fields of {@code node}, or empty (with a problem) when it is not a mapping. */
  static Optional<Fields> of(YamlNode node, String path, Problems problems) {
    if (node instanceof YamlNode.Mapping m) {
      return Optional.of(new Fields(m, path, problems));
    }
    problems.add(node, path, "must be a mapping, not " + node.kind());
    return Optional.empty();
  }

  String path() {
    return path;
  }

  YamlNode node() {
    return mapping;
  }

  String child(String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  /** The value of {@code key}, if present and not null; marks the key as known. */
  Optional<YamlNode> value(String key) {
    known.add(key);
    return mapping
        .entry(key)
        .map(YamlNode.Entry::value)
        .filter(v -> !(v instanceof YamlNode.Scalar s && s.isNull()));
  }

  /** The node of {@code key}'s value, or of this mapping when it has none: where a problem is. */
  YamlNode at(String key) {
    return value(key).orElse(mapping);
  }

  /** Whether {@code key} is present (even as null). */
  boolean has(String key) {
    known.add(key);
    return mapping.entry(key).isPresent();
  }

  /** The value of a required key, or empty with a "missing" problem. */
  Optional<YamlNode> required(String key) {
    Optional<YamlNode> v = value(key);
    if (v.isEmpty()) {
      problems.add(
          mapping.entry(key).map(e -> (YamlNode) e.key()).orElse(mapping),
          child(key),
          "is required");
    }
    return v;
  }

  /** A text field. */
  Optional<String> text(String key, boolean required) {
    Optional<YamlNode> v = required ? required(key) : value(key);
    return v.flatMap(n -> text(n, child(key), problems));
  }

  static Optional<String> text(YamlNode n, String path, Problems problems) {
    if (n instanceof YamlNode.Scalar s && !s.isNull()) {
      return Optional.of(s.value());
    }
    problems.add(n, path, "must be text, not " + n.kind());
    return Optional.empty();
  }

  /**
   * A text field holding a name of this policy (a service, secret or volume); a name that is not
   * one is reported, and still returned so that the rest of the item is checked too.
   */
  Optional<String> localName(String key, boolean required) {
    Optional<String> name = text(key, required);
    name.ifPresent(n -> {
      String problem = Names.localProblem(n);
      if (problem != null) {
        problems.add(at(key), child(key), problem);
      }
    });
    return name;
  }

  /** A non-negative integer field within {@code [min, max]}. */
  OptionalLong integer(String key, boolean required, long min, long max) {
    Optional<YamlNode> v = required ? required(key) : value(key);
    if (v.isEmpty()) {
      return OptionalLong.empty();
    }
    return integer(v.get(), child(key), min, max, problems);
  }

  static OptionalLong integer(YamlNode n, String path, long min, long max, Problems problems) {
    if (!(n instanceof YamlNode.Scalar s) || !s.plain() || !INTEGER.matcher(s.value()).matches()) {
      problems.add(n, path, "must be a whole number, not " + describe(n));
      return OptionalLong.empty();
    }
    BigInteger value = new BigInteger(s.value());
    if (value.compareTo(BigInteger.valueOf(min)) < 0
        || value.compareTo(BigInteger.valueOf(max)) > 0) {
      problems.add(n, path, "must be between " + min + " and " + max + ", not " + s.value());
      return OptionalLong.empty();
    }
    return OptionalLong.of(value.longValue());
  }

  OptionalInt smallInteger(String key, boolean required, int min, int max) {
    OptionalLong v = integer(key, required, min, max);
    return v.isPresent() ? OptionalInt.of((int) v.getAsLong()) : OptionalInt.empty();
  }

  /** A boolean field: plain {@code true} or {@code false} only. */
  Optional<Boolean> bool(String key) {
    Optional<YamlNode> v = value(key);
    if (v.isEmpty()) {
      return Optional.empty();
    }
    if (v.get() instanceof YamlNode.Scalar s
        && s.plain()
        && (s.value().equals("true") || s.value().equals("false"))) {
      return Optional.of(s.value().equals("true"));
    }
    problems.add(v.get(), child(key), "must be true or false, not " + describe(v.get()));
    return Optional.empty();
  }

  /** A list field (absent is empty). */
  List<YamlNode> list(String key) {
    Optional<YamlNode> v = value(key);
    if (v.isEmpty()) {
      return List.of();
    }
    if (v.get() instanceof YamlNode.Sequence s) {
      return s.items();
    }
    problems.add(v.get(), child(key), "must be a list, not " + v.get().kind());
    return List.of();
  }

  /** A list of text (absent is empty). */
  List<String> texts(String key) {
    List<String> out = new ArrayList<>();
    List<YamlNode> items = list(key);
    for (int i = 0; i < items.size(); i++) {
      text(items.get(i), child(key) + "[" + i + "]", problems).ifPresent(out::add);
    }
    return out;
  }

  /** A nested mapping field. */
  Optional<Fields> fields(String key, boolean required) {
    Optional<YamlNode> v = required ? required(key) : value(key);
    return v.flatMap(n -> of(n, child(key), problems));
  }

  /** Hex of exactly {@code bytes} bytes (either case), as lower-case hex. */
  Optional<String> hex(String key, int bytes, boolean required) {
    Optional<YamlNode> v = required ? required(key) : value(key);
    return v.flatMap(n -> hex(n, child(key), bytes, problems));
  }

  static Optional<String> hex(YamlNode n, String path, int bytes, Problems problems) {
    Optional<String> t = text(n, path, problems);
    if (t.isEmpty()) {
      return Optional.empty();
    }
    String s = t.get();
    if (s.length() != bytes * 2 || !s.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
      problems.add(n, path, "must be " + bytes + " bytes as " + bytes * 2 + " hex digits");
      return Optional.empty();
    }
    return Optional.of(HexFormat.of().formatHex(HexFormat.of().parseHex(s)));
  }

  /** Reports every key that no reader asked for. Call once, after reading. */
  void finish() {
    for (YamlNode.Entry e : mapping.entries()) {
      if (!known.contains(e.key().value())) {
        problems.add(
            e.key(), child(e.key().value()), "unknown field" + suggestion(e.key().value()));
      }
    }
  }

  private String suggestion(String key) {
    String best = null;
    int bestDistance = 3;
    for (String k : known) {
      int d = distance(key, k);
      if (d < bestDistance) {
        bestDistance = d;
        best = k;
      }
    }
    return best == null
        ? " (known: " + String.join(", ", known) + ")"
        : " (did you mean '" + best + "'?)";
  }

  private static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }

  static String describe(YamlNode n) {
    if (n instanceof YamlNode.Scalar s) {
      return s.isNull() ? "null" : "'" + s.value() + "'";
    }
    return n.kind();
  }
}
