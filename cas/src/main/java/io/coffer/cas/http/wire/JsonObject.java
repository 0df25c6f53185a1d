package io.coffer.cas.http.wire;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A JSON object read strictly: its members must be among those named, and every accessor checks the
 * member's type and names the field path in its error.
 */
public final class JsonObject {

  /** Nesting deeper than this is refused (the API's documents nest three levels at most). */
  private static final int MAX_NESTING_DEPTH = 16;

  private static final ObjectMapper MAPPER = strictMapper();

  private final JsonNode node;
  private final String path;

  private JsonObject(JsonNode node, String path) {
    this.node = node;
    this.path = path;
  }

  /** The mapper for reading: duplicate members, trailing tokens and deep nesting are errors. */
  static ObjectMapper strictMapper() {
    ObjectMapper mapper =
        new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);
    mapper
        .getFactory()
        .setStreamReadConstraints(
            StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING_DEPTH).build());
    return mapper;
  }

  /**
   * Parses a document that must be one JSON object with only the {@code allowed} members.
   *
   * @throws WireException for bytes that are not JSON, not an object, or hold another member
   */
  public static JsonObject parse(byte[] json, Set<String> allowed) throws WireException {
    JsonNode root;
    try {
      root = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      String where =
          e.getLocation() == null
              ? ""
              : " at line "
                  + e.getLocation().getLineNr()
                  + ", column "
                  + e.getLocation().getColumnNr();
      throw new WireException("", "not JSON: " + e.getOriginalMessage() + where, e);
    } catch (IOException | RuntimeException e) {
      throw new WireException("", "not JSON", e);
    }
    return of(root, "", allowed);
  }

  private static JsonObject of(JsonNode node, String path, Set<String> allowed)
      throws WireException {
    if (node == null || !node.isObject()) {
      throw new WireException(path, "not a JSON object");
    }
    for (Map.Entry<String, JsonNode> member : node.properties()) {
      if (!allowed.contains(member.getKey())) {
        throw new WireException(
            join(path, member.getKey()), "unknown member (expected one of " + allowed + ")");
      }
    }
    return new JsonObject(node, path);
  }

  private static String join(String path, String member) {
    return path.isEmpty() ? member : path + "." + member;
  }

  /** The path of this object in its document, empty for the document itself. */
  public String path() {
    return path;
  }

  /** The path of a member of this object. */
  public String pathOf(String member) {
    return join(path, member);
  }

  /** Whether the member is present (and not null). */
  public boolean has(String member) {
    JsonNode value = node.get(member);
    return value != null && !value.isNull();
  }

  private JsonNode required(String member) throws WireException {
    JsonNode value = node.get(member);
    if (value == null || value.isNull()) {
      throw new WireException(pathOf(member), "missing");
    }
    return value;
  }

  /** A required string member. */
  public String string(String member) throws WireException {
    JsonNode value = required(member);
    if (!value.isTextual()) {
      throw new WireException(pathOf(member), "not a string");
    }
    return value.textValue();
  }

  /** An optional string member. */
  public Optional<String> optionalString(String member) throws WireException {
    return has(member) ? Optional.of(string(member)) : Optional.empty();
  }

  /** A required integer member within {@code min..max}. */
  public long integer(String member, long min, long max) throws WireException {
    JsonNode value = required(member);
    if (!value.isIntegralNumber() || !value.canConvertToLong()) {
      throw new WireException(pathOf(member), "not an integer");
    }
    long n = value.longValue();
    if (n < min || n > max) {
      throw new WireException(pathOf(member), "must be within " + min + ".." + max + ", got " + n);
    }
    return n;
  }

  /** A required boolean member. */
  public boolean bool(String member) throws WireException {
    JsonNode value = required(member);
    if (!value.isBoolean()) {
      throw new WireException(pathOf(member), "not a boolean");
    }
    return value.booleanValue();
  }

  /** A required member holding canonical base64 (RFC 4648 §4, with padding). */
  public byte[] base64(String member) throws WireException {
    String text = string(member);
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(text);
    } catch (IllegalArgumentException e) {
      throw new WireException(pathOf(member), "not base64 (RFC 4648 §4, with padding)");
    }
    if (!Base64.getEncoder().encodeToString(bytes).equals(text)) {
      throw new WireException(pathOf(member), "not canonical base64 (RFC 4648 §4, with padding)");
    }
    return bytes;
  }

  /** A required nested object with only the {@code allowed} members. */
  public JsonObject object(String member, Set<String> allowed) throws WireException {
    return of(required(member), pathOf(member), allowed);
  }

  /** The elements of a required array member, each as {@link JsonNode}, at most {@code max}. */
  public List<JsonNode> array(String member, int max) throws WireException {
    JsonNode value = required(member);
    if (!value.isArray()) {
      throw new WireException(pathOf(member), "not an array");
    }
    if (value.size() > max) {
      throw new WireException(pathOf(member), "more than " + max + " elements");
    }
    List<JsonNode> elements = new ArrayList<>(value.size());
    value.forEach(elements::add);
    return elements;
  }

  /** The elements of a required array of objects, each with only the {@code allowed} members. */
  public List<JsonObject> objects(String member, int max, Set<String> allowed)
      throws WireException {
    List<JsonNode> elements = array(member, max);
    List<JsonObject> out = new ArrayList<>(elements.size());
    for (int i = 0; i < elements.size(); i++) {
      out.add(of(elements.get(i), pathOf(member) + "[" + i + "]", allowed));
    }
    return out;
  }

  /** The elements of a required array of strings. */
  public List<String> strings(String member, int max) throws WireException {
    List<JsonNode> elements = array(member, max);
    List<String> out = new ArrayList<>(elements.size());
    for (int i = 0; i < elements.size(); i++) {
      if (!elements.get(i).isTextual()) {
        throw new WireException(pathOf(member) + "[" + i + "]", "not a string");
      }
      out.add(elements.get(i).textValue());
    }
    return out;
  }

  /** The compact JSON text of a member that is itself a document (an approval object). */
  public static byte[] bytesOf(JsonNode node) {
    try {
      return MAPPER.writeValueAsBytes(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot render a parsed JSON node", e);
    }
  }
}
