package io.coffer.cas.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.coffer.cas.http.wire.ValuesJson;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;

/**
 * What an endpoint answers: status, media type, body and extra headers.
 *
 * @param status the HTTP status code
 * @param contentType the media type of the body
 * @param body the body (not copied: replies are built and sent by the server only)
 * @param headers extra response headers
 */
record Reply(int status, String contentType, byte[] body, Map<String, String> headers) {

  static final String JSON = "application/json";
  static final String PROBLEM_JSON = "application/problem+json";
  static final String TEXT = "text/plain; charset=utf-8";
  static final String OCTETS = "application/octet-stream";

  Reply {
    Objects.requireNonNull(contentType, "contentType");
    Objects.requireNonNull(body, "body");
    headers = Map.copyOf(headers);
  }

  static Reply json(int status, ObjectNode node) {
    return new Reply(status, JSON, ValuesJson.bytes(node), Map.of());
  }

  static Reply ok(ObjectNode node) {
    return json(200, node);
  }

  static Reply text(String text) {
    return new Reply(200, TEXT, text.getBytes(StandardCharsets.UTF_8), Map.of());
  }

  Reply withHeader(String name, String value) {
    Map<String, String> all = new java.util.HashMap<>(headers);
    all.put(name, value);
    return new Reply(status, contentType, body, all);
  }
}
