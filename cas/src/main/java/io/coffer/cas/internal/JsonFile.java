package io.coffer.cas.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Map;

/**
 * Small JSON files of one flat object (a pin, a share): written pretty-printed with a final
 * newline, read strictly: bounded size, nesting and number length, no duplicate member, nothing
 * after the object, no member outside the given set.
 */
public final class JsonFile {

  private static final ObjectMapper MAPPER =
      JsonMapper.builder(
              JsonFactory.builder()
                  .streamReadConstraints(
                      StreamReadConstraints.builder().maxNestingDepth(4).maxNumberLength(8).build())
                  .build())
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
          .build();

  /** Why a file was refused; the message names the place or member, never quotes a value. */
  public static final class Malformed extends Exception {
    private static final long serialVersionUID = 1L;

    Malformed(String message, Throwable cause) {
      super(message, cause);
    }
  }

  private JsonFile() {}

  /** A new object to fill and {@link #write}. */
  public static ObjectNode newObject() {
    return MAPPER.createObjectNode();
  }

  /** The object pretty-printed, with a final newline, in UTF-8. */
  public static byte[] write(ObjectNode object) {
    try {
      return (MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(object) + "\n")
          .getBytes(StandardCharsets.UTF_8);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a JSON file", e);
    }
  }

  /**
   * Reads one object of at most {@code maxBytes} whose members are all in {@code members}.
   *
   * @throws Malformed naming what is wrong (and where, for JSON syntax)
   */
  public static JsonNode read(byte[] json, int maxBytes, Collection<String> members)
      throws Malformed {
    if (json.length > maxBytes) {
      throw new Malformed("longer than " + maxBytes + " bytes", null);
    }
    JsonNode root;
    try {
      root = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      String at =
          e.getLocation() == null
              ? ""
              : " at line "
                  + e.getLocation().getLineNr()
                  + ", column "
                  + e.getLocation().getColumnNr();
      throw new Malformed("not JSON" + at, e);
    } catch (IOException e) {
      throw new Malformed("not JSON", e);
    }
    if (root == null || !root.isObject()) {
      throw new Malformed("not a JSON object", null);
    }
    for (Map.Entry<String, JsonNode> member : root.properties()) {
      if (!members.contains(member.getKey())) {
        throw new Malformed("unknown member \"" + printable(member.getKey()) + "\"", null);
      }
    }
    return root;
  }

  /** At most 40 characters of {@code s}, anything but printable ASCII replaced by {@code ?}. */
  public static String printable(String s) {
    String cut = s.length() > 40 ? s.substring(0, 40) + "..." : s;
    return cut.replaceAll("[^\\x20-\\x7e]", "?");
  }
}
