package io.coffer.cas.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.coffer.cas.client.ClientIdentity;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Optional;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;

/** Raw HTTPS requests for tests: any method, path and body; trusts any server. */
public final class RawHttps {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final URI base;
  private final HttpClient http;

  public RawHttps(URI base, Optional<ClientIdentity> identity) throws Exception {
    this.base = base;
    this.http =
        HttpClient.newBuilder()
            .sslContext(context(identity, "TLSv1.3"))
            .version(HttpClient.Version.HTTP_1_1)
            .build();
  }

  /** An SSL context that trusts any server and presents {@code identity} when given. */
  public static SSLContext context(Optional<ClientIdentity> identity, String protocol)
      throws Exception {
    KeyManager[] keys = new KeyManager[0];
    if (identity.isPresent()) {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      store.setKeyEntry(
          "c",
          identity.get().key().privateKey(),
          new char[0],
          new Certificate[] {identity.get().certificate().certificate()});
      KeyManagerFactory f = KeyManagerFactory.getInstance("PKIX");
      f.init(store, new char[0]);
      keys = f.getKeyManagers();
    }
    SSLContext context = SSLContext.getInstance(protocol);
    context.init(keys, new TrustManager[] {new TrustAny()}, new SecureRandom());
    return context;
  }

  public HttpResponse<byte[]> get(String path) throws IOException, InterruptedException {
    return send("GET", path, null, null);
  }

  public HttpResponse<byte[]> send(String method, String path, String contentType, byte[] body)
      throws IOException, InterruptedException {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(base.resolve(path))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(body));
    if (contentType != null) {
      b.header("Content-Type", contentType);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  public HttpResponse<byte[]> postJson(String path, String json)
      throws IOException, InterruptedException {
    return send("POST", path, "application/json", json.getBytes(StandardCharsets.UTF_8));
  }

  public static JsonNode json(HttpResponse<byte[]> response) throws IOException {
    return MAPPER.readTree(response.body());
  }

  public static String text(HttpResponse<byte[]> response) {
    return new String(response.body(), StandardCharsets.UTF_8);
  }

  /** Trusts every server: the tests here are about the server's behaviour, not the client's. */
  static final class TrustAny extends X509ExtendedTrustManager {
    @Override
    public void checkClientTrusted(X509Certificate[] c, String a) {}

    @Override
    public void checkServerTrusted(X509Certificate[] c, String a) {}

    @Override
    public void checkClientTrusted(X509Certificate[] c, String a, java.net.Socket s) {}

    @Override
    public void checkServerTrusted(X509Certificate[] c, String a, java.net.Socket s) {}

    @Override
    public void checkClientTrusted(X509Certificate[] c, String a, SSLEngine e) {}

    @Override
    public void checkServerTrusted(X509Certificate[] c, String a, SSLEngine e) {}

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }

  static SSLParameters tls12Only() {
    SSLParameters p = new SSLParameters();
    p.setProtocols(new String[] {"TLSv1.2"});
    return p;
  }
}
