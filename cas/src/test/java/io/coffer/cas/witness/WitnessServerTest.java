package io.coffer.cas.witness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coffer.ledger.note.CosignatureSigner;
import io.coffer.ledger.witness.AddCheckpointRequest;
import io.coffer.ledger.witness.MemoryWitnessStateStore;
import io.coffer.ledger.witness.Witness;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WitnessServerTest {

  private TestLog log;
  private WitnessServer server;
  private final HttpClient http = HttpClient.newHttpClient();
  private final CosignatureSigner cosigner;

  WitnessServerTest() throws Exception {
    cosigner = TestLog.cosigner("witness.example/w1");
  }

  @AfterEach
  void close() {
    if (server != null) {
      server.close();
    }
    if (log != null) {
      log.close();
    }
  }

  private Witness witness() throws Exception {
    log = TestLog.create().grow("a", 5);
    return new Witness(
        Map.of(TestLog.ORIGIN, List.of(log.key.verifier())),
        new MemoryWitnessStateStore(),
        List.of(cosigner));
  }

  private static InetSocketAddress loopback() {
    return new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
  }

  private HttpResponse<String> post(String path, byte[] body) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(server.url() + path))
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void addCheckpoint_answersWithTheWitnessStatusContentTypeAndBody() throws Exception {
    server = WitnessServer.start(witness(), loopback(), Optional.empty());
    byte[] request = new AddCheckpointRequest(0, List.of(), log.checkpoint()).encode();

    HttpResponse<String> cosigned = post("/add-checkpoint", request);
    HttpResponse<String> conflict = post("/add-checkpoint", request);

    assertThat(cosigned.statusCode()).isEqualTo(200);
    assertThat(cosigned.body()).startsWith("\u2014 witness.example/w1 ");
    assertThat(conflict.statusCode()).isEqualTo(409);
    assertThat(conflict.headers().firstValue("Content-Type")).hasValue("text/x.tlog.size");
    assertThat(conflict.body()).isEqualTo("5\n");
  }

  @Test
  void addCheckpoint_withAMalformedBody_is400() throws Exception {
    server = WitnessServer.start(witness(), loopback(), Optional.empty());

    HttpResponse<String> response = post("/add-checkpoint", "old 01\n\n".getBytes());

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("line 1");
  }

  @Test
  void addCheckpoint_withAnOversizedBody_isRefusedUnread() throws Exception {
    server = WitnessServer.start(witness(), loopback(), Optional.empty());

    // With "Expect: 100-continue" the client waits for the server's verdict before sending the
    // body; without it, the server may close the connection while the client still writes.
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(server.url() + "/add-checkpoint"))
                .expectContinue(true)
                .POST(
                    HttpRequest.BodyPublishers.ofByteArray(
                        new byte[AddCheckpointRequest.MAX_BODY_BYTES + 1]))
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(413);
  }

  @Test
  void otherPathsAndMethods_areNotServed() throws Exception {
    server = WitnessServer.start(witness(), loopback(), Optional.empty());

    assertThat(post("/", new byte[0]).statusCode()).isEqualTo(404);
    assertThat(post("/add-checkpoint/x", new byte[0]).statusCode()).isEqualTo(404);
    HttpResponse<String> get =
        http.send(
            HttpRequest.newBuilder(URI.create(server.url() + "/add-checkpoint")).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(get.statusCode()).isIn(404, 405);
  }

  @Test
  void start_withPlainHttpOnANonLoopbackAddress_isRefused() throws Exception {
    Witness witness = witness();
    InetSocketAddress everywhere = new InetSocketAddress(InetAddress.getByName("0.0.0.0"), 0);

    assertThatThrownBy(() -> WitnessServer.start(witness, everywhere, Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("give a TLS certificate and key");
  }

  @Test
  void start_withTls_servesHttpsThatTheClientUses() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(256);
    KeyPair pair = generator.generateKeyPair();
    X509Certificate certificate = selfSigned(pair);
    server =
        WitnessServer.start(
            witness(),
            loopback(),
            Optional.of(new TlsIdentity(pair.getPrivate(), List.of(certificate))));
    KeyStore trust = KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    trust.setCertificateEntry("witness", certificate);
    TrustManagerFactory tmf =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(trust);
    SSLContext tls = SSLContext.getInstance("TLSv1.3");
    tls.init(null, tmf.getTrustManagers(), null);

    WitnessClient client =
        WitnessClient.create(server.url(), cosigner.verifier(), Duration.ofSeconds(5), tls);
    Cosigned cosigned = client.addCheckpoint(log.checkpoint(), log.ledger);

    assertThat(server.url().getScheme()).isEqualTo("https");
    assertThat(cosigned.treeHead().size()).isEqualTo(5);
  }

  private static X509Certificate selfSigned(KeyPair pair) throws Exception {
    X500Name name = new X500Name("CN=witness");
    Instant now = Instant.now();
    JcaX509v3CertificateBuilder builder =
        new JcaX509v3CertificateBuilder(
            name,
            BigInteger.ONE,
            Date.from(now.minus(Duration.ofDays(1))),
            Date.from(now.plus(Duration.ofDays(1))),
            name,
            pair.getPublic());
    builder.addExtension(
        Extension.subjectAlternativeName,
        false,
        new GeneralNames(new GeneralName(GeneralName.iPAddress, "127.0.0.1")));
    return new JcaX509CertificateConverter()
        .getCertificate(
            builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate())));
  }
}
