package io.coffer.cas.client;

import io.coffer.cas.http.wire.JsonObject;
import io.coffer.cas.http.wire.WireException;
import io.coffer.policy.Problem;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManager;

/** HTTPS requests to one CAS: TLS 1.3, the server trusted by its key, bounded answers. */
final class CasTransport {

  /** The largest answer read (a tile is 8 KiB, a bundle at most 16 MiB). */
  static final int MAX_RESPONSE_BYTES = 17 * 1024 * 1024;

  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);
  private static final String TLS_13 = "TLSv1.3";
  private static final Set<String> PROBLEM =
      Set.of(
          "type", "title", "status", "detail", "instance", "correlationId", "problems", "reasons");
  private static final Set<String> PROBLEM_ITEM =
      Set.of("file", "line", "column", "path", "message");

  /** The most problems read from one answer. */
  static final int MAX_PROBLEMS = 1_000;

  /** An answer: status, media type (without parameters) and body. */
  record Answer(int status, String mediaType, byte[] body) {}

  private final URI base;
  private final HttpClient http;

  CasTransport(URI base, ServerKeyTrust trust, Optional<ClientIdentity> identity)
      throws GeneralSecurityException {
    if (!"https".equals(base.getScheme()) || base.getHost() == null) {
      throw new IllegalArgumentException("a CAS URL is https://host:port, got " + base);
    }
    this.base = base;
    SSLContext context = SSLContext.getInstance(TLS_13);
    context.init(keyManagers(identity), new TrustManager[] {trust}, new SecureRandom());
    SSLParameters parameters = new SSLParameters();
    parameters.setProtocols(new String[] {TLS_13});
    this.http =
        HttpClient.newBuilder()
            .sslContext(context)
            .sslParameters(parameters)
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(CONNECT_TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  /** Closes the connections at once; requests still under way fail. */
  void close() {
    http.shutdownNow();
  }

  private static KeyManager[] keyManagers(Optional<ClientIdentity> identity)
      throws GeneralSecurityException {
    if (identity.isEmpty()) {
      return new KeyManager[0];
    }
    KeyStore store = KeyStore.getInstance("PKCS12");
    try {
      store.load(null, null);
    } catch (IOException e) {
      throw new GeneralSecurityException("cannot create an in-memory key store", e);
    }
    char[] password = new char[0];
    store.setKeyEntry(
        "client",
        identity.get().key().privateKey(),
        password,
        new Certificate[] {identity.get().certificate().certificate()});
    KeyManagerFactory factory = KeyManagerFactory.getInstance("PKIX");
    factory.init(store, password);
    return factory.getKeyManagers();
  }

  Answer get(String pathAndQuery) throws CasClientException {
    return send(HttpRequest.newBuilder(resolve(pathAndQuery)).GET());
  }

  Answer post(String path, String contentType, byte[] body) throws CasClientException {
    return send(
        HttpRequest.newBuilder(resolve(path))
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
  }

  private URI resolve(String pathAndQuery) {
    return base.resolve(pathAndQuery);
  }

  private Answer send(HttpRequest.Builder request) throws CasClientException {
    HttpResponse<InputStream> response;
    try {
      response =
          http.send(
              request.timeout(REQUEST_TIMEOUT).build(), HttpResponse.BodyHandlers.ofInputStream());
    } catch (IOException e) {
      throw new CasClientException(
          CasClientException.TRANSPORT, 0, "cannot talk to the CAS: " + e, Optional.empty(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CasClientException(
          CasClientException.TRANSPORT, 0, "interrupted", Optional.empty(), e);
    }
    byte[] body;
    try (InputStream in = response.body()) {
      body = in.readNBytes(MAX_RESPONSE_BYTES + 1);
    } catch (IOException e) {
      throw new CasClientException(
          CasClientException.TRANSPORT,
          0,
          "cannot read the CAS's answer: " + e,
          Optional.empty(),
          e);
    }
    if (body.length > MAX_RESPONSE_BYTES) {
      throw badResponse("an answer larger than " + MAX_RESPONSE_BYTES + " bytes", null);
    }
    String mediaType =
        response
            .headers()
            .firstValue("Content-Type")
            .map(v -> v.split(";", 2)[0].trim())
            .orElse("");
    Answer answer = new Answer(response.statusCode(), mediaType, body);
    if (answer.status() / 100 != 2) {
      throw problem(answer);
    }
    return answer;
  }

  private static CasClientException problem(Answer answer) {
    if (!answer.mediaType().equals("application/problem+json")) {
      return new CasClientException(
          "http-" + answer.status(),
          answer.status(),
          "the CAS answered HTTP " + answer.status(),
          Optional.empty(),
          null);
    }
    try {
      JsonObject p = JsonObject.parse(answer.body(), PROBLEM);
      String type = p.string("type");
      String slug = type.substring(type.lastIndexOf('/') + 1);
      List<Problem> problems = new ArrayList<>();
      if (p.has("problems")) {
        for (JsonObject item : p.objects("problems", MAX_PROBLEMS, PROBLEM_ITEM)) {
          problems.add(problemItem(item));
        }
      }
      List<String> reasons = p.has("reasons") ? p.strings("reasons", MAX_PROBLEMS) : List.of();
      return new CasClientException(
              slug,
              answer.status(),
              p.string("detail"),
              p.optionalString("correlationId"),
              problems,
              null)
          .withReasons(reasons);
    } catch (WireException e) {
      return badResponse("a malformed problem document: " + e.getMessage(), e);
    }
  }

  private static Problem problemItem(JsonObject item) throws WireException {
    try {
      return new Problem(
          item.string("file"),
          (int) item.integer("line", 0, Integer.MAX_VALUE),
          (int) item.integer("column", 0, Integer.MAX_VALUE),
          item.string("path"),
          item.string("message"));
    } catch (IllegalArgumentException e) {
      throw new WireException(item.path(), "not a problem: " + e.getMessage(), e);
    }
  }

  static CasClientException badResponse(String detail, Throwable cause) {
    return new CasClientException(
        CasClientException.BAD_RESPONSE, 0, detail, Optional.empty(), cause);
  }
}
