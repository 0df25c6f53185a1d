package io.coffer.cas.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.coffer.attestation.Evidence;
import io.coffer.attestation.EvidenceType;
import io.coffer.cas.attest.Admission;
import io.coffer.cas.attest.AttestRequest;
import io.coffer.cas.attest.AttestationRefused;
import io.coffer.cas.attest.Challenge;
import io.coffer.cas.attest.Nonces;
import io.coffer.cas.attest.WorkloadKey;
import io.coffer.cas.attest.Workloads;
import io.coffer.cas.events.AttestationFailed.Reason;
import io.coffer.cas.http.wire.JsonObject;
import io.coffer.cas.http.wire.ValuesJson;
import io.coffer.cas.http.wire.WireException;
import io.coffer.cas.service.CasException;
import io.coffer.cas.vault.Reveals;
import io.coffer.cas.vault.VolumeTags;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;

/**
 * The workloads' side of the API: {@code POST /v1/attest/challenge}, {@code POST /v1/attest} and
 * {@code GET /v1/attest/verify-key}, which need no client certificate (a workload has no identity
 * before it is admitted) and are served only while the CAS serves; {@code GET
 * /v1/secrets/{policy}/{name}} for the people a secret's {@code reveal_to} names; {@code POST
 * /v1/volumes/{policy}/{volume}/tag} for admitted workloads, with their certificate.
 */
final class WorkloadEndpoints {

  /** Evidence of 64 KiB in base64, plus the rest. */
  static final int MAX_ATTEST_BODY_BYTES = 96 * 1024;

  static final int MAX_CHALLENGE_BODY_BYTES = 4 * 1024;

  private static final Set<String> CHALLENGE = Set.of("policy", "service");
  private static final Set<String> ATTEST =
      Set.of("policy", "service", "nonce", "evidence", "evidence_type", "public_key");

  private static final Set<String> TAG = Set.of("expected_old_tag", "new_tag");

  static final int MAX_TAG_BODY_BYTES = 1024;

  private final Workloads attestations;

  WorkloadEndpoints(Workloads workloads) {
    this.attestations = workloads;
  }

  Reply challenge(Call call) throws CasException, ApiProblem, WireException {
    JsonObject body = JsonObject.parse(call.jsonBody(MAX_CHALLENGE_BODY_BYTES), CHALLENGE);
    Challenge c;
    try {
      c = attestations.challenge(body.string("policy"), body.string("service"));
    } catch (AttestationRefused e) {
      return refused(e);
    }
    ObjectNode n = ValuesJson.object();
    n.put("policy", c.policy());
    n.put("service", c.service());
    n.put("nonce", Base64.getEncoder().encodeToString(c.nonce()));
    n.put("expires_at", c.expiresAt().toString());
    return Reply.json(201, n);
  }

  Reply attest(Call call) throws CasException, ApiProblem, WireException {
    JsonObject body = JsonObject.parse(call.jsonBody(MAX_ATTEST_BODY_BYTES), ATTEST);
    byte[] nonce = body.base64("nonce");
    if (nonce.length > Nonces.MAX_LENGTH) {
      throw ApiProblem.badRequest("nonce: longer than any nonce this CAS issues", null);
    }
    EvidenceType type;
    try {
      type = EvidenceType.fromCliName(body.string("evidence_type"));
    } catch (IllegalArgumentException e) {
      throw ApiProblem.badRequest("evidence_type: " + e.getMessage(), e);
    }
    byte[] evidence = body.base64("evidence");
    if (evidence.length == 0 || evidence.length > Evidence.MAX_SIZE_BYTES) {
      throw ApiProblem.badRequest(
          "evidence: 1 to " + Evidence.MAX_SIZE_BYTES + " bytes, got " + evidence.length, null);
    }
    byte[] publicKey = body.base64("public_key");
    if (publicKey.length > WorkloadKey.MAX_SPKI_BYTES) {
      throw ApiProblem.badRequest("public_key: longer than any supported key", null);
    }
    AttestRequest request =
        new AttestRequest(
            body.optionalString("policy"),
            body.optionalString("service"),
            nonce,
            type,
            evidence,
            publicKey);
    Admission a;
    try {
      a = attestations.attest(request);
    } catch (AttestationRefused e) {
      return refused(e);
    }
    ObjectNode n = ValuesJson.object();
    n.put("policy", a.policy());
    n.put("policy_hash", a.policyHash());
    n.put("service", a.service());
    n.put("configuration", a.configuration());
    ArrayNode chain = n.putArray("certificate_chain");
    for (byte[] der : a.certificateChain()) {
      chain.add(Base64.getEncoder().encodeToString(der));
    }
    n.put("expires_at", a.expiresAt().toString());
    return Reply.ok(n);
  }

  Reply verifyKey(Call call) throws CasException {
    return new Reply(
        200,
        "application/jwk-set+json",
        attestations.verificationKeys().getBytes(java.nio.charset.StandardCharsets.UTF_8),
        java.util.Map.of());
  }

  Reply reveal(Call call) throws CasException, ApiProblem {
    String policy = policyName(call);
    Reveals.Revealed r = attestations.reveal(call.caller(), policy, call.param("name"));
    ObjectNode n = ValuesJson.object();
    n.put("policy", policy);
    n.put("name", call.param("name"));
    n.put("kind", r.kind().yamlName());
    n.put("value", r.value());
    r.privateKey().ifPresent(k -> n.put("private_key", k));
    return Reply.ok(n);
  }

  Reply volumeTag(Call call) throws CasException, ApiProblem, WireException {
    String policy = policyName(call);
    JsonObject body = JsonObject.parse(call.jsonBody(MAX_TAG_BODY_BYTES), TAG);
    X509Certificate certificate =
        call.clientCertificate()
            .orElseThrow(
                () -> new IllegalStateException("an authenticated call has a certificate"));
    VolumeTags.Tag tag =
        attestations.updateVolumeTag(
            call.caller(),
            certificate,
            policy,
            call.param("volume"),
            body.optionalString("expected_old_tag"),
            body.string("new_tag"));
    ObjectNode n = ValuesJson.object();
    n.put("policy", policy);
    n.put("volume", call.param("volume"));
    n.put("tag", tag.hex());
    n.put("generation", tag.generation());
    return Reply.ok(n);
  }

  private static String policyName(Call call) throws ApiProblem {
    String policy = call.param("policy");
    String problem = io.coffer.policy.model.PolicyName.problem(policy);
    if (problem != null) {
      throw ApiProblem.badRequest("policy: " + problem, null);
    }
    return policy;
  }

  /** An RFC 9457 problem of type {@code attestation-failed} with every reason's code. */
  static Reply refused(AttestationRefused e) {
    boolean unknown = e.reasons().equals(java.util.List.of(Reason.UNKNOWN_SERVICE));
    ObjectNode n = ValuesJson.object();
    n.put("type", ProblemReplies.TYPE_BASE + ATTESTATION_FAILED);
    n.put("title", ProblemReplies.title(ATTESTATION_FAILED));
    n.put("status", unknown ? 404 : 403);
    n.put("detail", Optional.ofNullable(e.getMessage()).orElse("attestation failed"));
    ArrayNode reasons = n.putArray("reasons");
    e.reasons().forEach(r -> reasons.add(r.code()));
    return new Reply(
        unknown ? 404 : 403, Reply.PROBLEM_JSON, ValuesJson.bytes(n), java.util.Map.of());
  }

  static final String ATTESTATION_FAILED = "attestation-failed";
}
