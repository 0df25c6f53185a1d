package io.coffer.cas.witness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.coffer.cas.witness.WitnessException.Reason;
import io.coffer.ledger.checkpoint.CheckpointVerifier;
import io.coffer.ledger.note.CosignatureSigner;
import io.coffer.ledger.witness.MemoryWitnessStateStore;
import io.coffer.ledger.witness.Witness;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The client against a real witness server on loopback, and against hostile ones. */
class WitnessClientTest {

  private final List<AutoCloseable> open = new ArrayList<>();

  @AfterEach
  void close() throws Exception {
    for (AutoCloseable c : open.reversed()) {
      c.close();
    }
  }

  private <T extends AutoCloseable> T track(T c) {
    open.add(c);
    return c;
  }

  private TestLog log() throws Exception {
    return track(TestLog.create());
  }

  private WitnessServer serve(TestLog log, CosignatureSigner cosigner) {
    Witness witness =
        new Witness(
            Map.of(TestLog.ORIGIN, List.of(log.key.verifier())),
            new MemoryWitnessStateStore(),
            List.of(cosigner));
    return track(
        WitnessServer.start(
            witness, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), Optional.empty()));
  }

  private static WitnessClient client(URI url, CosignatureSigner cosigner) {
    return WitnessClient.create(url, cosigner.verifier(), Duration.ofSeconds(5), null);
  }

  @Test
  void addCheckpoint_ofAGrowingLog_returnsVerifiedCosignatures() throws Exception {
    TestLog log = log().grow("a", 10);
    CosignatureSigner cosigner = TestLog.cosigner("witness.example/w1");
    WitnessClient client = client(serve(log, cosigner).url(), cosigner);

    Cosigned first = client.addCheckpoint(log.checkpoint(), log.ledger);
    log.grow("a", 300);
    Cosigned second = client.addCheckpoint(log.checkpoint(), log.ledger);

    assertThat(first.treeHead().size()).isEqualTo(10);
    assertThat(second.treeHead()).isEqualTo(log.ledger.head());
    assertThat(second.timestamp()).isEqualTo(TestLog.CLOCK.instant());
    // The cosigned note verifies for the log's key together with the witness's cosignature.
    var verified =
        CheckpointVerifier.allOf(
                Optional.of(TestLog.ORIGIN), List.of(log.key.verifier(), cosigner.verifier()))
            .verify(second.cosignedNote());
    assertThat(verified.treeHead()).isEqualTo(log.ledger.head());
  }

  @Test
  void addCheckpoint_byAClientThatForgotTheWitnessSize_followsThe409() throws Exception {
    TestLog log = log().grow("a", 20);
    CosignatureSigner cosigner = TestLog.cosigner("witness.example/w1");
    URI url = serve(log, cosigner).url();
    client(url, cosigner).addCheckpoint(log.checkpoint(), log.ledger);
    log.grow("a", 57);

    Cosigned cosigned = client(url, cosigner).addCheckpoint(log.checkpoint(), log.ledger);

    assertThat(cosigned.treeHead().size()).isEqualTo(57);
  }

  @Test
  void addCheckpoint_ofARolledBackLog_reportsTheWitnessSize() throws Exception {
    TestLog live = log().grow("a", 300);
    CosignatureSigner cosigner = TestLog.cosigner("witness.example/w1");
    URI url = serve(live, cosigner).url();
    client(url, cosigner).addCheckpoint(live.checkpoint(), live.ledger);
    TestLog restored = track(live.sameKey()).grow("a", 100);

    assertThatThrownBy(
            () -> client(url, cosigner).addCheckpoint(restored.checkpoint(), restored.ledger))
        .isInstanceOfSatisfying(
            WitnessException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(Reason.WITNESS_AHEAD);
              assertThat(e.witnessSize()).hasValue(300);
            })
        .hasMessageContaining("cosigned size 300")
        .hasMessageContaining("checkpoint's 100");
  }

  @Test
  void addCheckpoint_ofAForkedLog_isInconsistent() throws Exception {
    TestLog live = log().grow("a", 100);
    CosignatureSigner cosigner = TestLog.cosigner("witness.example/w1");
    URI url = serve(live, cosigner).url();
    client(url, cosigner).addCheckpoint(live.checkpoint(), live.ledger);
    TestLog forked = track(live.sameKey()).grow("a", 50).grow("b", 120);

    assertThatThrownBy(
            () -> client(url, cosigner).addCheckpoint(forked.checkpoint(), forked.ledger))
        .isInstanceOfSatisfying(
            WitnessException.class, e -> assertThat(e.reason()).isEqualTo(Reason.INCONSISTENT));
  }

  @Test
  void addCheckpoint_ofAForkAtTheSameSize_isInconsistent() throws Exception {
    TestLog live = log().grow("a", 100);
    CosignatureSigner cosigner = TestLog.cosigner("witness.example/w1");
    URI url = serve(live, cosigner).url();
    WitnessClient client = client(url, cosigner);
    client.addCheckpoint(live.checkpoint(), live.ledger);
    TestLog forked = track(live.sameKey()).grow("b", 100);

    assertThatThrownBy(() -> client.addCheckpoint(forked.checkpoint(), forked.ledger))
        .isInstanceOfSatisfying(
            WitnessException.class, e -> assertThat(e.reason()).isEqualTo(Reason.INCONSISTENT));
  }

  @Test
  void addCheckpoint_cosignedByAnotherKeyThanConfigured_isNotBelieved() throws Exception {
    TestLog log = log().grow("a", 3);
    CosignatureSigner real = TestLog.cosigner("witness.example/w1");
    CosignatureSigner impostor = TestLog.cosigner("witness.example/w1");
    WitnessClient client = client(serve(log, impostor).url(), real);

    assertThatThrownBy(() -> client.addCheckpoint(log.checkpoint(), log.ledger))
        .isInstanceOfSatisfying(
            WitnessException.class, e -> assertThat(e.reason()).isEqualTo(Reason.BAD_COSIGNATURE));
  }

  @Test
  void addCheckpoint_ofALogTheWitnessDoesNotKnow_isRefused() throws Exception {
    TestLog log = log().grow("a", 3);
    TestLog stranger = log();
    CosignatureSigner cosigner = TestLog.cosigner("witness.example/w1");
    WitnessClient client = client(serve(stranger, cosigner).url(), cosigner);

    assertThatThrownBy(() -> client.addCheckpoint(log.checkpoint(), log.ledger))
        .isInstanceOfSatisfying(
            WitnessException.class, e -> assertThat(e.reason()).isEqualTo(Reason.REFUSED))
        .hasMessageContaining("(403)");
  }

  @Test
  void addCheckpoint_toAClosedPort_isUnreachable() throws Exception {
    TestLog log = log().grow("a", 3);
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    CosignatureSigner cosigner = TestLog.cosigner("witness.example/w1");
    WitnessClient client = client(URI.create("http://127.0.0.1:" + port), cosigner);

    assertThatThrownBy(() -> client.addCheckpoint(log.checkpoint(), log.ledger))
        .isInstanceOfSatisfying(
            WitnessException.class, e -> assertThat(e.reason()).isEqualTo(Reason.UNREACHABLE));
  }

  /** A witness that answers every request with {@code status} and {@code body}. */
  private URI hostile(int status, byte[] body, AtomicInteger requests) throws Exception {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          requests.incrementAndGet();
          exchange.getRequestBody().readAllBytes();
          exchange.sendResponseHeaders(status, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
    open.add(() -> server.stop(0));
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/prefix");
  }

  @Test
  void a409WithoutACanonicalSize_isAFailure_notASize() throws Exception {
    TestLog log = log().grow("a", 3);
    CosignatureSigner cosigner = TestLog.cosigner("w");
    for (String body : List.of("", "12", "012\n", "-1\n", "1e3\n", "99999999999999999999\n")) {
      URI url = hostile(409, body.getBytes(StandardCharsets.US_ASCII), new AtomicInteger());

      assertThatThrownBy(() -> client(url, cosigner).addCheckpoint(log.checkpoint(), log.ledger))
          .as("409 body %s", body)
          .isInstanceOfSatisfying(
              WitnessException.class, e -> assertThat(e.reason()).isEqualTo(Reason.UNREACHABLE))
          .hasMessageContaining("without a tree size");
    }
  }

  @Test
  void a409RepeatingTheOldSize_meansAnotherRootAtThatSize() throws Exception {
    TestLog log = log().grow("a", 3);
    CosignatureSigner cosigner = TestLog.cosigner("w");
    AtomicInteger requests = new AtomicInteger();
    URI url = hostile(409, "0\n".getBytes(StandardCharsets.US_ASCII), requests);

    assertThatThrownBy(() -> client(url, cosigner).addCheckpoint(log.checkpoint(), log.ledger))
        .isInstanceOfSatisfying(
            WitnessException.class, e -> assertThat(e.reason()).isEqualTo(Reason.INCONSISTENT));
    assertThat(requests).hasValue(1);
  }

  @Test
  void anEndlessRetryLoop_isCut() throws Exception {
    TestLog log = log().grow("a", 10);
    CosignatureSigner cosigner = TestLog.cosigner("w");
    AtomicInteger requests = new AtomicInteger();
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          byte[] body =
              ((requests.incrementAndGet() % 5 + 1) + "\n").getBytes(StandardCharsets.US_ASCII);
          exchange.getRequestBody().readAllBytes();
          exchange.sendResponseHeaders(409, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
    open.add(() -> server.stop(0));
    URI url = URI.create("http://127.0.0.1:" + server.getAddress().getPort());

    assertThatThrownBy(() -> client(url, cosigner).addCheckpoint(log.checkpoint(), log.ledger))
        .isInstanceOfSatisfying(
            WitnessException.class, e -> assertThat(e.reason()).isEqualTo(Reason.UNREACHABLE));
    assertThat(requests).hasValue(WitnessClient.MAX_ATTEMPTS);
  }

  @Test
  void anOversizedAnswer_isNotRead() throws Exception {
    TestLog log = log().grow("a", 3);
    CosignatureSigner cosigner = TestLog.cosigner("w");
    URI url = hostile(200, new byte[WitnessClient.MAX_RESPONSE_BYTES + 1], new AtomicInteger());

    assertThatThrownBy(() -> client(url, cosigner).addCheckpoint(log.checkpoint(), log.ledger))
        .isInstanceOfSatisfying(
            WitnessException.class, e -> assertThat(e.reason()).isEqualTo(Reason.UNREACHABLE))
        .hasMessageContaining("more than");
  }

  @Test
  void a200WithGarbage_isNotACosignature() throws Exception {
    TestLog log = log().grow("a", 3);
    CosignatureSigner cosigner = TestLog.cosigner("w");
    URI url = hostile(200, "\u2014 w AAAA\n".getBytes(StandardCharsets.UTF_8), new AtomicInteger());

    assertThatThrownBy(() -> client(url, cosigner).addCheckpoint(log.checkpoint(), log.ledger))
        .isInstanceOfSatisfying(
            WitnessException.class, e -> assertThat(e.reason()).isEqualTo(Reason.BAD_COSIGNATURE));
  }

  @Test
  void aServerError_isUnreachable() throws Exception {
    TestLog log = log().grow("a", 3);
    CosignatureSigner cosigner = TestLog.cosigner("w");
    URI url = hostile(500, "db down\n".getBytes(StandardCharsets.US_ASCII), new AtomicInteger());

    assertThatThrownBy(() -> client(url, cosigner).addCheckpoint(log.checkpoint(), log.ledger))
        .isInstanceOfSatisfying(
            WitnessException.class, e -> assertThat(e.reason()).isEqualTo(Reason.UNREACHABLE))
        .hasMessageContaining("answered 500: db down");
  }

  @Test
  void endpoint_isThePrefixWithAddCheckpoint() throws Exception {
    CosignatureSigner cosigner = TestLog.cosigner("w");
    assertThat(client(URI.create("https://w.example/sub"), cosigner).endpoint())
        .hasToString("https://w.example/sub/add-checkpoint");
    assertThat(client(URI.create("https://w.example/"), cosigner).endpoint())
        .hasToString("https://w.example/add-checkpoint");
    assertThatThrownBy(() -> client(URI.create("ftp://w.example"), cosigner))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
