package io.coffer.cas.witness;

import io.coffer.ledger.witness.AddCheckpointRequest;
import io.coffer.ledger.witness.AddCheckpointResult;
import io.coffer.ledger.witness.Witness;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP face of a {@link Witness}: C2SP tlog-witness {@code POST /add-checkpoint} on a Helidon
 * SE web server, nothing else.
 *
 * <p>Transport: HTTPS (TLS 1.3) with a {@link TlsIdentity}, or plain HTTP, which {@link #start}
 * accepts on a loopback address only. The protocol's security does not rest on TLS (checkpoints and
 * cosignatures are signed, tlog-witness authenticates requests by the checkpoint's signature
 * alone); HTTPS keeps a network attacker from blocking or faking refusals, so a witness reachable
 * from elsewhere must use it.
 *
 * <p>Restrictions: request bodies are capped at {@link AddCheckpointRequest#MAX_BODY_BYTES}; every
 * other path answers 404 and other methods 405.
 */
public final class WitnessServer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(WitnessServer.class);
  private static final String TEXT = "text/plain; charset=utf-8";

  private final WebServer server;
  private final InetSocketAddress listen;
  private final boolean https;

  private WitnessServer(WebServer server, InetSocketAddress listen, boolean https) {
    this.server = server;
    this.listen = listen;
    this.https = https;
  }

  /** Adds the witness's routes to {@code routing}: {@code POST /add-checkpoint}. */
  public static void routing(HttpRouting.Builder routing, Witness witness) {
    routing.post("/add-checkpoint", (req, res) -> addCheckpoint(witness, req, res));
  }

  /**
   * Starts a witness server on {@code listen} (port 0 picks a free one).
   *
   * @param tls HTTPS with this identity; empty for plain HTTP on a loopback address
   * @throws IllegalArgumentException for plain HTTP on a non-loopback address
   */
  public static WitnessServer start(
      Witness witness, InetSocketAddress listen, Optional<TlsIdentity> tls) {
    if (tls.isEmpty() && !listen.getAddress().isLoopbackAddress()) {
      throw new IllegalArgumentException(
          "plain HTTP is served on a loopback address only; give a TLS certificate and key to"
              + " listen on "
              + listen.getAddress().getHostAddress());
    }
    WebServerConfig.Builder builder =
        WebServer.builder()
            .address(listen.getAddress())
            .port(listen.getPort())
            .maxPayloadSize(AddCheckpointRequest.MAX_BODY_BYTES)
            .shutdownHook(false)
            .routing(r -> routing(r, witness));
    tls.ifPresent(id ->
        builder.tls(t ->
            t.privateKey(id.privateKey())
                .privateKeyCertChain(id.chain())
                .enabledProtocols(List.of("TLSv1.3"))));
    WebServer server = builder.build().start();
    return new WitnessServer(server, listen, tls.isPresent());
  }

  private static void addCheckpoint(Witness witness, ServerRequest req, ServerResponse res) {
    byte[] body;
    try (InputStream in = req.content().inputStream()) {
      body = in.readNBytes(AddCheckpointRequest.MAX_BODY_BYTES + 1);
    } catch (IOException | RuntimeException e) {
      LOG.atDebug().setCause(e).log("add-checkpoint: the request body could not be read");
      reply(res, 400, TEXT, "the request body could not be read\n");
      return;
    }
    if (body.length > AddCheckpointRequest.MAX_BODY_BYTES) {
      reply(res, 413, TEXT, "the request body is too large\n");
      return;
    }
    AddCheckpointResult result = witness.addCheckpoint(body);
    LOG.atInfo()
        .addKeyValue("outcome", result.outcome())
        .addKeyValue("status", result.httpStatus())
        .log("add-checkpoint");
    res.status(Status.create(result.httpStatus()));
    res.header(HeaderNames.CONTENT_TYPE, result.contentType());
    res.send(result.body());
  }

  private static void reply(ServerResponse res, int status, String contentType, String body) {
    res.status(Status.create(status));
    res.header(HeaderNames.CONTENT_TYPE, contentType);
    res.send(body.getBytes(StandardCharsets.UTF_8));
  }

  /** The port the server listens on. */
  public int port() {
    return server.port();
  }

  /** The submission prefix for the address the server listens on. */
  public URI url() {
    String host = listen.getAddress().getHostAddress();
    if (host.indexOf(':') >= 0) {
      host = "[" + host + "]";
    }
    return URI.create((https ? "https" : "http") + "://" + host + ":" + port());
  }

  /** Stops the server. */
  @Override
  public void close() {
    server.stop();
  }
}
