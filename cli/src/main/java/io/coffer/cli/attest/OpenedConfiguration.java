package io.coffer.cli.attest;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The configuration document an admitted workload opened (docs/protocol.md, "The configuration
 * document"), and its copy with every secret-bearing value replaced by {@code <secret: N chars>}.
 *
 * <p>Security guarantees: the members that {@code secret_bearing} names by JSON pointer (RFC 6901)
 * are the ones redacted; a pointer that does not name a string value makes the whole document
 * unprintable rather than risk showing a secret. {@link #toString()} shows no value.
 *
 * <p>Not protected against: a CAS that puts a secret in a member it does not list.
 */
final class OpenedConfiguration {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** What a secret value is replaced with: its length only. */
  static String placeholder(String value) {
    return "<secret: " + value.length() + " chars>";
  }

  private final ObjectNode document;
  private final ObjectNode redacted;

  private OpenedConfiguration(ObjectNode document, ObjectNode redacted) {
    this.document = document;
    this.redacted = redacted;
  }

  /**
   * Reads the opened document.
   *
   * @throws IllegalArgumentException naming what is wrong when it is not a JSON object whose {@code
   *     secret_bearing} is an array of pointers to string values
   */
  static OpenedConfiguration parse(byte[] json) {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (IOException e) {
      throw new IllegalArgumentException("the configuration is not JSON", e);
    }
    if (!(root instanceof ObjectNode document)) {
      throw new IllegalArgumentException("the configuration is not a JSON object");
    }
    if (!(document.get("secret_bearing") instanceof ArrayNode pointers)) {
      throw new IllegalArgumentException("the configuration has no secret_bearing array");
    }
    ObjectNode redacted = document.deepCopy();
    for (JsonNode p : pointers) {
      redact(document, redacted, p);
    }
    return new OpenedConfiguration(document, redacted);
  }

  /** Replaces in {@code redacted} the value {@code pointerNode} names in {@code original}. */
  private static void redact(ObjectNode original, ObjectNode redacted, JsonNode pointerNode) {
    if (!pointerNode.isTextual() || !pointerNode.asText().startsWith("/")) {
      throw new IllegalArgumentException(
          "secret_bearing: " + pointerNode + " is not a JSON pointer");
    }
    JsonPointer pointer;
    try {
      pointer = JsonPointer.compile(pointerNode.asText());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "secret_bearing: " + pointerNode + " is not a JSON pointer", e);
    }
    JsonNode parent = redacted.at(pointer.head());
    JsonNode value = original.at(pointer);
    if (!value.isTextual()) {
      throw new IllegalArgumentException(
          "secret_bearing: " + pointerNode + " does not name a string value");
    }
    String last = pointer.last().getMatchingProperty();
    if (parent instanceof ObjectNode o) {
      o.put(last, placeholder(value.asText()));
    } else if (parent instanceof ArrayNode a) {
      a.set(pointer.last().getMatchingIndex(), placeholder(value.asText()));
    } else {
      throw new IllegalArgumentException(
          "secret_bearing: " + pointerNode + " does not name a member or an element");
    }
  }

  /** The document as received, secrets included: print only when asked to. */
  ObjectNode withSecrets() {
    return document.deepCopy();
  }

  /** The document with every secret-bearing value replaced by its placeholder. */
  ObjectNode redacted() {
    return redacted.deepCopy();
  }

  /** The document to show: {@link #withSecrets()} or {@link #redacted()}. */
  ObjectNode shown(boolean showSecrets) {
    return showSecrets ? withSecrets() : redacted();
  }

  /** The JSON pointers of the secret-bearing values. */
  List<String> secretBearing() {
    List<String> out = new ArrayList<>();
    document.get("secret_bearing").forEach(p -> out.add(p.asText()));
    return out;
  }

  /** The attestation result token, a compact JWS. */
  String attestationResult() {
    JsonNode token = document.get("attestation_result");
    if (token == null || !token.isTextual()) {
      throw new IllegalArgumentException("the configuration has no attestation_result");
    }
    return token.asText();
  }

  @Override
  public String toString() {
    return "OpenedConfiguration["
        + Objects.toString(document.path("policy").asText(null))
        + "/"
        + Objects.toString(document.path("service").asText(null))
        + ", values redacted]";
  }
}
