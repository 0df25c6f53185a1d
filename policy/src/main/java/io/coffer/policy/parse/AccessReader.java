package io.coffer.policy.parse;

import io.coffer.policy.governance.GovernanceException;
import io.coffer.policy.governance.Rule;
import io.coffer.policy.model.Policy;
import io.coffer.policy.yaml.YamlNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code access}: {@code read}, {@code update} and {@code create} rules, each {@code CREATOR}
 * when absent. A rule is an identity, {@code CREATOR}, {@code ANY}, {@code NONE}, or a mapping with
 * one key, {@code require-all} or {@code require-at-least-N}, over a list of rules.
 */
final class AccessReader {

  private static final Pattern AT_LEAST = Pattern.compile("require-at-least-([1-9][0-9]{0,2})");

  private AccessReader() {}

  static Optional<Policy.Access> read(Fields policy, Problems problems) {
    if (policy.value("access").isEmpty()) {
      return Optional.of(new Policy.Access(Rule.CREATOR, Rule.CREATOR, Rule.CREATOR));
    }
    Optional<Fields> access = policy.fields("access", false);
    if (access.isEmpty()) {
      return Optional.empty();
    }
    Fields f = access.get();
    Optional<Rule> read = rule(f, "read", problems);
    Optional<Rule> update = rule(f, "update", problems);
    Optional<Rule> create = rule(f, "create", problems);
    f.finish();
    if (read.isEmpty() || update.isEmpty() || create.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Policy.Access(read.get(), update.get(), create.get()));
  }

  private static Optional<Rule> rule(Fields f, String key, Problems problems) {
    Optional<YamlNode> node = f.value(key);
    if (node.isEmpty()) {
      return Optional.of(Rule.CREATOR);
    }
    return rule(node.get(), f.child(key), 1, problems);
  }

  static Optional<Rule> rule(YamlNode node, String path, int depth, Problems problems) {
    if (depth > Rule.MAX_DEPTH) {
      problems.add(node, path, "rules nest at most " + Rule.MAX_DEPTH + " levels");
      return Optional.empty();
    }
    if (node instanceof YamlNode.Scalar s && !s.isNull()) {
      return switch (s.value()) {
        case "CREATOR" -> Optional.of(Rule.CREATOR);
        case "ANY" -> Optional.of(Rule.ANY);
        case "NONE" -> Optional.of(Rule.NONE);
        default -> {
          if (!s.value().contains(":")) {
            problems.add(
                node,
                path,
                "'"
                    + s.value()
                    + "' is not a rule (an identity, CREATOR, ANY, NONE, require-all or"
                    + " require-at-least-N)");
            yield Optional.empty();
          }
          yield IdentityText.parse(s.value(), node, path, problems).map(Rule.IdentityRule::new);
        }
      };
    }
    if (!(node instanceof YamlNode.Mapping m) || m.entries().size() != 1) {
      problems.add(
          node,
          path,
          "a rule is an identity, CREATOR, ANY, NONE, or a mapping with one key: require-all or"
              + " require-at-least-N");
      return Optional.empty();
    }
    YamlNode.Entry e = m.entries().get(0);
    String op = e.key().value();
    String p = path + "." + op;
    Matcher atLeast = AT_LEAST.matcher(op);
    if (!op.equals("require-all") && !atLeast.matches()) {
      problems.add(e.key(), p, "unknown rule (known: require-all, require-at-least-N)");
      return Optional.empty();
    }
    if (!(e.value() instanceof YamlNode.Sequence seq)) {
      problems.add(e.value(), p, "must be a list of rules, not " + e.value().kind());
      return Optional.empty();
    }
    List<Rule> rules = new ArrayList<>();
    int before = problems.size();
    for (int i = 0; i < seq.items().size(); i++) {
      rule(seq.items().get(i), p + "[" + i + "]", depth + 1, problems).ifPresent(rules::add);
    }
    if (problems.size() != before) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          atLeast.matches()
              ? Rule.requireAtLeast(Integer.parseInt(atLeast.group(1)), rules)
              : Rule.requireAll(rules));
    } catch (GovernanceException ex) {
      problems.add(e.key(), path, ex.getMessage());
      return Optional.empty();
    }
  }
}
