package io.coffer.cas.http;

import io.helidon.http.DirectHandler;
import io.helidon.http.HeaderNames;
import io.helidon.http.ServerResponseHeaders;
import io.helidon.http.Status;
import io.helidon.webserver.http.DirectHandlers;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers for requests the server refuses before routing (not HTTP/1.1, a header too long, a body
 * over the server's limit, ...): RFC 9457 problems like every other refusal, instead of the web
 * server's default text.
 *
 * <p>The detail is fixed per kind of refusal: the web server's own message may quote the request,
 * and is logged at debug level rather than sent back.
 */
final class ProtocolProblems implements DirectHandler {

  private static final Logger LOG = LoggerFactory.getLogger(ProtocolProblems.class);

  private ProtocolProblems() {}

  /** The handlers for every kind of event the web server answers directly. */
  static DirectHandlers all() {
    DirectHandlers.Builder b = DirectHandlers.builder();
    ProtocolProblems handler = new ProtocolProblems();
    for (EventType type : EventType.values()) {
      b.addHandler(type, handler);
    }
    return b.build();
  }

  @Override
  public TransportResponse handle(
      TransportRequest request,
      EventType eventType,
      Status defaultStatus,
      ServerResponseHeaders responseHeaders,
      String message) {
    Reply reply;
    if (eventType == EventType.INTERNAL_ERROR || defaultStatus.code() >= 500) {
      UUID id = UUID.randomUUID();
      LOG.atWarn()
          .addKeyValue("correlationId", id)
          .addKeyValue("event", eventType)
          .addKeyValue("message", message)
          .log("the web server failed a request before routing");
      reply = ProblemReplies.internal(id);
    } else {
      LOG.atDebug()
          .addKeyValue("event", eventType)
          .addKeyValue("status", defaultStatus.code())
          .addKeyValue("message", message)
          .log("refused before routing");
      reply = ProblemReplies.of(problem(eventType, defaultStatus));
    }
    return TransportResponse.builder()
        .status(Status.create(reply.status()))
        .header(HeaderNames.CONTENT_TYPE, reply.contentType())
        .header(HeaderNames.X_CONTENT_TYPE_OPTIONS, "nosniff")
        .header(HeaderNames.CACHE_CONTROL, "no-store")
        .keepAlive(false)
        .entity(reply.body())
        .build();
  }

  private static ApiProblem problem(EventType type, Status status) {
    int code = status.code();
    if (type == EventType.PAYLOAD_TOO_LARGE || code == 413) {
      return new ApiProblem(
          ApiProblem.PAYLOAD_TOO_LARGE,
          413,
          "the body is larger than " + CasServer.MAX_PAYLOAD_BYTES + " bytes");
    }
    if (type == EventType.HTTP_VERSION_NOT_SUPPORTED || code == 505) {
      return new ApiProblem(ApiProblem.BAD_REQUEST, 505, "only HTTP/1.1 is served");
    }
    if (type == EventType.FORBIDDEN || code == 403) {
      return new ApiProblem("forbidden", 403, "the request is refused");
    }
    return new ApiProblem(
        ApiProblem.BAD_REQUEST,
        code >= 400 && code < 500 ? code : 400,
        "the request is not valid HTTP/1.1");
  }
}
