package io.coffer.cas.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.coffer.attestation.Evidence;
import io.coffer.attestation.collect.SimulationSource;
import io.coffer.attestation.simulation.SimulatedPlatform;
import io.coffer.cas.attest.Challenge;
import io.coffer.cas.attest.WorkloadKey;
import io.coffer.cas.client.AttestAnswer;
import io.coffer.cas.client.AttestedWorkload;
import io.coffer.cas.client.CasClient;
import io.coffer.cas.client.CasClientException;
import io.coffer.cas.client.ClientIdentity;
import io.coffer.cas.client.WorkloadAttester;
import io.coffer.cas.events.AccessDenied;
import io.coffer.cas.events.AttestationFailed;
import io.coffer.cas.events.AttestationSucceeded;
import io.coffer.cas.events.EventCodec;
import io.coffer.cas.events.SecretReleased;
import io.coffer.cas.events.VolumeTagUpdated;
import io.coffer.cas.http.TestTls;
import io.coffer.cas.identity.TeeMode;
import io.coffer.cas.provision.ConfigurationJwe;
import io.coffer.cas.provision.ConfigurationJweException;
import io.coffer.cas.seal.SealType;
import io.coffer.cas.service.SelfDescription;
import io.coffer.policy.governance.Identity;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The attestation protocol end to end: a CAS on loopback, a policy created through the API, and
 * workloads with simulated evidence.
 */
class AttestationEndToEndTest {

  private static final String ORIGIN = "cas.attest";
  private static final byte[] API = measurement(1);
  private static final byte[] WORKER = measurement(2);

  @TempDir Path dir;

  private final ClientIdentity alice = TestTls.identity(Identity.Type.ED25519, "alice");
  private final ClientIdentity bob = TestTls.identity(Identity.Type.P256, "bob");
  private final AtomicReference<Instant> now = new AtomicReference<>();
  private CasNode node;
  private CasClient anonymous;
  private SimulatedPlatform platform;

  private static byte[] measurement(int seed) {
    byte[] m = new byte[32];
    java.util.Arrays.fill(m, (byte) seed);
    return m;
  }

  @BeforeEach
  void start() throws Exception {
    now.set(Instant.now());
    InstantSource clock = () -> now.get();
    CasConfig config =
        new CasConfig(
            dir.resolve("data"),
            "127.0.0.1",
            0,
            StoreKind.SQLITE,
            Optional.empty(),
            new Properties(),
            TeeMode.SIMULATION,
            new CasConfig.Simulation(dir.resolve("platform.pem"), List.of()),
            SealType.KEY_FILE,
            3,
            2,
            Optional.empty(),
            ORIGIN,
            List.of(),
            List.of(),
            Duration.ofSeconds(5),
            Optional.empty());
    node = CasNode.start(config, clock, new SecureRandom());
    platform = SimulatedPlatform.loadOrCreate(dir.resolve("platform.pem"));
    anonymous = client(Optional.empty());
    client(Optional.of(alice))
        .create(policy("apps/web", true).getBytes(StandardCharsets.UTF_8), List.of());
  }

  @AfterEach
  void stop() {
    node.close();
  }

  private CasClient client(Optional<ClientIdentity> identity) throws Exception {
    SelfDescription self = CasClient.unpinned(node.url()).describe();
    return CasClient.pinned(node.url(), self.tlsPublicKey(), identity);
  }

