package io.coffer.policy.canonical;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.coffer.policy.governance.Rule;
import java.util.List;

/**
 * A rule as JSON: {@code "CREATOR"}, {@code "ANY"}, {@code "NONE"}, the identity's canonical text,
 * or {@code {"require-all": [...]}} / {@code {"require-at-least-N": [...]}} with the nested rules
 * in document order.
 */
final class RuleJson {

  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private RuleJson() {}

  static JsonNode of(Rule rule) {
    return switch (rule) {
      case Rule.Creator c -> F.textNode("CREATOR");
      case Rule.Any a -> F.textNode("ANY");
      case Rule.None n -> F.textNode("NONE");
      case Rule.IdentityRule i -> F.textNode(i.identity().toString());
      case Rule.RequireAll all -> list("require-all", all.rules());
      case Rule.RequireAtLeast n -> list("require-at-least-" + n.n(), n.rules());
    };
  }

  private static ObjectNode list(String key, List<Rule> rules) {
    ObjectNode o = F.objectNode();
    ArrayNode a = o.putArray(key);
    rules.forEach(r -> a.add(of(r)));
    return o;
  }
}
