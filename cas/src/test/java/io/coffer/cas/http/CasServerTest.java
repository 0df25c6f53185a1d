package io.coffer.cas.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coffer.cas.client.ClientIdentity;
import io.coffer.policy.governance.Identity;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CasServerTest {

  private static FakeCas fake;
  private static RunningCas cas;

  @BeforeAll
  static void start() throws Exception {
    fake = new FakeCas();
    cas = new RunningCas(fake);
  }

  @AfterAll
  static void stop() {
    cas.close();
  }

  @Test
  void handshake_withTls12_isRefused() throws Exception {
    SSLSocket socket =
        (SSLSocket)
            RawHttps.context(Optional.empty(), "TLSv1.2")
                .getSocketFactory()
                .createSocket("127.0.0.1", cas.server.port());
    try (socket) {
      socket.setEnabledProtocols(new String[] {"TLSv1.2"});
      assertThatThrownBy(socket::startHandshake).isInstanceOf(IOException.class);
    }
  }

  @Test
  void handshake_withTls13_negotiatesTls13() throws Exception {
    SSLSocket socket =
        (SSLSocket)
            RawHttps.context(Optional.empty(), "TLSv1.3")
                .getSocketFactory()
                .createSocket("127.0.0.1", cas.server.port());
    try (socket) {
      socket.startHandshake();
      assertThat(socket.getSession().getProtocol()).isEqualTo("TLSv1.3");
    }
  }

  @Test
  void publicRoute_withoutClientCertificate_isServed() throws Exception {
    HttpResponse<byte[]> r = new RawHttps(cas.uri(), Optional.empty()).get("/healthz");

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(RawHttps.text(r)).isEqualTo("{\"status\":\"up\"}");
  }

  @Test
  void policyRoute_withoutClientCertificate_is401Unauthenticated() throws Exception {
    HttpResponse<byte[]> r = new RawHttps(cas.uri(), Optional.empty()).get("/v1/policies");

    assertThat(r.statusCode()).isEqualTo(401);
    assertThat(r.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(RawHttps.json(r).get("type").asText())
        .isEqualTo("https://coffer.dev/problems/unauthenticated");
  }

  @Test
  void policyRoute_withEd25519ClientCertificate_seesTheCertificateAndKeyIdentities()
      throws Exception {
    ClientIdentity alice = TestTls.identity(Identity.Type.ED25519, "alice");

    HttpResponse<byte[]> r = new RawHttps(cas.uri(), Optional.of(alice)).get("/v1/policies");

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(fake.last.caller().orElseThrow().certificate())
        .isEqualTo(alice.certificate().identity());
    assertThat(FakeCas.keyOf(fake.last)).isEqualTo(alice.key().identity());
  }

  @Test
  void policyRoute_withP384ClientCertificate_isServed() throws Exception {
    ClientIdentity bob = TestTls.identity(Identity.Type.P384, "bob");

    HttpResponse<byte[]> r = new RawHttps(cas.uri(), Optional.of(bob)).get("/v1/policies");

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(FakeCas.keyOf(fake.last)).isEqualTo(bob.key().identity());
  }

  @Test
  void expiredClientCertificate_isRefusedInTheHandshake() throws Exception {
    RawHttps client = new RawHttps(cas.uri(), Optional.of(TestTls.expired("old")));

    assertThatThrownBy(() -> client.get("/v1/policies"))
        .isInstanceOfAny(SSLHandshakeException.class, IOException.class);
  }

  @Test
  void config_withBadPort_isRejected() {
    assertThatThrownBy(() ->
            new CasServer.Config(
                "127.0.0.1",
                70_000,
                cas.serverIdentity.key().privateKey(),
                cas.serverIdentity.certificate().certificate(),
                java.time.InstantSource.system()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /** Sends {@code request} as raw bytes over TLS 1.3 and returns the whole answer as text. */
  private static String raw(String request) throws Exception {
    SSLSocket socket =
        (SSLSocket)
            RawHttps.context(Optional.empty(), "TLSv1.3")
                .getSocketFactory()
                .createSocket("127.0.0.1", cas.server.port());
    try (socket) {
      socket.setSoTimeout(10_000);
      socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
      socket.getOutputStream().flush();
      return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
    }
  }

  @Test
  void malformedHttp_getsAProblemDocument_notTheServersDefaultText() throws Exception {
    String answer = raw("GET /healthz NOT-HTTP\r\nHost: x\r\n\r\n");

    assertThat(answer).startsWith("HTTP/1.1 400");
    assertThat(answer).containsIgnoringCase("content-type: application/problem+json");
    assertThat(answer).contains("\"type\":\"https://coffer.dev/problems/bad-request\"");
    assertThat(answer).doesNotContain("NOT-HTTP");
  }

  @Test
  void bodyOverTheServersLimit_getsAPayloadTooLargeProblem() throws Exception {
    String answer =
        raw(
            "POST /v1/policies HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                + "Content-Length: "
                + (CasServer.MAX_PAYLOAD_BYTES + 1)
                + "\r\n\r\n{");

    assertThat(answer).startsWith("HTTP/1.1 413");
    assertThat(answer).containsIgnoringCase("content-type: application/problem+json");
    assertThat(answer).contains("\"type\":\"https://coffer.dev/problems/payload-too-large\"");
  }
}
