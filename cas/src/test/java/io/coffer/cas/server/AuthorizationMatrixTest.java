package io.coffer.cas.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.coffer.attestation.collect.SimulationSource;
import io.coffer.attestation.simulation.SimulatedPlatform;
import io.coffer.cas.client.AttestedWorkload;
import io.coffer.cas.client.CasClient;
import io.coffer.cas.client.CasClientException;
import io.coffer.cas.client.ClientIdentity;
import io.coffer.cas.client.WorkloadAttester;
import io.coffer.cas.events.AccessDenied;
import io.coffer.cas.http.RawHttps;
import io.coffer.cas.http.TestTls;
import io.coffer.cas.service.Proposal;
import io.coffer.ledger.tiles.TileLayout;
import io.coffer.policy.governance.ApprovalMessage;
import io.coffer.policy.governance.Identity;
import io.coffer.policy.governance.IdentityKey;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every route of the API × six principals, against a real CAS (issue 7, "Tests": zero unexpected
 * allows). The expected outcome of each cell is written out in {@link #EXPECTED}; each cell is run
 * and compared: an allow where a denial is expected fails the test, and so does a denial where an
 * allow is expected, or a denial with another status.
 *
 * <p>The principals, around the policy {@value #POLICY} that {@link Principal#CREATOR} created:
 * another stakeholder with a policy of its own; the operator, the identity that runs the CAS, with
 * a client certificate of its own that no policy names; a caller without a client certificate; an
 * attested instance of the policy's {@code api} service, which mounts the volume {@code data}
 * read-write, calling with its workload certificate; an attested instance of the other
 * stakeholder's service (whose policy has a volume {@code data} too); and, beyond the six, an
 * attacker whose self-made certificate copies the instance's issuer name and SPIFFE ID, which must
 * count for no more than the operator.
 */
class AuthorizationMatrixTest {

  private static final String POLICY = "matrix/web";
  private static final String OTHER_POLICY = "elsewhere/app";
  private static final byte[] API = LoopbackCas.measurement(21);
  private static final byte[] ELSEWHERE = LoopbackCas.measurement(22);
  private static final String SECRET = "GET /v1/secrets/{policy}/{name}";
  private static final String VOLUME_TAG = "POST /v1/volumes/{policy}/{volume}/tag";

  /** Who calls. */
  enum Principal {
    CREATOR,
    STAKEHOLDER,
    OPERATOR,
    ANONYMOUS,
    INSTANCE,
    OTHER_INSTANCE,
    FORGED_INSTANCE
  }

  /**
   * The expected outcome of each route (one row each; a route with two interesting cases has a
   * second row, its name followed by the case), one column per {@link Principal} in order. {@code
   * ok}: allowed, the caller gets what it asked for; {@code hidden}: answered, but without the
   * protected item (a list without the policy); a number: refused with that status.
   */
  private static final List<Row> EXPECTED =
      List.of(
          // route, then: CREATOR, STAKEHOLDER, OPERATOR, ANONYMOUS, INSTANCE, OTHER_INSTANCE,
          // FORGED_INSTANCE
          row("GET /healthz", "ok", "ok", "ok", "ok", "ok", "ok", "ok"),
          row("GET /readyz", "ok", "ok", "ok", "ok", "ok", "ok", "ok"),
          row("GET /metrics", "ok", "ok", "ok", "ok", "ok", "ok", "ok"),
          row("GET /v1/openapi.json", "ok", "ok", "ok", "ok", "ok", "ok", "ok"),
          row("GET /v1/cas", "ok", "ok", "ok", "ok", "ok", "ok", "ok"),
          // Public, but a serving CAS is not sealed: the same refusal for everybody.
          row("POST /v1/cas/unseal", "400", "400", "400", "400", "400", "400", "400"),
          // A policy under the policy's name: its create rule (CREATOR) decides.
          row("POST /v1/policies", "ok", "403", "403", "401", "403", "403", "403"),
          // A name with no policy above it: any authenticated caller.
          row("POST /v1/policies new-namespace", "ok", "ok", "ok", "401", "ok", "ok", "ok"),
          row("GET /v1/policies", "ok", "hidden", "hidden", "401", "hidden", "hidden", "hidden"),
          row("GET /v1/policies/{name}", "ok", "403", "403", "401", "403", "403", "403"),
          row("GET /v1/policies/{name}/history", "ok", "403", "403", "401", "403", "403", "403"),
          row("POST /v1/proposals", "ok", "403", "403", "401", "403", "403", "403"),
          row("GET /v1/proposals", "ok", "403", "403", "401", "403", "403", "403"),
          row("GET /v1/proposals/{id}", "ok", "403", "403", "401", "403", "403", "403"),
          row("GET /v1/proposals/{id}/text", "ok", "403", "403", "401", "403", "403", "403"),
          row("POST /v1/proposals/{id}/approve", "ok", "403", "403", "401", "403", "403", "403"),
          row("POST /v1/proposals/{id}/reject", "ok", "403", "403", "401", "403", "403", "403"),
          row("POST /v1/proposals/{id}/withdraw", "ok", "403", "403", "401", "403", "403", "403"),
          row("GET /v1/ledger/checkpoint", "ok", "ok", "ok", "ok", "ok", "ok", "ok"),
          row("GET /v1/ledger/proof/inclusion", "ok", "ok", "ok", "ok", "ok", "ok", "ok"),
          row("GET /v1/ledger/proof/consistency", "ok", "ok", "ok", "ok", "ok", "ok", "ok"),
          row("GET /v1/ledger/tiles/{path}", "ok", "ok", "ok", "ok", "ok", "ok", "ok"),
          row("POST /v1/attest/challenge", "ok", "ok", "ok", "ok", "ok", "ok", "ok"),
          row("POST /v1/attest", "ok", "ok", "ok", "ok", "ok", "ok", "ok"),
          row("GET /v1/attest/verify-key", "ok", "ok", "ok", "ok", "ok", "ok", "ok"),
          // db-password: reveal_to names the creator.
          row("GET /v1/secrets/{policy}/{name}", "ok", "403", "403", "401", "403", "403", "403"),
          // token: reveal_to names nobody, so not even the creator sees it.
          row(SECRET + " unrevealed", "403", "403", "403", "401", "403", "403", "403"),
          row(VOLUME_TAG, "403", "403", "403", "401", "ok", "403", "403"));

  @TempDir static Path dir;

  private static final ClientIdentity ALICE = TestTls.identity(Identity.Type.ED25519, "alice");
  private static final ClientIdentity BOB = TestTls.identity(Identity.Type.P256, "bob");
  private static final ClientIdentity OPERATOR = TestTls.identity(Identity.Type.P256, "operator");
  private static final AtomicInteger COUNTER = new AtomicInteger();
  private static final AtomicReference<Optional<String>> CURRENT_TAG =
      new AtomicReference<>(Optional.empty());
  private static LoopbackCas cas;
  private static SimulatedPlatform platform;
  private static Map<Principal, Optional<ClientIdentity>> identities;
  private static CasClient creator;

  private record Row(String route, List<String> cells) {}

  private static Row row(String route, String... cells) {
    if (cells.length != Principal.values().length) {
      throw new IllegalArgumentException(route + ": one cell per principal");
    }
    return new Row(route, List.of(cells));
  }

  /** What a cell did: the status, and whether the caller got what it asked for. */
  private record Observed(int status, boolean allowed) {
    @Override
    public String toString() {
      return allowed ? "ok" : status == 200 ? "hidden" : String.valueOf(status);
    }
  }

  @FunctionalInterface
  private interface Probe {
    Observed run(Principal p, CasClient client, RawHttps raw) throws Exception;
  }

  @FunctionalInterface
  private interface Call {
    boolean run() throws Exception;
  }

  @BeforeAll
  static void start() throws Exception {
    cas = LoopbackCas.start(dir);
    platform = SimulatedPlatform.loadOrCreate(dir.resolve("platform.pem"));
    cas.create(ALICE, policy());
    cas.create(
        BOB,
        "name: "
            + OTHER_POLICY
            + "\nversion: 1\nservices:\n  - name: svc\n"
            + identity(ELSEWHERE)
            + "    volumes:\n      - name: data\n        path: /data\n        mode: rw\n"
            + "volumes:\n  - name: data\n"
            + "security:\n  tolerate: [simulation]\n");
    creator = cas.as(ALICE);
    AttestedWorkload instance = cas.attest(POLICY, "api", API);
    AttestedWorkload other = cas.attest(OTHER_POLICY, "svc", ELSEWHERE);
    identities = new EnumMap<>(Principal.class);
    identities.put(Principal.CREATOR, Optional.of(ALICE));
    identities.put(Principal.STAKEHOLDER, Optional.of(BOB));
    identities.put(Principal.OPERATOR, Optional.of(OPERATOR));
    identities.put(Principal.ANONYMOUS, Optional.empty());
    identities.put(Principal.INSTANCE, Optional.of(instance.clientIdentity()));
    identities.put(Principal.OTHER_INSTANCE, Optional.of(other.clientIdentity()));
    identities.put(
        Principal.FORGED_INSTANCE,
        Optional.of(ForgedInstance.of(instance.answer().certificateChain().get(0))));
  }

  @AfterAll
  static void stop() {
    cas.close();
  }

  private static String policy() {
    return "name: "
        + POLICY
        + "\nversion: 1\nservices:\n  - name: api\n"
        + identity(API)
        + "    command: [/bin/api, $$COFFER:token$$]\n"
        + "    environment:\n      DB_PASSWORD: $$COFFER:db-password$$\n"
        + "    volumes:\n      - name: data\n        path: /data\n        mode: rw\n"
        + "secrets:\n"
        + "  - name: token\n    kind: ascii\n    size: 24\n"
        + "  - name: db-password\n    kind: ascii\n    size: 16\n    reveal_to:\n      - "
        + ALICE.key().identity()
        + "\n"
        + "volumes:\n  - name: data\n"
        + "security:\n  tolerate: [simulation]\n";
  }

  private static String identity(byte[] measurement) {
    return "    identity:\n      - simulation:\n          measurement: "
        + LoopbackCas.hex(measurement)
        + "\n";
  }

  private static Map<String, Probe> probes() {
    Map<String, Probe> p = new LinkedHashMap<>();
    p.put("GET /healthz", (who, c, raw) -> get(raw, "/healthz"));
    p.put("GET /readyz", (who, c, raw) -> get(raw, "/readyz"));
    p.put("GET /metrics", (who, c, raw) -> get(raw, "/metrics"));
    p.put("GET /v1/openapi.json", (who, c, raw) -> get(raw, "/v1/openapi.json"));
    p.put("GET /v1/cas", (who, c, raw) -> call(() -> c.describe() != null));
    p.put(
        "POST /v1/cas/unseal", (who, c, raw) -> call(() -> c.unseal(new byte[] {1, 2, 3}) != null));
    p.put(
        "POST /v1/policies",
        (who, c, raw) ->
            call(() -> c.create(bytes(minimal(POLICY + "/child" + next())), List.of()) != null));
    p.put(
        "POST /v1/policies new-namespace",
        (who, c, raw) ->
            call(() -> c.create(bytes(minimal("fresh" + next() + "/p")), List.of()) != null));
    p.put(
        "GET /v1/policies", (who, c, raw) -> call(() -> c.list(Optional.empty()).contains(POLICY)));
    p.put(
        "GET /v1/policies/{name}",
        (who, c, raw) ->
            call(() -> c.read(POLICY, Optional.empty()).text().contains("db-password")));
    p.put(
        "GET /v1/policies/{name}/history",
        (who, c, raw) -> call(() -> !c.history(POLICY).isEmpty()));
    p.put(
        "POST /v1/proposals",
        (who, c, raw) ->
            call(() -> c.propose(bytes(nextVersion()), List.of(), Optional.empty()) != null));
    p.put("GET /v1/proposals", (who, c, raw) -> call(() -> c.proposals(POLICY, false) != null));
    p.put(
        "GET /v1/proposals/{id}",
        (who, c, raw) -> {
          String id = proposal().id();
          return call(() -> c.proposal(id).id().equals(id));
        });
    p.put(
        "GET /v1/proposals/{id}/text",
        (who, c, raw) -> {
          String id = proposal().id();
          return call(() -> c.proposalText(id).contains("db-password"));
        });
    p.put(
        "POST /v1/proposals/{id}/approve",
        (who, c, raw) -> {
          Proposal proposed = proposal();
          IdentityKey key =
              identities
                  .get(who)
                  .map(ClientIdentity::key)
                  .orElse(IdentityKey.generate(Identity.Type.ED25519));
          ApprovalMessage m =
              ApprovalMessage.of(POLICY, proposed.hash(), Optional.of(proposed.predecessor()));
          return call(() -> c.approve(proposed.id(), key.approve(m)) != null);
        });
    p.put(
        "POST /v1/proposals/{id}/reject",
        (who, c, raw) -> {
          String id = proposal().id();
          return call(() -> c.reject(id, Optional.of("no")) != null);
        });
    p.put(
        "POST /v1/proposals/{id}/withdraw",
        (who, c, raw) -> {
          String id = proposal().id();
          return call(() -> c.withdraw(id) != null);
        });
    p.put("GET /v1/ledger/checkpoint", (who, c, raw) -> call(() -> c.checkpoint().length > 0));
    p.put(
        "GET /v1/ledger/proof/inclusion",
        (who, c, raw) -> get(raw, "/v1/ledger/proof/inclusion?index=0&size=2"));
    p.put(
        "GET /v1/ledger/proof/consistency",
        (who, c, raw) -> get(raw, "/v1/ledger/proof/consistency?from=1&to=2"));
    p.put(
        "GET /v1/ledger/tiles/{path}",
        (who, c, raw) -> get(raw, "/v1/ledger/tiles/" + TileLayout.newTiles(0, 2).get(0).path()));
    p.put(
        "POST /v1/attest/challenge",
        (who, c, raw) -> call(() -> c.challenge(POLICY, "api").nonce().length > 0));
    p.put(
        "POST /v1/attest",
        (who, c, raw) ->
            call(() ->
                new WorkloadAttester(c, new SimulationSource(platform, API, Clock.systemUTC()))
                        .attest(POLICY, "api")
                        .configuration()
                        .length
                    > 0));
    p.put("GET /v1/attest/verify-key", (who, c, raw) -> get(raw, "/v1/attest/verify-key"));
    p.put(
        "GET /v1/secrets/{policy}/{name}",
        (who, c, raw) -> call(() -> c.reveal(POLICY, "db-password").get("value").length() == 16));
    p.put(
        SECRET + " unrevealed",
        (who, c, raw) -> call(() -> c.reveal(POLICY, "token").get("value").length() == 24));
    p.put(
        VOLUME_TAG,
        (who, c, raw) -> {
          String tag = String.format("%064x", next());
          return call(() -> {
            c.updateVolumeTag(POLICY, "data", CURRENT_TAG.get(), tag);
            CURRENT_TAG.set(Optional.of(tag));
            return true;
          });
        });
    return p;
  }

  @Test
  void everyRoute_everyPrincipal_getsExactlyTheExpectedOutcome() throws Exception {
    Map<String, Probe> probes = probes();
    assertThat(EXPECTED).extracting(Row::route).containsExactlyElementsOf(probes.keySet());
    List<String> unexpectedAllows = new ArrayList<>();
    List<String> unexpectedDenials = new ArrayList<>();
    List<String> otherStatus = new ArrayList<>();
    Map<Principal, CasClient> clients = new EnumMap<>(Principal.class);
    Map<Principal, RawHttps> raws = new EnumMap<>(Principal.class);
    for (Principal who : Principal.values()) {
      clients.put(who, cas.client(identities.get(who)));
      raws.put(who, new RawHttps(cas.node().url(), identities.get(who)));
    }
    for (Row row : EXPECTED) {
      Iterator<String> cells = row.cells().iterator();
      for (Principal who : Principal.values()) {
        String expected = cells.next();
        Observed seen = probes.get(row.route()).run(who, clients.get(who), raws.get(who));
        String cell = row.route() + " × " + who + ": expected " + expected + ", got " + seen;
        boolean allowExpected = expected.equals("ok");
        if (seen.allowed() && !allowExpected) {
          unexpectedAllows.add(cell);
        } else if (!seen.allowed() && allowExpected) {
          unexpectedDenials.add(cell);
        } else if (!seen.toString().equals(expected)) {
          otherStatus.add(cell);
        }
      }
    }
    // All three lists in one report, unexpected allows first.
    List<String> wrong = new ArrayList<>();
    unexpectedAllows.forEach(c -> wrong.add("UNEXPECTED ALLOW: " + c));
    unexpectedDenials.forEach(c -> wrong.add("unexpected denial: " + c));
    otherStatus.forEach(c -> wrong.add("denied with another status: " + c));
    assertThat(wrong).as("cells that differ from the expected matrix").isEmpty();

    // Each refusal of a reveal or a tag update to an authenticated caller is on the ledger, by
    // the caller's identity (docs: "an access.denied event for everyone else").
    List<AccessDenied> denied =
        cas.audit().of(AccessDenied.class).stream().map(LedgerAudit.Indexed::event).toList();
    assertThat(deniedCallers(denied, AccessDenied.Operation.REVEAL))
        .containsExactlyInAnyOrderElementsOf(
            callers(
                Principal.STAKEHOLDER,
                Principal.OPERATOR,
                Principal.INSTANCE,
                Principal.OTHER_INSTANCE,
                Principal.FORGED_INSTANCE,
                Principal.CREATOR,
                Principal.STAKEHOLDER,
                Principal.OPERATOR,
                Principal.INSTANCE,
                Principal.OTHER_INSTANCE,
                Principal.FORGED_INSTANCE));
    assertThat(deniedCallers(denied, AccessDenied.Operation.VOLUME_TAG))
        .containsExactlyInAnyOrderElementsOf(
            callers(
                Principal.CREATOR,
                Principal.STAKEHOLDER,
                Principal.OPERATOR,
                Principal.OTHER_INSTANCE,
                Principal.FORGED_INSTANCE));
  }

  @Test
  void theMatrix_coversEveryRouteOfTheApi() throws Exception {
    RawHttps raw = new RawHttps(cas.node().url(), Optional.empty());
    JsonNode paths = RawHttps.json(raw.get("/v1/openapi.json")).get("paths");
    Set<String> routes = new TreeSet<>();
    for (Iterator<String> names = paths.fieldNames(); names.hasNext(); ) {
      String path = names.next();
      for (Iterator<String> methods = paths.get(path).fieldNames(); methods.hasNext(); ) {
        String method = methods.next();
        if (Set.of("get", "post", "put", "patch", "delete").contains(method)) {
          routes.add(method.toUpperCase(java.util.Locale.ROOT) + " " + path);
        }
      }
    }
    Set<String> covered = new LinkedHashSet<>();
    EXPECTED.forEach(
        r -> covered.add(String.join(" ", List.of(r.route().split(" ")).subList(0, 2))));
    assertThat(covered).containsExactlyInAnyOrderElementsOf(routes);
  }

  private static List<Identity> deniedCallers(
      List<AccessDenied> denied, AccessDenied.Operation operation) {
    return denied.stream()
        .filter(e -> e.operation() == operation && e.name().equals(POLICY))
        .map(AccessDenied::caller)
        .toList();
  }

  private static List<Identity> callers(Principal... principals) {
    List<Identity> out = new ArrayList<>();
    for (Principal p : principals) {
      out.add(identities.get(p).orElseThrow().key().identity());
    }
    return out;
  }

  private static Observed get(RawHttps raw, String path) throws Exception {
    HttpResponse<byte[]> r = raw.get(path);
    return new Observed(r.statusCode(), r.statusCode() / 100 == 2);
  }

  private static Observed call(Call call) throws Exception {
    try {
      return new Observed(200, call.run());
    } catch (CasClientException e) {
      if (e.status() == 0) {
        throw e;
      }
      return new Observed(e.status(), false);
    }
  }

  private static int next() {
    return COUNTER.incrementAndGet();
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static String minimal(String name) {
    return "name: " + name + "\nversion: 1\n";
  }

  /** The policy again, as the next version of the current one, made distinct by a size. */
  private static String nextVersion() throws Exception {
    String current = creator.read(POLICY, Optional.empty()).current().hash();
    return LoopbackCas.withPredecessor(
        policy().replace("size: 24", "size: " + (24 + next() % 100)), current);
  }

  /** A fresh proposal of the creator's. */
  private static Proposal proposal() throws Exception {
    return creator.propose(bytes(nextVersion()), List.of(), Optional.empty());
  }
}