  private String policy(String name, boolean tolerateSimulation) {
    return "name: "
        + name
        + "\nversion: 1\nservices:\n"
        + "  - name: api\n"
        + "    identity:\n"
        + "      - simulation:\n"
        + "          measurement: "
        + HexFormat.of().formatHex(API)
        + "\n"
        + "    command: [/bin/api, --token, $$COFFER:token$$]\n"
        + "    environment:\n"
        + "      DB_PASSWORD: $$COFFER:db-password$$\n"
        + "      MODE: production\n"
        + "    pwd: /app\n"
        + "    files:\n"
        + "      - path: /app/key.pem\n"
        + "        content: $$COFFER:signing-key:pem$$\n"
        + "    volumes:\n"
        + "      - name: data\n"
        + "        path: /data\n"
        + "        mode: rw\n"
        + "  - name: worker\n"
        + "    identity:\n"
        + "      - simulation:\n"
        + "          measurement: "
        + HexFormat.of().formatHex(WORKER)
        + "\n"
        + "    command: [/bin/worker]\n"
        + "    volumes:\n"
        + "      - name: data\n"
        + "        path: /data\n"
        + "        mode: ro\n"
        + "secrets:\n"
        + "  - name: token\n"
        + "    kind: ascii\n"
        + "    size: 24\n"
        + "  - name: db-password\n"
        + "    kind: ascii\n"
        + "    size: 16\n"
        + "    reveal_to:\n"
        + "      - "
        + alice.key().identity()
        + "\n"
        + "  - name: signing-key\n"
        + "    kind: private-key\n"
        + "volumes:\n"
        + "  - name: data\n"
        + (tolerateSimulation ? "security:\n  tolerate: [simulation]\n" : "");
  }

  private WorkloadAttester workload(byte[] measurement) throws Exception {
    return new WorkloadAttester(
        anonymous, new SimulationSource(platform, measurement, Clock.systemUTC()));
  }

  private LedgerAudit audit() throws Exception {
    String verifierKey = anonymous.describe().ledgerVerifierKey();
    return LedgerAudit.of(anonymous, ORIGIN, verifierKey, Files.createTempDirectory(dir, "audit"));
  }

  private static JsonNode json(AttestedWorkload w) throws IOException {
    return new ObjectMapper().readTree(w.configuration());
  }

  @Test
  void admitted_receivesItsConfigurationSecretsAndCertificate() throws Exception {
    AttestedWorkload w = workload(API).attest("apps/web", "api");

    JsonNode config = json(w);
    assertThat(config.get("policy").asText()).isEqualTo("apps/web");
    assertThat(config.get("service").asText()).isEqualTo("api");
    assertThat(config.get("pwd").asText()).isEqualTo("/app");
    assertThat(config.at("/environment/MODE").asText()).isEqualTo("production");
    String password = config.at("/environment/DB_PASSWORD").asText();
    assertThat(password).hasSize(16).doesNotContain("$$COFFER");
    assertThat(config.at("/command/2").asText()).hasSize(24).doesNotContain("$$COFFER");
    assertThat(config.at("/files/0/content").asText()).startsWith("-----BEGIN PRIVATE KEY-----");
    assertThat(config.at("/volumes/0/key").asText()).isNotEmpty();
    assertThat(config.at("/volumes/0/tag").isNull()).isTrue();
    assertThat(config.get("secret_bearing").toString())
        .contains("/environment/DB_PASSWORD", "/command/2", "/files/0/content");

    X509Certificate leaf = w.answer().certificateChain().get(0);
    assertThat(leaf.getPublicKey()).isEqualTo(w.key().getPublic());
    assertThat(leaf.getSubjectAlternativeNames())
        .containsExactly(List.of(6, "spiffe://cas.attest/apps/web/api"));
    assertThat(config.at("/tls/spiffe_id").asText()).isEqualTo("spiffe://cas.attest/apps/web/api");

    // The same secret on a second admission, and revealed to the identity reveal_to names.
    AttestedWorkload again = workload(API).attest("apps/web", "api");
    assertThat(json(again).at("/environment/DB_PASSWORD").asText()).isEqualTo(password);
    assertThat(client(Optional.of(alice)).reveal("apps/web", "db-password").get("value"))
        .isEqualTo(password);

    LedgerAudit audit = audit();
    List<AttestationSucceeded> admitted =
        audit.of(AttestationSucceeded.class).stream().map(LedgerAudit.Indexed::event).toList();
    assertThat(admitted).hasSize(2);
    AttestationSucceeded first = admitted.get(0);
    assertThat(first.policy()).isEqualTo("apps/web");
    assertThat(first.service()).isEqualTo("api");
    assertThat(first.evidenceType()).isEqualTo("simulation");
    assertThat(first.measurements()).containsEntry("measurement", HexFormat.of().formatHex(API));
    assertThat(first.certificateSerial()).isEqualTo(leaf.getSerialNumber().toString(16));
    assertThat(first.simulated()).isTrue();
    List<SecretReleased> released =
        audit.of(SecretReleased.class).stream().map(LedgerAudit.Indexed::event).toList();
    assertThat(released.get(0).secrets())
        .extracting(SecretReleased.Released::name)
        .containsExactlyInAnyOrder("token", "db-password", "signing-key");
    // Names, never values, in the ledger.
    for (var e : audit.events()) {
      assertThat(new String(EventCodec.encode(e), StandardCharsets.UTF_8)).doesNotContain(password);
    }
  }

