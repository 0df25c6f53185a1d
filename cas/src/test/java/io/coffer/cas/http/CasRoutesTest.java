package io.coffer.cas.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.coffer.cas.client.ClientIdentity;
import io.coffer.cas.service.CasException;
import io.coffer.cas.service.CasState;
import io.coffer.policy.Problem;
import io.coffer.policy.governance.Identity;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CasRoutesTest {

  private static FakeCas fake;
  private static RunningCas cas;
  private static RawHttps alice;
  private static RawHttps anonymous;
  private static ClientIdentity aliceIdentity;

  @BeforeAll
  static void start() throws Exception {
    fake = new FakeCas();
    cas = new RunningCas(fake);
    aliceIdentity = TestTls.identity(Identity.Type.P256, "alice");
    alice = new RawHttps(cas.uri(), Optional.of(aliceIdentity));
    anonymous = new RawHttps(cas.uri(), Optional.empty());
  }

  @AfterAll
  static void stop() {
    cas.close();
  }

  @AfterEach
  void reset() {
    fake.failure = null;
    fake.state = CasState.SERVING;
  }

  private static JsonNode problem(HttpResponse<byte[]> r, int status, String slug)
      throws Exception {
    assertThat(r.statusCode()).isEqualTo(status);
    assertThat(r.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    JsonNode p = RawHttps.json(r);
    assertThat(p.get("type").asText()).isEqualTo("https://coffer.dev/problems/" + slug);
    assertThat(p.get("status").asInt()).isEqualTo(status);
    assertThat(p.get("title").asText()).isNotBlank();
    return p;
  }

  @Test
  void everyCasExceptionType_mapsToItsStatusAndProblemType() throws Exception {
    for (CasException.Type type : CasException.Type.values()) {
      if (type == CasException.Type.INTERNAL) {
        continue;
      }
      fake.failure = new CasException(type, "because " + type.slug());

      JsonNode p = problem(alice.get("/v1/policies"), type.status(), type.slug());

      assertThat(p.get("detail").asText()).isEqualTo("because " + type.slug());
    }
  }

  @Test
  void invalidPolicy_listsItsProblems() throws Exception {
    fake.failure =
        new CasException(
            CasException.Type.INVALID_POLICY,
            "policy.yaml: 1 problem",
            List.of(new Problem("policy.yaml", 41, 7, "services[2].secrets[0]", "undefined")),
            null);

    JsonNode p =
        problem(alice.postJson("/v1/policies", "{\"policy\":\"x\"}"), 422, "invalid-policy");

    JsonNode first = p.get("problems").get(0);
    assertThat(first.get("file").asText()).isEqualTo("policy.yaml");
    assertThat(first.get("line").asInt()).isEqualTo(41);
    assertThat(first.get("column").asInt()).isEqualTo(7);
    assertThat(first.get("path").asText()).isEqualTo("services[2].secrets[0]");
    assertThat(first.get("message").asText()).isEqualTo("undefined");
  }

  @Test
  void internalCasException_isOpaqueWithACorrelationId() throws Exception {
    fake.failure =
        new CasException(CasException.Type.INTERNAL, "db password hunter2 rejected", null);

    JsonNode p = problem(alice.get("/v1/policies"), 500, "internal");

    assertThat(p.toString()).doesNotContain("hunter2");
    String id = p.get("correlationId").asText();
    assertThat(id).matches("[0-9a-f-]{36}");
    assertThat(p.get("detail").asText()).contains(id);
    assertThat(p.get("instance").asText()).isEqualTo("urn:uuid:" + id);
  }

  @Test
  void uncaughtException_isOpaqueWithACorrelationIdAndNoStackTrace() throws Exception {
    fake.failure = new IllegalStateException("secret internals at Foo.java:12");

    JsonNode p = problem(alice.get("/v1/policies/acme"), 500, "internal");

    assertThat(p.toString()).doesNotContain("secret internals", "Foo.java", "Exception");
    assertThat(p.get("correlationId").asText()).isNotBlank();
  }

  @Test
  void badJson_is400NamingTheField() throws Exception {
    JsonNode notString =
        problem(alice.postJson("/v1/policies", "{\"policy\": 5}"), 400, "bad-request");
    JsonNode unknown =
        problem(
            alice.postJson("/v1/policies", "{\"policy\": \"a\", \"polcy\": \"b\"}"),
            400,
            "bad-request");
    JsonNode notJson = problem(alice.postJson("/v1/policies", "{\"policy\": "), 400, "bad-request");
    JsonNode duplicate =
        problem(
            alice.postJson("/v1/policies", "{\"policy\": \"a\", \"policy\": \"b\"}"),
            400,
            "bad-request");
    JsonNode approval =
        problem(
            alice.postJson(
                "/v1/policies", "{\"policy\": \"a\", \"approvals\": [{\"identity\": \"x\"}]}"),
            400,
            "bad-request");

    assertThat(notString.get("detail").asText()).startsWith("policy: not a string");
    assertThat(unknown.get("detail").asText()).startsWith("polcy: unknown member");
    assertThat(notJson.get("detail").asText()).contains("not JSON").contains("line 1");
    assertThat(duplicate.get("detail").asText()).contains("not JSON");
    assertThat(approval.get("detail").asText()).startsWith("approvals[0]: ");
    assertThat(fake.last == null || !fake.last.operation().equals("create")).isTrue();
  }

  @Test
  void jsonRoute_withAnotherMediaType_is415() throws Exception {
    problem(
        alice.send("POST", "/v1/policies", "text/plain", "{}".getBytes(StandardCharsets.UTF_8)),
        415,
        "unsupported-media-type");
  }

  @Test
  void oversizedBody_is413() throws Exception {
    byte[] big = new byte[PolicyEndpoints.MAX_SUBMISSION_BODY_BYTES + 1];
    java.util.Arrays.fill(big, (byte) ' ');

    problem(alice.send("POST", "/v1/policies", "application/json", big), 413, "payload-too-large");
  }

  @Test
  void unknownRoute_is404Problem_andWrongMethod_is405WithAllow() throws Exception {
    problem(alice.get("/v1/nothing"), 404, "not-found");
    problem(anonymous.get("/"), 404, "not-found");
    HttpResponse<byte[]> r = alice.send("DELETE", "/v1/policies", null, null);
    problem(r, 405, "method-not-allowed");
    assertThat(r.headers().firstValue("Allow")).hasValue("POST, GET");
  }

  @Test
  void unknownQueryParameter_is400() throws Exception {
    JsonNode p = problem(alice.get("/v1/policies?prefx=a"), 400, "bad-request");

    assertThat(p.get("detail").asText()).contains("prefx");
  }

  @Test
  void sealed_policyRoutes_are503Sealed_publicRoutesStillServed() throws Exception {
    fake.state = CasState.SEALED;

    problem(alice.get("/v1/policies"), 503, "sealed");
    problem(anonymous.get("/v1/policies"), 503, "sealed");
    assertThat(anonymous.get("/v1/cas").statusCode()).isEqualTo(200);
    assertThat(anonymous.get("/healthz").statusCode()).isEqualTo(200);
  }

  @Test
  void readyz_is200OnlyWhileServing() throws Exception {
    assertThat(anonymous.get("/readyz").statusCode()).isEqualTo(200);

    fake.state = CasState.SEALED;
    HttpResponse<byte[]> sealed = anonymous.get("/readyz");
    fake.state = CasState.STOPPING;
    HttpResponse<byte[]> stopping = anonymous.get("/readyz");

    assertThat(sealed.statusCode()).isEqualTo(503);
    assertThat(RawHttps.json(sealed).get("state").asText()).isEqualTo("sealed");
    assertThat(stopping.statusCode()).isEqualTo(503);
  }

  @Test
  void policyName_withSlashes_travelsAsOneEncodedSegment() throws Exception {
    HttpResponse<byte[]> read = alice.get("/v1/policies/acme%2Fhistory?version=1");
    assertThat(read.statusCode()).isEqualTo(200);
    assertThat(fake.last.operation()).isEqualTo("read");
    assertThat(fake.last.arguments()).containsExactly("acme/history", Optional.of(1));

    HttpResponse<byte[]> history = alice.get("/v1/policies/acme%2Fhistory/history");
    assertThat(history.statusCode()).isEqualTo(200);
    assertThat(fake.last.operation()).isEqualTo("history");
    assertThat(fake.last.arguments()).containsExactly("acme/history");

    problem(alice.get("/v1/policies/acme%C3%28"), 400, "bad-request");
  }

  @Test
  void badQueryNumbers_are400() throws Exception {
    problem(alice.get("/v1/policies/acme?version=0"), 400, "bad-request");
    problem(alice.get("/v1/policies/acme?version=01"), 400, "bad-request");
    problem(alice.get("/v1/policies/acme?version=1&version=2"), 400, "bad-request");
    problem(anonymous.get("/v1/ledger/proof/inclusion?index=1"), 400, "bad-request");
  }

  @Test
  void unseal_takesRawBytesOrJson() throws Exception {
    HttpResponse<byte[]> raw =
        anonymous.send(
            "POST",
            "/v1/cas/unseal",
            "application/octet-stream",
            "share-1".getBytes(StandardCharsets.UTF_8));
    assertThat(raw.statusCode()).isEqualTo(200);
    assertThat(fake.last.arguments()).containsExactly("share-1");

    HttpResponse<byte[]> json =
        anonymous.postJson("/v1/cas/unseal", "{\"share\":\"c2hhcmUtMg==\"}");
    assertThat(json.statusCode()).isEqualTo(200);
    assertThat(fake.last.arguments()).containsExactly("share-2");
    assertThat(RawHttps.text(json)).isEqualTo("{\"received\":2,\"threshold\":3,\"sealed\":true}");
  }

  @Test
  void fullTiles_areImmutable_partialOnesAreNotCached() throws Exception {
    HttpResponse<byte[]> full = anonymous.get("/v1/ledger/tiles/tile/0/000");
    HttpResponse<byte[]> partial = anonymous.get("/v1/ledger/tiles/tile/0/000.p/1");
    HttpResponse<byte[]> missing = anonymous.get("/v1/ledger/tiles/tile/entries/000");

    assertThat(full.headers().firstValue("Cache-Control"))
        .hasValue("public, max-age=31536000, immutable");
    assertThat(partial.headers().firstValue("Cache-Control")).hasValue("no-store");
    problem(missing, 404, "not-found");
    assertThat(RawHttps.text(anonymous.get("/v1/ledger/tiles/checkpoint")))
        .isEqualTo("cas.example\n1\nAAAA\n");
  }

  @Test
  void metrics_countRequestsByRouteTemplateAndStatus_andShowRegisteredGauges() throws Exception {
    cas.metrics.gauge("coffer.ledger.size", "entries in the ledger", () -> 42);
    alice.get("/v1/policies/acme");

    String metrics = RawHttps.text(anonymous.get("/metrics"));

    assertThat(metrics)
        .contains("http_server_requests_seconds_count{")
        .contains("route=\"/v1/policies/{name}\"")
        .contains("status=\"200\"")
        .doesNotContain("route=\"/v1/policies/acme\"")
        .contains("coffer_ledger_size 42.0");
  }

  @Test
  void openApiDocument_hasExactlyTheRegisteredRoutes() throws Exception {
    JsonNode doc = new ObjectMapper().readTree(RawHttps.text(anonymous.get("/v1/openapi.json")));
    Set<String> documented = new HashSet<>();
    for (Map.Entry<String, JsonNode> path : doc.get("paths").properties()) {
      for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
        documented.add(op.getKey().toUpperCase(java.util.Locale.ROOT) + " " + path.getKey());
      }
    }
    Set<String> registered = new HashSet<>();
    for (ApiRoute r : CasRoutes.table(fake, fake, fake, fake, cas.metrics)) {
      registered.add(r.name());
    }

    assertThat(doc.get("openapi").asText()).isEqualTo("3.1.0");
    assertThat(documented).isEqualTo(registered);
  }

  @Test
  void openApiDocument_marksExactlyTheAuthenticatedRoutesAsNeedingACertificate() throws Exception {
    JsonNode doc = new ObjectMapper().readTree(CasRoutes.openApiDocument());
    for (ApiRoute r : CasRoutes.table(fake, fake, fake, fake, cas.metrics)) {
      JsonNode op =
          doc.get("paths")
              .get(r.path().openApiPath())
              .get(r.method().text().toLowerCase(java.util.Locale.ROOT));
      assertThat(op.has("security"))
          .as(r.name())
          .isEqualTo(r.access() == ApiRoute.Access.AUTHENTICATED);
    }
  }
}
