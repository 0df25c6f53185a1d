package io.coffer.cas.http;

import io.coffer.cas.service.Caller;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/** One request as an endpoint sees it: path parameters, query, caller and bounded body. */
final class Call {

  private final ServerRequest request;
  private final Map<String, String> params;
  private final Optional<Caller> caller;

  Call(ServerRequest request, Map<String, String> params, Optional<Caller> caller) {
    this.request = request;
    this.params = Map.copyOf(params);
    this.caller = caller;
  }

  /** A path parameter of the route's template, decoded. */
  String param(String name) {
    String value = params.get(name);
    if (value == null) {
      throw new IllegalStateException("the route has no parameter " + name);
    }
    return value;
  }

  /** The client's TLS certificate, when it sent exactly one X.509 certificate. */
  Optional<java.security.cert.X509Certificate> clientCertificate() {
    return request
        .remotePeer()
        .tlsCertificates()
        .filter(chain -> chain.length == 1)
        .map(chain -> chain[0])
        .filter(c -> c instanceof java.security.cert.X509Certificate)
        .map(c -> (java.security.cert.X509Certificate) c);
  }

  /** The caller, when the route authenticates and a certificate was sent. */
  Optional<Caller> callerIfAny() {
    return caller;
  }

  /** The authenticated caller; only routes that require one call this. */
  Caller caller() {
    return caller.orElseThrow(() -> new IllegalStateException("route does not authenticate"));
  }

  /**
   * A query parameter given at most once.
   *
   * @throws ApiProblem {@code bad-request} when it is given more than once
   */
  Optional<String> query(String name) throws ApiProblem {
    List<String> values = request.query().all(name, List::of);
    if (values.size() > 1) {
      throw ApiProblem.badRequest("query parameter " + name + ": given more than once", null);
    }
    return values.stream().findFirst();
  }

  /** A query parameter holding a decimal integer within {@code min..max}. */
  Optional<Long> queryLong(String name, long min, long max) throws ApiProblem {
    Optional<String> text = query(name);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    long value;
    try {
      if (!text.get().matches("0|[1-9][0-9]{0,18}")) {
        throw new NumberFormatException();
      }
      value = Long.parseLong(text.get());
    } catch (NumberFormatException e) {
      throw ApiProblem.badRequest("query parameter " + name + ": not a decimal integer", null);
    }
    if (value < min || value > max) {
      throw ApiProblem.badRequest(
          "query parameter " + name + ": must be within " + min + ".." + max, null);
    }
    return Optional.of(value);
  }

  /** A required integer query parameter. */
  long requiredLong(String name, long min, long max) throws ApiProblem {
    return queryLong(name, min, max)
        .orElseThrow(() -> ApiProblem.badRequest("query parameter " + name + ": missing", null));
  }

  /** The query parameter names sent. */
  java.util.Set<String> queryNames() {
    return request.query().names();
  }

  /** The media type of the body without parameters, lower case; empty if none was sent. */
  Optional<String> mediaType() {
    return request
        .headers()
        .first(HeaderNames.CONTENT_TYPE)
        .map(v -> v.split(";", 2)[0].trim().toLowerCase(Locale.ROOT));
  }

  /**
   * The body, at most {@code maxBytes}.
   *
   * @throws ApiProblem {@code payload-too-large} when it is larger
   */
  byte[] body(int maxBytes) throws ApiProblem {
    OptionalLong declared = request.headers().contentLength();
    if (declared.isPresent() && declared.getAsLong() > maxBytes) {
      throw tooLarge(maxBytes);
    }
    if (!request.content().hasEntity()) {
      return new byte[0];
    }
    try (InputStream in = request.content().inputStream()) {
      byte[] body = in.readNBytes(maxBytes + 1);
      if (body.length > maxBytes) {
        throw tooLarge(maxBytes);
      }
      return body;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the request body", e);
    }
  }

  /** The body of a JSON request: its media type must be {@code application/json}. */
  byte[] jsonBody(int maxBytes) throws ApiProblem {
    if (!mediaType().map(Reply.JSON::equals).orElse(false)) {
      throw new ApiProblem(
          ApiProblem.UNSUPPORTED_MEDIA_TYPE, 415, "the body must be application/json");
    }
    return body(maxBytes);
  }

  private static ApiProblem tooLarge(int maxBytes) {
    return new ApiProblem(
        ApiProblem.PAYLOAD_TOO_LARGE, 413, "the body is larger than " + maxBytes + " bytes");
  }
}
