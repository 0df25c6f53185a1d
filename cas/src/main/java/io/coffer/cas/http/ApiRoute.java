package io.coffer.cas.http;

import io.helidon.http.Method;
import java.util.Objects;
import java.util.Set;

/**
 * One route of the API: the unit that routing, metrics and the OpenAPI check share.
 *
 * @param method the HTTP method
 * @param path the path template
 * @param access who may call it
 * @param query the query parameters it accepts; others are refused
 * @param endpoint what it does
 */
record ApiRoute(
    Method method, PathTemplate path, Access access, Set<String> query, Endpoint endpoint) {

  /** Who may call a route. */
  enum Access {
    /** Anyone, in every lifecycle state. */
    PUBLIC,
    /** Anyone, with or without a client certificate, but only while the CAS is serving. */
    SERVING,
    /** Only a caller with a client certificate, and only while the CAS is serving. */
    AUTHENTICATED
  }

  ApiRoute {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(access, "access");
    query = Set.copyOf(query);
    Objects.requireNonNull(endpoint, "endpoint");
  }

  static ApiRoute get(String path, Access access, Set<String> query, Endpoint endpoint) {
    return new ApiRoute(Method.GET, PathTemplate.of(path), access, query, endpoint);
  }

  static ApiRoute post(String path, Access access, Endpoint endpoint) {
    return new ApiRoute(Method.POST, PathTemplate.of(path), access, Set.of(), endpoint);
  }

  /** {@code GET /v1/policies/{name}}, for metrics and logs. */
  String name() {
    return method.text() + " " + path.openApiPath();
  }
}
