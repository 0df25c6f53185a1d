package io.coffer.cas.http;

import io.coffer.cas.attest.Workloads;
import io.coffer.cas.http.ApiRoute.Access;
import io.coffer.cas.service.CasControl;
import io.coffer.cas.service.LedgerService;
import io.coffer.cas.service.PolicyService;
import io.helidon.webserver.http.HttpRouting;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The API's routes, as one table that the routing, the metrics and the OpenAPI check share. See
 * {@code openapi.json} (served at {@code /v1/openapi.json}) for every route's request and answer.
 */
public final class CasRoutes {

  /** Where the OpenAPI document is, on the class path. */
  static final String OPENAPI_RESOURCE = "/io/coffer/cas/http/openapi.json";

  private CasRoutes() {}

  /**
   * The routing of the whole API over the given services: every request goes through the route
   * table; unknown paths and methods get 404 and 405 problems.
   */
  public static HttpRouting.Builder routing(
      PolicyService policies,
      CasControl control,
      LedgerService ledger,
      Workloads workloads,
      ServerMetrics metrics) {
    List<ApiRoute> routes = table(policies, control, ledger, workloads, metrics);
    Dispatcher dispatcher = new Dispatcher(routes, control, metrics);
    return HttpRouting.builder().any(dispatcher);
  }

  /** The route table. */
  static List<ApiRoute> table(
      PolicyService policies,
      CasControl control,
      LedgerService ledger,
      Workloads workloads,
      ServerMetrics metrics) {
    Objects.requireNonNull(policies, "policies");
    Objects.requireNonNull(workloads, "workloads");
    Objects.requireNonNull(control, "control");
    Objects.requireNonNull(ledger, "ledger");
    Objects.requireNonNull(metrics, "metrics");
    StatusEndpoints status = new StatusEndpoints(control, metrics, openApiDocument());
    PolicyEndpoints policy = new PolicyEndpoints(policies);
    ProposalEndpoints proposal = new ProposalEndpoints(policies);
    LedgerEndpoints log = new LedgerEndpoints(ledger);
    WorkloadEndpoints work = new WorkloadEndpoints(workloads);
    Access serving = Access.SERVING;
    Access open = Access.PUBLIC;
    Access authenticated = Access.AUTHENTICATED;
    Set<String> none = Set.of();
    return List.of(
        ApiRoute.get("/healthz", open, none, status::health),
        ApiRoute.get("/readyz", open, none, status::ready),
        ApiRoute.get("/metrics", open, none, status::metrics),
        ApiRoute.get("/v1/openapi.json", open, none, status::openApi),
        ApiRoute.get("/v1/cas", open, none, status::describe),
        ApiRoute.post("/v1/cas/unseal", open, status::unseal),
        ApiRoute.post("/v1/policies", authenticated, policy::create),
        ApiRoute.get("/v1/policies", authenticated, Set.of("prefix"), policy::list),
        ApiRoute.get("/v1/policies/{name}", authenticated, Set.of("version"), policy::read),
        ApiRoute.get("/v1/policies/{name}/history", authenticated, none, policy::history),
        ApiRoute.post("/v1/proposals", authenticated, proposal::propose),
        ApiRoute.get("/v1/proposals", authenticated, Set.of("policy", "open"), proposal::list),
        ApiRoute.get("/v1/proposals/{id}", authenticated, none, proposal::read),
        ApiRoute.get("/v1/proposals/{id}/text", authenticated, none, proposal::text),
        ApiRoute.post("/v1/proposals/{id}/approve", authenticated, proposal::approve),
        ApiRoute.post("/v1/proposals/{id}/reject", authenticated, proposal::reject),
        ApiRoute.post("/v1/proposals/{id}/withdraw", authenticated, proposal::withdraw),
        ApiRoute.get("/v1/ledger/checkpoint", open, none, log::checkpoint),
        ApiRoute.get("/v1/ledger/proof/inclusion", open, Set.of("index", "size"), log::inclusion),
        ApiRoute.get("/v1/ledger/proof/consistency", open, Set.of("from", "to"), log::consistency),
        ApiRoute.get("/v1/ledger/tiles/{path*}", open, none, log::tile),
        ApiRoute.post("/v1/attest/challenge", serving, work::challenge),
        ApiRoute.post("/v1/attest", serving, work::attest),
        ApiRoute.get("/v1/attest/verify-key", serving, none, work::verifyKey),
        ApiRoute.get("/v1/secrets/{policy}/{name}", authenticated, none, work::reveal),
        ApiRoute.post("/v1/volumes/{policy}/{volume}/tag", authenticated, work::volumeTag));
  }

  /** The OpenAPI 3.1 document, from the class path. */
  static byte[] openApiDocument() {
    try (InputStream in = CasRoutes.class.getResourceAsStream(OPENAPI_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + OPENAPI_RESOURCE);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + OPENAPI_RESOURCE, e);
    }
  }
}
