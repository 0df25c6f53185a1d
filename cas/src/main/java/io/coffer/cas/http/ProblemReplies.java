package io.coffer.cas.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.coffer.cas.http.wire.ValuesJson;
import io.coffer.policy.Problem;
import java.util.Map;
import java.util.UUID;

/**
 * RFC 9457 problem documents ({@code application/problem+json}): {@code type} is {@code
 * https://coffer.dev/problems/<slug>}, {@code title} the slug's fixed title, {@code status}, and
 * {@code detail} for the caller. An {@code invalid-policy} problem lists its {@code problems}
 * (file, line, column, path, message); an internal error carries only an opaque detail, its {@code
 * correlationId} and an {@code instance} URN made of it, so that the server's log can be searched.
 */
final class ProblemReplies {

  /** The base of every problem type. */
  static final String TYPE_BASE = "https://coffer.dev/problems/";

  private static final Map<String, String> TITLES =
      Map.ofEntries(
          Map.entry("bad-request", "Bad request"),
          Map.entry("invalid-policy", "Invalid policy"),
          Map.entry("invalid-approval", "Invalid approval"),
          Map.entry("forbidden", "Forbidden"),
          Map.entry("not-found", "Not found"),
          Map.entry("already-exists", "Already exists"),
          Map.entry("stale-predecessor", "Stale predecessor"),
          Map.entry("proposal-closed", "Proposal closed"),
          Map.entry("sealed", "Sealed"),
          Map.entry("invalid-share", "Invalid share"),
          Map.entry("unavailable", "Unavailable"),
          Map.entry("internal", "Internal error"),
          Map.entry("stale-tag", "Stale tag"),
          Map.entry("attestation-failed", "Attestation failed"),
          Map.entry(ApiProblem.UNAUTHENTICATED, "Unauthenticated"),
          Map.entry(ApiProblem.METHOD_NOT_ALLOWED, "Method not allowed"),
          Map.entry(ApiProblem.PAYLOAD_TOO_LARGE, "Payload too large"),
          Map.entry(ApiProblem.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type"));

  private ProblemReplies() {}

  /** The title of a slug. */
  static String title(String slug) {
    return TITLES.getOrDefault(slug, "Error");
  }

  /** Every slug the API uses, for the OpenAPI document's check. */
  static java.util.Set<String> slugs() {
    return TITLES.keySet();
  }

  static Reply of(ApiProblem problem) {
    ObjectNode n = base(problem.slug(), problem.status(), problem.getMessage());
    if (!problem.problems().isEmpty()) {
      ArrayNode list = n.putArray("problems");
      for (Problem p : problem.problems()) {
        ObjectNode pn = list.addObject();
        pn.put("file", p.file());
        pn.put("line", p.line());
        pn.put("column", p.column());
        pn.put("path", p.path());
        pn.put("message", p.message());
      }
    }
    Reply reply = new Reply(problem.status(), Reply.PROBLEM_JSON, ValuesJson.bytes(n), Map.of());
    return problem.status() == 401 ? reply.withHeader("WWW-Authenticate", "Mutual") : reply;
  }

  /** An internal error: opaque, with the correlation id the server logged the cause under. */
  static Reply internal(UUID correlationId) {
    ObjectNode n =
        base(
            "internal",
            500,
            "the server failed to handle the request; correlation id " + correlationId);
    n.put("instance", "urn:uuid:" + correlationId);
    n.put("correlationId", correlationId.toString());
    return new Reply(500, Reply.PROBLEM_JSON, ValuesJson.bytes(n), Map.of());
  }

  private static ObjectNode base(String slug, int status, String detail) {
    ObjectNode n = ValuesJson.object();
    n.put("type", TYPE_BASE + slug);
    n.put("title", title(slug));
    n.put("status", status);
    n.put("detail", detail == null ? title(slug) : detail);
    return n;
  }
}
