package io.coffer.cli.demo;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * What {@code coffer audit verify --json} said about the log: its message, size and root.
 *
 * @param node the verdict, or null when the log was not verified
 */
record JsonNodeText(JsonNode node) {

  static JsonNodeText of(JsonNode node) {
    return new JsonNodeText(node);
  }

  String summary() {
    if (node == null) {
      return "not verified";
    }
    JsonNode m = node.get("message");
    return m == null ? node.toString() : m.asText();
  }

  Optional<Long> size() {
    return node == null || !node.has("size")
        ? Optional.empty()
        : Optional.of(node.get("size").asLong());
  }

  Optional<String> root() {
    return node == null || !node.has("root")
        ? Optional.empty()
        : Optional.of(node.get("root").asText());
  }
}
