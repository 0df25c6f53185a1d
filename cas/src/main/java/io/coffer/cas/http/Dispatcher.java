package io.coffer.cas.http;

import io.coffer.cas.http.wire.WireException;
import io.coffer.cas.service.Caller;
import io.coffer.cas.service.CasControl;
import io.coffer.cas.service.CasException;
import io.coffer.cas.service.CasState;
import io.helidon.http.Method;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes every request through the route table: finds the route (404 and 405 as problems), enforces
 * access (401 without a client certificate, 503 while sealed), runs the endpoint, turns every
 * failure into a problem, and records the request's metrics.
 */
final class Dispatcher implements Handler {

  private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);
  private static final String UNMATCHED = "unmatched";

  private final List<ApiRoute> routes;
  private final CasControl control;
  private final ServerMetrics metrics;

  Dispatcher(List<ApiRoute> routes, CasControl control, ServerMetrics metrics) {
    this.routes = List.copyOf(routes);
    this.control = control;
    this.metrics = metrics;
  }

  @Override
  public void handle(ServerRequest request, ServerResponse response) {
    long start = System.nanoTime();
    Method method = request.prologue().method();
    String routeName = UNMATCHED;
    Reply reply;
    try {
      String rawPath = request.prologue().uriPath().rawPath();
      Set<String> allowed = new LinkedHashSet<>();
      ApiRoute route = null;
      Map<String, String> params = Map.of();
      for (ApiRoute r : routes) {
        Optional<Map<String, String>> match = r.path().match(rawPath);
        if (match.isPresent()) {
          if (r.method().equals(method)) {
            route = r;
            params = match.get();
            break;
          }
          allowed.add(r.method().text());
        }
      }
      if (route == null) {
        reply = unmatched(method, allowed);
      } else {
        routeName = route.path().openApiPath();
        reply = run(route, new Call(request, params, callerFor(route, request)));
      }
    } catch (ApiProblem e) {
      reply = ProblemReplies.of(e);
    } catch (RuntimeException | Error e) {
      reply = internal(e, routeName);
    }
    send(response, reply);
    metrics.request(
        method.text(), routeName, reply.status(), Duration.ofNanos(System.nanoTime() - start));
  }

  private static Optional<Caller> callerFor(ApiRoute route, ServerRequest request) {
    return route.access() == ApiRoute.Access.AUTHENTICATED
        ? ClientCertificates.caller(request)
        : Optional.empty();
  }

  private static Reply unmatched(Method method, Set<String> allowed) {
    if (allowed.isEmpty()) {
      return ProblemReplies.of(
          new ApiProblem(ApiProblem.NOT_FOUND, 404, "no such resource in the API"));
    }
    return ProblemReplies.of(
            new ApiProblem(
                ApiProblem.METHOD_NOT_ALLOWED,
                405,
                method.text() + " is not allowed here; allowed: " + String.join(", ", allowed)))
        .withHeader("Allow", String.join(", ", allowed));
  }

  private Reply run(ApiRoute route, Call call) {
    try {
      for (String name : call.queryNames()) {
        if (!route.query().contains(name)) {
          throw ApiProblem.badRequest(
              "unknown query parameter " + name + " (accepted: " + route.query() + ")", null);
        }
      }
      if (route.access() == ApiRoute.Access.SERVING) {
        requireServing();
      }
      if (route.access() == ApiRoute.Access.AUTHENTICATED) {
        requireServing();
        if (call.callerIfAny().isEmpty()) {
          throw new ApiProblem(
              ApiProblem.UNAUTHENTICATED,
              401,
              "this route needs a TLS client certificate (coffer identity create makes one)");
        }
      }
      return route.endpoint().handle(call);
    } catch (CasException e) {
      if (e.type() == CasException.Type.INTERNAL) {
        return internal(e, route.name());
      }
      return ProblemReplies.of(ApiProblem.of(e));
    } catch (ApiProblem e) {
      return ProblemReplies.of(e);
    } catch (WireException e) {
      return ProblemReplies.of(ApiProblem.badRequest(e.getMessage(), e));
    }
  }

  /** Policy routes are served only while the CAS serves (SEALED: 503 sealed). */
  private void requireServing() throws ApiProblem {
    CasState state = control.state();
    if (state == CasState.SEALED) {
      throw new ApiProblem(
          CasException.Type.SEALED.slug(),
          503,
          "the CAS is sealed: submit unseal shares (coffer cas unseal) first");
    }
    if (state != CasState.SERVING) {
      throw new ApiProblem(CasException.Type.UNAVAILABLE.slug(), 503, "the CAS is shutting down");
    }
  }

  private static Reply internal(Throwable cause, String route) {
    UUID correlationId = UUID.randomUUID();
    LOG.atError()
        .addKeyValue("correlationId", correlationId)
        .addKeyValue("route", route)
        .setCause(cause)
        .log("request failed with an internal error");
    return ProblemReplies.internal(correlationId);
  }

  private static void send(ServerResponse response, Reply reply) {
    response.status(reply.status());
    response.header("Content-Type", reply.contentType());
    response.header("X-Content-Type-Options", "nosniff");
    if (!reply.headers().containsKey("Cache-Control")) {
      response.header("Cache-Control", "no-store");
    }
    reply.headers().forEach(response::header);
    response.send(reply.body());
  }
}
