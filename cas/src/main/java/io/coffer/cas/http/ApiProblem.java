package io.coffer.cas.http;

import io.coffer.cas.service.CasException;
import io.coffer.policy.Problem;
import java.util.List;
import java.util.Objects;

/**
 * A request the API refuses, as an RFC 9457 problem: a stable slug (the last segment of the problem
 * type), a status code and a detail for the caller.
 */
final class ApiProblem extends Exception {

  private static final long serialVersionUID = 1L;

  /** A request without a client certificate on a route that needs one. */
  static final String UNAUTHENTICATED = "unauthenticated";

  /** No route has this path. */
  static final String NOT_FOUND = "not-found";

  /** A route has this path, but not for this method. */
  static final String METHOD_NOT_ALLOWED = "method-not-allowed";

  /** The body is larger than the route accepts. */
  static final String PAYLOAD_TOO_LARGE = "payload-too-large";

  /** The body's media type is not one the route accepts. */
  static final String UNSUPPORTED_MEDIA_TYPE = "unsupported-media-type";

  /** Malformed request. */
  static final String BAD_REQUEST = CasException.Type.BAD_REQUEST.slug();

  private final String slug;
  private final int status;
  private final transient List<Problem> problems;

  ApiProblem(String slug, int status, String detail) {
    this(slug, status, detail, List.of(), null);
  }

  ApiProblem(String slug, int status, String detail, List<Problem> problems, Throwable cause) {
    super(detail, cause);
    this.slug = Objects.requireNonNull(slug, "slug");
    this.status = status;
    this.problems = List.copyOf(problems);
  }

  /** The problem of a service refusal: its type's slug and status, its message as detail. */
  static ApiProblem of(CasException e) {
    return new ApiProblem(e.type().slug(), e.type().status(), e.getMessage(), e.problems(), e);
  }

  /** A malformed request. */
  static ApiProblem badRequest(String detail, Throwable cause) {
    return new ApiProblem(BAD_REQUEST, 400, detail, List.of(), cause);
  }

  String slug() {
    return slug;
  }

  int status() {
    return status;
  }

  List<Problem> problems() {
    return problems == null ? List.of() : problems;
  }
}
