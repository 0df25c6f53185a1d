package io.coffer.attestation.intel;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.coffer.attestation.AttestationException;
import io.coffer.attestation.AttestationException.Reason;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** Strict reading of Intel PCS JSON fields: every problem names the document and the field. */
final class PcsJson {

  private static final ObjectMapper MAPPER =
      new ObjectMapper(
          JsonFactory.builder()
              .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
              .streamReadConstraints(
                  StreamReadConstraints.builder().maxNestingDepth(16).maxNumberLength(32).build())
              .build());

  private final String source;

  PcsJson(String source) {
    this.source = source;
  }

  JsonNode parse(byte[] json) throws AttestationException {
    try {
      JsonNode node = MAPPER.readTree(json);
      if (node == null || !node.isObject()) {
        throw malformed("", "not a JSON object");
      }
      return node;
    } catch (IOException e) {
      throw malformed("", "not JSON: " + e.getMessage());
    }
  }

  JsonNode field(JsonNode object, String name) throws AttestationException {
    JsonNode v = object.get(name);
    if (v == null || v.isNull()) {
      throw malformed(name, "missing");
    }
    return v;
  }

  String text(JsonNode object, String name) throws AttestationException {
    JsonNode v = field(object, name);
    if (!v.isTextual()) {
      throw malformed(name, "not a string");
    }
    return v.asText();
  }

  long number(JsonNode object, String name, long max) throws AttestationException {
    JsonNode v = field(object, name);
    if (!v.isIntegralNumber() || v.asLong() < 0 || v.asLong() > max) {
      throw malformed(name, "not an integer in 0.." + max);
    }
    return v.asLong();
  }

  byte[] hex(JsonNode object, String name, int length) throws AttestationException {
    String text = text(object, name);
    try {
      byte[] b = HexFormat.of().parseHex(text);
      if (b.length != length) {
        throw malformed(name, b.length + " bytes, expected " + length);
      }
      return b;
    } catch (IllegalArgumentException e) {
      throw malformed(name, "not hex");
    }
  }

  Instant instant(JsonNode object, String name) throws AttestationException {
    String text = text(object, name);
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw malformed(name, "not an ISO-8601 instant: " + text);
    }
  }

  List<JsonNode> array(JsonNode object, String name, int maxSize) throws AttestationException {
    JsonNode v = field(object, name);
    if (!v.isArray() || v.size() > maxSize) {
      throw malformed(name, "not an array of at most " + maxSize + " items");
    }
    List<JsonNode> out = new ArrayList<>(v.size());
    v.forEach(out::add);
    return out;
  }

  List<String> strings(JsonNode object, String name) throws AttestationException {
    if (!object.has(name)) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (JsonNode s : array(object, name, 256)) {
      if (!s.isTextual()) {
        throw malformed(name, "holds a non-string");
      }
      out.add(s.asText());
    }
    return out;
  }

  AttestationException malformed(String field, String detail) {
    return new AttestationException(
        Reason.COLLATERAL_MALFORMED,
        source + (field.isEmpty() ? "" : ": " + field) + ": " + detail);
  }
}