  @Test
  void certificate_verifiesWithOpenssl_andCarriesTheSpiffeId() throws Exception {
    Path openssl = Path.of("/usr/bin/openssl");
    assumeThat(Files.isExecutable(openssl)).as("openssl is installed").isTrue();
    AttestedWorkload w = workload(API).attest("apps/web", "api");
    JsonNode config = json(w);
    Path ca = dir.resolve("ca.pem");
    Files.writeString(ca, config.at("/tls/ca_bundle/0").asText());
    Path leaf = dir.resolve("leaf.pem");
    Files.writeString(leaf, config.at("/tls/certificate_chain/0").asText());

    assertThat(
            run(
                openssl.toString(),
                "verify",
                "-purpose",
                "sslclient",
                "-CAfile",
                ca.toString(),
                leaf.toString()))
        .contains(leaf + ": OK");
    assertThat(
            run(
                openssl.toString(),
                "verify",
                "-purpose",
                "sslserver",
                "-CAfile",
                ca.toString(),
                leaf.toString()))
        .contains(leaf + ": OK");
    assertThat(
            run(
                openssl.toString(),
                "x509",
                "-noout",
                "-ext",
                "subjectAltName",
                "-in",
                leaf.toString()))
        .contains("URI:spiffe://cas.attest/apps/web/api");
  }

  private static String run(String... command) throws Exception {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    return out;
  }

  @Test
  void configuration_opensOnlyWithTheAttestedKey() throws Exception {
    KeyPair key = p256();
    byte[] spki = key.getPublic().getEncoded();
    Challenge c = anonymous.challenge("apps/web", "api");
    AttestAnswer answer = anonymous.attest(c, evidence(API, c, spki), spki);

    assertThat(ConfigurationJwe.decrypt(answer.configuration(), key.getPrivate())).isNotEmpty();
    assertThatThrownBy(() -> ConfigurationJwe.decrypt(answer.configuration(), p256().getPrivate()))
        .isInstanceOf(ConfigurationJweException.class);
  }

  private Evidence evidence(byte[] measurement, Challenge c, byte[] spki) throws Exception {
    return new SimulationSource(platform, measurement, Clock.systemUTC())
        .collect(WorkloadKey.reportData(c.nonce(), spki));
  }

  private static KeyPair p256() throws Exception {
    KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
    g.initialize(new ECGenParameterSpec("secp256r1"));
    return g.generateKeyPair();
  }

