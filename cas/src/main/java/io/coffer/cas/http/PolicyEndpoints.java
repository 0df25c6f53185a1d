package io.coffer.cas.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.coffer.cas.http.wire.RequestsJson;
import io.coffer.cas.http.wire.ValuesJson;
import io.coffer.cas.http.wire.WireException;
import io.coffer.cas.service.CasException;
import io.coffer.cas.service.PolicyService;
import io.coffer.cas.service.PolicyVersion;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Policies: create, list, read, history. */
final class PolicyEndpoints {

  /** The largest policy text accepted. */
  static final int MAX_POLICY_BYTES = 1024 * 1024;

  /** The largest body of a create or propose request: a policy, escaped, and its approvals. */
  static final int MAX_SUBMISSION_BODY_BYTES = 4 * 1024 * 1024;

  private final PolicyService policies;

  PolicyEndpoints(PolicyService policies) {
    this.policies = policies;
  }

  /** The submission of a create or propose request, with its policy size checked. */
  static RequestsJson.Submission submission(Call call, boolean proposal)
      throws ApiProblem, WireException {
    RequestsJson.Submission s =
        RequestsJson.submission(call.jsonBody(MAX_SUBMISSION_BODY_BYTES), proposal);
    if (s.policyYaml().length > MAX_POLICY_BYTES) {
      throw new ApiProblem(
          ApiProblem.PAYLOAD_TOO_LARGE,
          413,
          "policy: larger than " + MAX_POLICY_BYTES + " bytes of UTF-8");
    }
    return s;
  }

  Reply create(Call call) throws CasException, ApiProblem, WireException {
    RequestsJson.Submission s = submission(call, false);
    PolicyVersion created = policies.create(call.caller(), s.policyYaml(), s.approvals());
    return Reply.json(201, ValuesJson.render(created))
        .withHeader("Location", "/v1/policies/" + encode(created.name()));
  }

  Reply list(Call call) throws CasException, ApiProblem {
    ObjectNode n = ValuesJson.object();
    ArrayNode names = n.putArray("policies");
    policies.list(call.caller(), call.query("prefix")).forEach(names::add);
    return Reply.ok(n);
  }

  Reply read(Call call) throws CasException, ApiProblem {
    Optional<Integer> version = call.queryLong("version", 1, Integer.MAX_VALUE).map(Long::intValue);
    return Reply.ok(ValuesJson.render(policies.read(call.caller(), call.param("name"), version)));
  }

  Reply history(Call call) throws CasException {
    ObjectNode n = ValuesJson.object();
    ArrayNode versions = n.putArray("versions");
    for (PolicyVersion v : policies.history(call.caller(), call.param("name"))) {
      versions.add(ValuesJson.render(v));
    }
    return Reply.ok(n);
  }

  /** A policy name as one path segment: {@code /} and every other reserved character escaped. */
  static String encode(String name) {
    return URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
