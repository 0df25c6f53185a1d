package io.coffer.cas.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coffer.cas.client.CasClient;
import io.coffer.cas.client.CasClientException;
import io.coffer.cas.client.ClientIdentity;
import io.coffer.cas.http.TestTls;
import io.coffer.cas.identity.SelfAttestation;
import io.coffer.cas.identity.TeeMode;
import io.coffer.cas.seal.SealType;
import io.coffer.cas.service.CasState;
import io.coffer.cas.service.SelfDescription;
import io.coffer.cas.service.UnsealProgress;
import io.coffer.policy.governance.Identity;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CasNodeTest {

  @TempDir Path dir;

  private final List<CasNode> nodes = new ArrayList<>();
  private final ClientIdentity alice = TestTls.identity(Identity.Type.ED25519, "alice");

  @AfterEach
  void stopNodes() {
    nodes.forEach(CasNode::close);
  }

  private CasConfig config(SealType seal) {
    return new CasConfig(
        dir.resolve("data"),
        "127.0.0.1",
        0,
        StoreKind.SQLITE,
        Optional.empty(),
        new Properties(),
        TeeMode.SIMULATION,
        new CasConfig.Simulation(dir.resolve("platform.pem"), List.of()),
        seal,
        3,
        2,
        Optional.of(dir.resolve("shares")),
        "cas.test",
        List.of(),
        List.of(),
        Duration.ofSeconds(5),
        Optional.empty());
  }

  private CasNode start(SealType seal) throws Exception {
    CasNode node = CasNode.start(config(seal), Clock.systemUTC(), new SecureRandom());
    nodes.add(node);
    return node;
  }

  private CasClient client(CasNode node) throws Exception {
    SelfDescription self = CasClient.unpinned(node.url()).describe();
    return CasClient.pinned(node.url(), self.tlsPublicKey(), Optional.of(alice));
  }

  private static byte[] policy(String name) {
    return ("name: " + name + "\nversion: 1\n").getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void aNewCas_withTheKeyFileSeal_servesAndSaysItIsSimulatedAndInsecure() throws Exception {
    CasNode node = start(SealType.KEY_FILE);

    SelfDescription self = CasClient.unpinned(node.url()).describe();

    assertThat(node.state()).isEqualTo(CasState.SERVING);
    assertThat(self.state()).isEqualTo(CasState.SERVING);
    assertThat(self.simulated()).isTrue();
    assertThat(self.tee()).isEqualTo("simulation");
    assertThat(self.warnings())
        .contains(SelfAttestation.SIMULATION_WARNING)
        .anySatisfy(w -> assertThat(w).startsWith("DEVELOPMENT SEAL"));
    assertThat(self.checkpoint()).isPresent();
    assertThat(client(node).create(policy("lab"), List.of()).version()).isEqualTo(1);
  }

  @Test
  void metrics_reportTheLedgerSize_andReadiness_followsTheState() throws Exception {
    CasNode node = start(SealType.KEY_FILE);
    java.net.http.HttpClient http =
        java.net.http.HttpClient.newBuilder()
            .sslContext(io.coffer.cas.http.RawHttps.context(Optional.empty(), "TLSv1.3"))
            .build();

    String metrics =
        http.send(
                java.net.http.HttpRequest.newBuilder(node.url().resolve("/metrics")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString())
            .body();
    int ready =
        http.send(
                java.net.http.HttpRequest.newBuilder(node.url().resolve("/readyz")).build(),
                java.net.http.HttpResponse.BodyHandlers.discarding())
            .statusCode();

    assertThat(metrics).contains("coffer_ledger_size");
    assertThat(ready).isEqualTo(200);
  }

  @Test
  void aRestartedCas_keepsItsKeysAndState_andRecordsEachStart() throws Exception {
    CasNode first = start(SealType.KEY_FILE);
    String fingerprint = first.fingerprint();
    client(first).create(policy("lab"), List.of());
    first.close();

    CasNode second = start(SealType.KEY_FILE);

    assertThat(second.fingerprint()).isEqualTo(fingerprint);
    assertThat(client(second).read("lab", Optional.empty()).current().version()).isEqualTo(1);
    assertThat(new String(client(second).checkpoint(), StandardCharsets.UTF_8))
        .startsWith("cas.test\n3\n");
  }

  @Test
  void aShamirCas_startsSealed_afterItsFirstRun_andOpensWithThresholdShares() throws Exception {
    CasNode first = start(SealType.SHAMIR);
    assertThat(first.shareFiles()).hasSize(3);
    String fingerprint = first.fingerprint();
    byte[] ledgerKey = CasClient.unpinned(first.url()).describe().ledgerPublicKey();
    client(first).create(policy("lab"), List.of());
    first.close();

    CasNode second = start(SealType.SHAMIR);
    SelfDescription sealed = CasClient.unpinned(second.url()).describe();

    assertThat(second.state()).isEqualTo(CasState.SEALED);
    assertThat(sealed.state()).isEqualTo(CasState.SEALED);
    assertThat(second.fingerprint()).isNotEqualTo(fingerprint);
    assertThat(sealed.ledgerPublicKey()).isEqualTo(ledgerKey);
    assertThat(sealed.shamir()).contains(new UnsealProgress(0, 2, true));
    CasClient sealedClient =
        CasClient.pinned(second.url(), sealed.tlsPublicKey(), Optional.of(alice));
    assertThatThrownBy(() -> sealedClient.read("lab", Optional.empty()))
        .isInstanceOfSatisfying(
            CasClientException.class, e -> assertThat(e.slug()).isEqualTo("sealed"));

    UnsealProgress one = sealedClient.unseal(Files.readAllBytes(first.shareFiles().get(2)));
    assertThat(one).isEqualTo(new UnsealProgress(1, 2, true));
    UnsealProgress two = sealedClient.unseal(Files.readAllBytes(first.shareFiles().get(0)));
    assertThat(two.sealed()).isFalse();

    awaitServing(second);
    assertThat(second.fingerprint()).isEqualTo(fingerprint);
    assertThat(client(second).read("lab", Optional.empty()).current().version()).isEqualTo(1);
  }

  @Test
  void aShamirCasWhoseStoreWasRolledBack_stopsOnceUnsealed_andClosesEverything() throws Exception {
    CasNode first = start(SealType.SHAMIR);
    List<Path> shares = first.shareFiles();
    client(first).create(policy("lab"), List.of());
    first.close();
    Path db = dir.resolve("data").resolve(StoreKind.SQLITE_FILE);
    Path copy = dir.resolve("copy.db");
    Files.copy(db, copy);
    CasNode second = start(SealType.SHAMIR);
    unseal(second, shares);
    awaitServing(second);
    client(second).create(policy("lab2"), List.of());
    second.close();
    Files.copy(copy, db, StandardCopyOption.REPLACE_EXISTING);
    Files.deleteIfExists(Path.of(db + "-wal"));
    Files.deleteIfExists(Path.of(db + "-shm"));

    CasNode third = start(SealType.SHAMIR);
    java.net.URI url = third.url();
    unseal(third, shares);

    assertThat(third.stopped())
        .failsWithin(Duration.ofSeconds(10))
        .withThrowableOfType(java.util.concurrent.ExecutionException.class)
        .havingCause()
        .isInstanceOfSatisfying(
            CasStartException.class,
            e -> assertThat(e.reason()).isEqualTo(CasStartException.Reason.ROLLBACK));
    assertThat(third.state()).isEqualTo(CasState.STOPPING);
    assertThatThrownBy(() -> CasClient.unpinned(url).describe())
        .isInstanceOf(CasClientException.class);
  }

  private static void unseal(CasNode node, List<Path> shares) throws Exception {
    SelfDescription sealed = CasClient.unpinned(node.url()).describe();
    CasClient client = CasClient.pinned(node.url(), sealed.tlsPublicKey(), Optional.empty());
    client.unseal(Files.readAllBytes(shares.get(0)));
    client.unseal(Files.readAllBytes(shares.get(1)));
  }

  private static void awaitServing(CasNode node) throws InterruptedException {
    for (int i = 0; i < 200 && node.state() != CasState.SERVING; i++) {
      Thread.sleep(25);
    }
    assertThat(node.state()).isEqualTo(CasState.SERVING);
  }

  @Test
  void aStoreRestoredFromAnOlderCopy_isRefused_namingBothSizes() throws Exception {
    CasNode first = start(SealType.KEY_FILE);
    client(first).create(policy("lab"), List.of());
    first.close();
    Path db = dir.resolve("data").resolve(StoreKind.SQLITE_FILE);
    Path copy = dir.resolve("copy.db");
    Files.copy(db, copy);

    CasNode second = start(SealType.KEY_FILE);
    client(second).create(policy("lab2"), List.of());
    client(second).create(policy("lab3"), List.of());
    second.close();
    Files.copy(copy, db, StandardCopyOption.REPLACE_EXISTING);
    Files.deleteIfExists(Path.of(db + "-wal"));
    Files.deleteIfExists(Path.of(db + "-shm"));

    assertThatThrownBy(() -> start(SealType.KEY_FILE))
        .isInstanceOfSatisfying(
            CasStartException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(CasStartException.Reason.ROLLBACK);
              assertThat(e.getMessage()).contains("2").contains("5");
            });
  }

  @Test
  void secretValues_appearNowhereInTheDataDirectory_norInTheLedger() throws Exception {
    CasNode node = start(SealType.KEY_FILE);
    String secret = "Sup3rSecret-" + java.util.HexFormat.of().formatHex(new byte[] {7, 1, 9, 3});
    byte[] yaml =
        ("name: vault\nversion: 1\nsecrets:\n  - {name: db, kind: ascii, value: " + secret + "}\n")
            .getBytes(StandardCharsets.UTF_8);
    CasClient client = client(node);
    client.create(yaml, List.of());
    String read = client.read("vault", Optional.empty()).text();
    StringBuilder log = new StringBuilder();
    for (long i = 0; i < 16; i++) {
      client.tile("tile/entries/000.p/" + (i + 1)).ifPresent(b -> log.append(new String(b)));
    }
    node.close();

    assertThat(read).doesNotContain(secret);
    assertThat(log.toString()).contains("policy.created").doesNotContain(secret);
    byte[] needle = secret.getBytes(StandardCharsets.UTF_8);
    try (var files = Files.walk(dir)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        assertThat(indexOf(Files.readAllBytes(file), needle)).as(file.toString()).isEqualTo(-1);
      }
    }
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  @Test
  void aDataDirectoryOthersMayWrite_isRefused() throws Exception {
    Path data = Files.createDirectories(dir.resolve("data"));
    Files.setPosixFilePermissions(
        data, java.nio.file.attribute.PosixFilePermissions.fromString("rwxrwxrwx"));

    assertThatThrownBy(() -> start(SealType.KEY_FILE))
        .isInstanceOfSatisfying(
            CasStartException.class,
            e -> assertThat(e.reason()).isEqualTo(CasStartException.Reason.CONFIGURATION));
  }
}
