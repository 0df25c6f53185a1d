package io.coffer.cas.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.coffer.cas.http.wire.RequestsJson;
import io.coffer.cas.http.wire.ValuesJson;
import io.coffer.cas.http.wire.WireException;
import io.coffer.cas.service.CasException;
import io.coffer.cas.service.PolicyService;
import io.coffer.cas.service.Proposal;

/** Governance: propose, list, read, approve, reject, withdraw. */
final class ProposalEndpoints {

  /** An approval document is at most 32 KiB. */
  static final int MAX_APPROVAL_BODY_BYTES = 32 * 1024;

  /** A rejection reason is at most 1,000 characters. */
  static final int MAX_SMALL_BODY_BYTES = 8 * 1024;

  private final PolicyService policies;

  ProposalEndpoints(PolicyService policies) {
    this.policies = policies;
  }

  Reply propose(Call call) throws CasException, ApiProblem, WireException {
    RequestsJson.Submission s = PolicyEndpoints.submission(call, true);
    Proposal p = policies.propose(call.caller(), s.policyYaml(), s.approvals(), s.lifetime());
    return Reply.json(201, ValuesJson.render(p)).withHeader("Location", "/v1/proposals/" + p.id());
  }

  Reply list(Call call) throws CasException, ApiProblem {
    String policy =
        call.query("policy")
            .orElseThrow(() -> ApiProblem.badRequest("query parameter policy: missing", null));
    boolean openOnly =
        switch (call.query("open").orElse("false")) {
          case "true" -> true;
          case "false" -> false;
          default -> throw ApiProblem.badRequest("query parameter open: true or false", null);
        };
    ObjectNode n = ValuesJson.object();
    ArrayNode list = n.putArray("proposals");
    for (Proposal p : policies.proposals(call.caller(), policy, openOnly)) {
      list.add(ValuesJson.render(p));
    }
    return Reply.ok(n);
  }

  Reply read(Call call) throws CasException {
    return Reply.ok(ValuesJson.render(policies.proposal(call.caller(), call.param("id"))));
  }

  Reply text(Call call) throws CasException {
    String id = call.param("id");
    ObjectNode n = ValuesJson.object();
    n.put("id", id);
    n.put("text", policies.proposalText(call.caller(), id));
    return Reply.ok(n);
  }

  Reply approve(Call call) throws CasException, ApiProblem, WireException {
    byte[] body = call.jsonBody(MAX_APPROVAL_BODY_BYTES);
    return Reply.ok(
        ValuesJson.render(
            policies.approve(
                call.caller(), call.param("id"), RequestsJson.approval(body, "approval"))));
  }

  Reply reject(Call call) throws CasException, ApiProblem, WireException {
    byte[] body = call.jsonBody(MAX_SMALL_BODY_BYTES);
    return Reply.ok(
        ValuesJson.render(
            policies.reject(call.caller(), call.param("id"), RequestsJson.rejection(body))));
  }

  Reply withdraw(Call call) throws CasException, ApiProblem, WireException {
    byte[] body = call.jsonBody(MAX_SMALL_BODY_BYTES);
    RequestsJson.empty(body);
    return Reply.ok(ValuesJson.render(policies.withdraw(call.caller(), call.param("id"))));
  }
}