  private List<String> refusal(ThrowingRunnable r) {
    try {
      r.run();
    } catch (CasClientException e) {
      assertThat(e.slug()).isEqualTo("attestation-failed");
      return e.reasons();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
    throw new AssertionError("not refused");
  }

  @FunctionalInterface
  private interface ThrowingRunnable {
    void run() throws Exception;
  }

  private List<List<AttestationFailed.Reason>> failures() throws Exception {
    List<List<AttestationFailed.Reason>> out = new ArrayList<>();
    for (var e : audit().of(AttestationFailed.class)) {
      out.add(e.event().reasons());
    }
    return out;
  }

  @Test
  void replayOfTheSameRequest_isRefused() throws Exception {
    KeyPair key = p256();
    byte[] spki = key.getPublic().getEncoded();
    Challenge c = anonymous.challenge("apps/web", "api");
    Evidence e = evidence(API, c, spki);
    anonymous.attest(c, e, spki);

    assertThat(refusal(() -> anonymous.attest(c, e, spki))).containsExactly("nonce-replayed");
    assertThat(failures()).containsExactly(List.of(AttestationFailed.Reason.NONCE_REPLAYED));
  }

  @Test
  void evidenceForOneService_usedForAnother_isRefused() throws Exception {
    KeyPair key = p256();
    byte[] spki = key.getPublic().getEncoded();
    Challenge forApi = anonymous.challenge("apps/web", "api");
    Evidence apiEvidence = evidence(API, forApi, spki);
    Challenge forWorker = anonymous.challenge("apps/web", "worker");

    // The api's evidence with the worker's challenge: it binds the api's nonce, not this one.
    assertThat(refusal(() -> anonymous.attest(forWorker, apiEvidence, spki)))
        .containsExactly("key-not-bound");
    // The api's code, freshly attested, asking to be the worker: wrong measurement.
    Challenge again = anonymous.challenge("apps/web", "worker");
    assertThat(refusal(() -> anonymous.attest(again, evidence(API, again, spki), spki)))
        .containsExactly("wrong-measurement");
    // The api's challenge presented as the worker's.
    Challenge renamed = new Challenge("apps/web", "worker", forApi.nonce(), forApi.expiresAt());
    assertThat(refusal(() -> anonymous.attest(renamed, apiEvidence, spki)))
        .containsExactly("nonce-mismatch");
  }

  @Test
  void everyFailureReason_isAnsweredAndLogged() throws Exception {
    KeyPair key = p256();
    byte[] spki = key.getPublic().getEncoded();

    Challenge c1 = anonymous.challenge("apps/web", "api");
    assertThat(refusal(() -> anonymous.attest(c1, evidence(WORKER, c1, spki), spki)))
        .containsExactly("wrong-measurement");

    Challenge c2 = anonymous.challenge("apps/web", "api");
    KeyPair other = p256();
    assertThat(
            refusal(() ->
                anonymous.attest(c2, evidence(API, c2, other.getPublic().getEncoded()), spki)))
        .containsExactly("key-not-bound");

    Challenge c3 = anonymous.challenge("apps/web", "api");
    now.set(now.get().plus(Duration.ofSeconds(61)));
    assertThat(refusal(() -> anonymous.attest(c3, evidence(API, c3, spki), spki)))
        .containsExactly("nonce-expired");

    Challenge c4 = anonymous.challenge("apps/web", "api");
    byte[] forged = c4.nonce();
    forged[forged.length - 1] ^= 1;
    Challenge tampered = new Challenge("apps/web", "api", forged, c4.expiresAt());
    assertThat(refusal(() -> anonymous.attest(tampered, evidence(API, tampered, spki), spki)))
        .containsExactly("nonce-invalid");

    Challenge c5 = anonymous.challenge("apps/web", "api");
    KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
    rsa.initialize(2048);
    byte[] rsaSpki = rsa.generateKeyPair().getPublic().getEncoded();
    assertThat(refusal(() -> anonymous.attest(c5, evidence(API, c5, rsaSpki), rsaSpki)))
        .containsExactly("key-unsupported");

    Challenge c6 = anonymous.challenge("apps/web", "api");
    Evidence junk =
        new Evidence(io.coffer.attestation.EvidenceType.SIMULATION, new byte[] {1, 2, 3});
    assertThat(refusal(() -> anonymous.attest(c6, junk, spki))).containsExactly("evidence-invalid");

    Challenge c8 = anonymous.challenge("apps/web", "api");
    Evidence asSgx =
        new Evidence(io.coffer.attestation.EvidenceType.SGX, evidence(API, c8, spki).bytes());
    assertThat(refusal(() -> anonymous.attest(c8, asSgx, spki)))
        .containsExactly("evidence-type-mismatch");

    assertThat(refusal(() -> anonymous.challenge("apps/web", "nobody")))
        .containsExactly("unknown-service");
    assertThat(refusal(() -> anonymous.challenge("apps/nothing", "api")))
        .containsExactly("unknown-service");

    client(Optional.of(alice))
        .create(policy("apps/strict", false).getBytes(StandardCharsets.UTF_8), List.of());
    Challenge c7 = anonymous.challenge("apps/strict", "api");
    assertThat(refusal(() -> anonymous.attest(c7, evidence(API, c7, spki), spki)))
        .containsExactly("simulation-not-tolerated");

    assertThat(failures())
        .containsExactly(
            List.of(AttestationFailed.Reason.WRONG_MEASUREMENT),
            List.of(AttestationFailed.Reason.KEY_NOT_BOUND),
            List.of(AttestationFailed.Reason.NONCE_EXPIRED),
            List.of(AttestationFailed.Reason.NONCE_INVALID),
            List.of(AttestationFailed.Reason.KEY_UNSUPPORTED),
            List.of(AttestationFailed.Reason.EVIDENCE_INVALID),
            List.of(AttestationFailed.Reason.EVIDENCE_TYPE_MISMATCH),
            List.of(AttestationFailed.Reason.SIMULATION_NOT_TOLERATED));
    assertThat(audit().of(AttestationSucceeded.class)).isEmpty();
  }

  @Test
  void volumeTag_movesByCompareAndSet_forAnAdmittedWriterOnly() throws Exception {
    AttestedWorkload api = workload(API).attest("apps/web", "api");
    CasClient asApi = client(Optional.of(api.clientIdentity()));
    String tag1 = "11".repeat(32);
    String tag2 = "22".repeat(32);

    assertThat(asApi.updateVolumeTag("apps/web", "data", Optional.empty(), tag1)).isEqualTo(1);
    // A stale writer, who started from no tag, is refused.
    assertThatThrownBy(() -> asApi.updateVolumeTag("apps/web", "data", Optional.empty(), tag2))
        .isInstanceOfSatisfying(
            CasClientException.class, e -> assertThat(e.slug()).isEqualTo("stale-tag"));
    assertThat(asApi.updateVolumeTag("apps/web", "data", Optional.of(tag1), tag2)).isEqualTo(2);
    // The next admission receives the new tag.
    assertThat(json(workload(API).attest("apps/web", "api")).at("/volumes/0/tag").asText())
        .isEqualTo(tag2);

    // The worker mounts it read-only; alice is no workload at all.
    AttestedWorkload worker = workload(WORKER).attest("apps/web", "worker");
    CasClient asWorker = client(Optional.of(worker.clientIdentity()));
    assertThatThrownBy(() -> asWorker.updateVolumeTag("apps/web", "data", Optional.of(tag2), tag1))
        .isInstanceOfSatisfying(
            CasClientException.class, e -> assertThat(e.status()).isEqualTo(403));
    assertThatThrownBy(() ->
            client(Optional.of(alice)).updateVolumeTag("apps/web", "data", Optional.of(tag2), tag1))
        .isInstanceOfSatisfying(
            CasClientException.class, e -> assertThat(e.status()).isEqualTo(403));

    LedgerAudit audit = audit();
    assertThat(audit.of(VolumeTagUpdated.class)).hasSize(2);
    assertThat(audit.of(AccessDenied.class))
        .extracting(i -> i.event().reason())
        .containsExactly(AccessDenied.Reason.NOT_MOUNTED, AccessDenied.Reason.NOT_ATTESTED);
  }

  @Test
  void reveal_isForTheNamedIdentitiesOnly() throws Exception {
    assertThat(client(Optional.of(alice)).reveal("apps/web", "db-password").get("value"))
        .hasSize(16);
    for (String secret : List.of("db-password", "token", "missing")) {
      assertThatThrownBy(() -> client(Optional.of(bob)).reveal("apps/web", secret))
          .isInstanceOfSatisfying(
              CasClientException.class, e -> assertThat(e.status()).isEqualTo(403));
    }
    assertThat(audit().of(AccessDenied.class)).hasSize(3);
    assertThat(audit().of(SecretReleased.class))
        .extracting(i -> i.event().revealedTo())
        .containsExactly(Optional.of(alice.key().identity()));
  }

  @Test
  void verifyKey_publishesTheTokenKey() throws Exception {
    String jwks = anonymous.verificationKeys();
    AttestedWorkload w = workload(API).attest("apps/web", "api");
    String token = json(w).get("attestation_result").asText();
    assertThat(token.split("\\.")).hasSize(3);
    assertThat(new ObjectMapper().readTree(jwks).at("/keys/0/alg").asText()).isEqualTo("ES256");
    assertThat(
            io.coffer.cas.provision.EarVerifier.verify(
                token, jwks, Instant.now(), Optional.empty()))
        .isNotNull();
    assertThat(URI.create(json(w).at("/tls/spiffe_id").asText()).getScheme()).isEqualTo("spiffe");
  }
}
