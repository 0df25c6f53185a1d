package io.coffer.cas.http.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.coffer.cas.service.PolicyService;
import io.coffer.policy.governance.Approval;
import io.coffer.policy.governance.GovernanceException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The JSON bodies of the API's requests: rendering for the client, strict parsing for the server.
 *
 * <pre>
 * POST /v1/policies         {"policy": "&lt;YAML&gt;", "approvals": [&lt;approval&gt;, ...]}
 * POST /v1/proposals        {"policy": "&lt;YAML&gt;", "approvals": [...], "lifetimeSeconds": 86400}
 * POST .../approve          &lt;approval&gt;, exactly as {@code coffer policy sign} writes it
 * POST .../reject           {"reason": "..."}  (reason optional)
 * POST .../withdraw         {}
 * POST /v1/cas/unseal       {"share": "&lt;base64&gt;"}  (or the share file's bytes as
 *                           application/octet-stream)
 * </pre>
 *
 * <p>{@code approvals} and {@code lifetimeSeconds} are optional. An approval is the strict JSON
 * form of {@link Approval}.
 */
public final class RequestsJson {

  /** The most approvals one request may carry. */
  public static final int MAX_APPROVALS = 256;

  /** The longest rejection reason, in characters. */
  public static final int MAX_REASON_CHARS = 1_000;

  private static final String POLICY = "policy";
  private static final String APPROVALS = "approvals";
  private static final String LIFETIME = "lifetimeSeconds";
  private static final String REASON = "reason";
  private static final String SHARE = "share";

  /**
   * A policy text with approvals, and for a proposal its asked-for lifetime.
   *
   * @param policyYaml the policy's YAML text, as UTF-8 bytes
   * @param approvals the approvals collected with it
   * @param lifetime the proposal's lifetime, when asked for
   */
  public record Submission(
      byte[] policyYaml, List<Approval> approvals, Optional<Duration> lifetime) {

    public Submission {
      policyYaml = policyYaml.clone();
      approvals = List.copyOf(approvals);
      java.util.Objects.requireNonNull(lifetime, "lifetime");
    }

    @Override
    public byte[] policyYaml() {
      return policyYaml.clone();
    }
  }

  private RequestsJson() {}

  /** Parses the body of {@code POST /v1/policies} (no lifetime) or {@code POST /v1/proposals}. */
  public static Submission submission(byte[] json, boolean proposal) throws WireException {
    JsonObject o =
        JsonObject.parse(
            json, proposal ? Set.of(POLICY, APPROVALS, LIFETIME) : Set.of(POLICY, APPROVALS));
    byte[] yaml = o.string(POLICY).getBytes(StandardCharsets.UTF_8);
    List<Approval> approvals = new ArrayList<>();
    if (o.has(APPROVALS)) {
      List<JsonNode> elements = o.array(APPROVALS, MAX_APPROVALS);
      for (int i = 0; i < elements.size(); i++) {
        approvals.add(
            approval(JsonObject.bytesOf(elements.get(i)), o.pathOf(APPROVALS) + "[" + i + "]"));
      }
    }
    Optional<Duration> lifetime = Optional.empty();
    if (o.has(LIFETIME)) {
      lifetime =
          Optional.of(
              Duration.ofSeconds(
                  o.integer(LIFETIME, 1, PolicyService.MAX_PROPOSAL_LIFETIME.toSeconds())));
    }
    return new Submission(yaml, approvals, lifetime);
  }

  /** Parses one approval document; errors name {@code field}. */
  public static Approval approval(byte[] json, String field) throws WireException {
    try {
      return Approval.parse(json);
    } catch (GovernanceException e) {
      throw new WireException(field, e.getMessage(), e);
    }
  }

  /** Parses the body of a rejection: its optional reason. */
  public static Optional<String> rejection(byte[] json) throws WireException {
    JsonObject o = JsonObject.parse(json, Set.of(REASON));
    Optional<String> reason = o.optionalString(REASON);
    if (reason.isPresent() && reason.get().length() > MAX_REASON_CHARS) {
      throw new WireException(REASON, "longer than " + MAX_REASON_CHARS + " characters");
    }
    return reason;
  }

  /** Parses an empty JSON object (the body of a withdrawal). */
  public static void empty(byte[] json) throws WireException {
    JsonObject.parse(json, Set.of());
  }

  /** Parses the JSON body of an unseal request: the share's bytes. */
  public static byte[] share(byte[] json) throws WireException {
    return JsonObject.parse(json, Set.of(SHARE)).base64(SHARE);
  }

  /** Renders a submission. */
  public static byte[] render(Submission submission) {
    ObjectNode n = ValuesJson.object();
    n.put(POLICY, new String(submission.policyYaml(), StandardCharsets.UTF_8));
    ArrayNode approvals = n.putArray(APPROVALS);
    for (Approval a : submission.approvals()) {
      try {
        approvals.add(JsonObject.strictMapper().readTree(a.toJson()));
      } catch (java.io.IOException e) {
        throw new IllegalStateException("an approval renders as JSON", e);
      }
    }
    submission.lifetime().ifPresent(l -> n.put(LIFETIME, l.toSeconds()));
    return ValuesJson.bytes(n);
  }

  /** Renders a rejection. */
  public static byte[] renderRejection(Optional<String> reason) {
    ObjectNode n = ValuesJson.object();
    reason.ifPresent(r -> n.put(REASON, r));
    return ValuesJson.bytes(n);
  }

  /** Renders an unseal request. */
  public static byte[] renderShare(byte[] share) {
    ObjectNode n = ValuesJson.object();
    n.put(SHARE, Base64.getEncoder().encodeToString(share));
    return ValuesJson.bytes(n);
  }
}
