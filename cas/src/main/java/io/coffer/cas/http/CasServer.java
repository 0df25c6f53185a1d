package io.coffer.cas.http;

import io.helidon.common.tls.Tls;
import io.helidon.common.tls.TlsClientAuth;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.HttpRouting;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.InstantSource;
import java.util.List;
import java.util.Objects;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;

/**
 * The CAS's HTTPS server: Helidon SE 4 (virtual threads), TLS 1.3 only, client certificates
 * requested but not required at the TLS level (public routes need none; {@link CasRoutes} requires
 * them per route).
 *
 * <p>Security guarantees: no plaintext listener; TLS 1.2 and older are refused in the handshake; a
 * client certificate, when sent, is accepted only as {@link ClientKeyTrust} says. The server's key
 * never leaves the process.
 */
public final class CasServer implements AutoCloseable {

  /** The largest request body the server reads at all; routes have smaller limits. */
  static final long MAX_PAYLOAD_BYTES = 8L * 1024 * 1024;

  private static final String TLS_13 = "TLSv1.3";

  /**
   * Where and as whom the server listens.
   *
   * @param host the address to bind ({@code 127.0.0.1} by default for the CLI)
   * @param port the port; 0 picks a free one
   * @param key the TLS private key
   * @param certificate the self-signed TLS certificate for {@code key}
   * @param clock the time client certificates must be valid at
   */
  public record Config(
      String host, int port, PrivateKey key, X509Certificate certificate, InstantSource clock) {

    public Config {
      Objects.requireNonNull(host, "host");
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(certificate, "certificate");
      Objects.requireNonNull(clock, "clock");
      if (port < 0 || port > 65_535) {
        throw new IllegalArgumentException("port must be 0..65535, got " + port);
      }
    }
  }

  private final WebServer server;

  private CasServer(WebServer server) {
    this.server = server;
  }

  /**
   * Starts the server with {@code routing} (normally {@link CasRoutes#routing}).
   *
   * @throws GeneralSecurityException if the key and certificate cannot make a TLS context
   */
  public static CasServer start(Config config, HttpRouting.Builder routing)
      throws GeneralSecurityException {
    Tls tls =
        Tls.builder()
            .sslContext(sslContext(config))
            .clientAuth(TlsClientAuth.OPTIONAL)
            .enabledProtocols(List.of(TLS_13))
            .build();
    WebServer server =
        WebServer.builder()
            .host(config.host())
            .port(config.port())
            .tls(tls)
            .maxPayloadSize(MAX_PAYLOAD_BYTES)
            .directHandlers(ProtocolProblems.all())
            .shutdownHook(false)
            .routing(routing)
            .build()
            .start();
    return new CasServer(server);
  }

  private static SSLContext sslContext(Config config) throws GeneralSecurityException {
    KeyStore store = KeyStore.getInstance("PKCS12");
    try {
      store.load(null, null);
    } catch (java.io.IOException e) {
      throw new GeneralSecurityException("cannot create an in-memory key store", e);
    }
    char[] password = new char[0];
    store.setKeyEntry("tls", config.key(), password, new Certificate[] {config.certificate()});
    KeyManagerFactory keys = KeyManagerFactory.getInstance("PKIX");
    keys.init(store, password);
    SSLContext context = SSLContext.getInstance(TLS_13);
    context.init(
        keys.getKeyManagers(),
        new TrustManager[] {new ClientKeyTrust(config.clock())},
        new SecureRandom());
    return context;
  }

  /** The port the server listens on. */
  public int port() {
    return server.port();
  }

  /** Stops the server; requests in flight are completed first. */
  public void stop() {
    server.stop();
  }

  @Override
  public void close() {
    stop();
  }
}
