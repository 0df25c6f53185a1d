package io.coffer.cas.client;

import io.coffer.cas.client.CasTransport.Answer;
import io.coffer.cas.http.wire.JsonObject;
import io.coffer.cas.http.wire.RequestsJson;
import io.coffer.cas.http.wire.ValuesJson;
import io.coffer.cas.http.wire.WireException;
import io.coffer.cas.service.PolicyVersion;
import io.coffer.cas.service.PolicyView;
import io.coffer.cas.service.Proposal;
import io.coffer.cas.service.SelfDescription;
import io.coffer.cas.service.UnsealProgress;
import io.coffer.ledger.merkle.ConsistencyProof;
import io.coffer.ledger.merkle.InclusionProof;
import io.coffer.policy.governance.Approval;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A client of one CAS's API ({@code openapi.json} describes every route).
 *
 * <p>Security guarantees: a {@link #pinned} client talks only to the server whose TLS certificate
 * carries the pinned SubjectPublicKeyInfo — there is deliberately no CA and no hostname check: the
 * key is the CAS's identity, verified by {@code coffer cas attest}. An {@link #unpinned} client
 * accepts any server and is only for fetching the self-description to verify; its {@link #describe}
 * checks that the key the handshake proved is the description's TLS key, so a relaying machine in
 * the middle cannot pass off another CAS's evidence. TLS 1.3 only.
 *
 * <p>Not protected against: a wrong pin; the attestation must rule that out.
 */
public final class CasClient implements AutoCloseable {

  private static final Set<String> NAMES = Set.of("policies");
  private static final Set<String> VERSIONS = Set.of("versions");
  private static final Set<String> PROPOSALS = Set.of("proposals");
  private static final Set<String> TEXT = Set.of("id", "text");
  private static final Set<String> CHALLENGE = Set.of("policy", "service", "nonce", "expires_at");
  private static final Set<String> ADMISSION =
      Set.of(
          "policy", "policy_hash", "service", "configuration", "certificate_chain", "expires_at");
  private static final Set<String> REVEALED =
      Set.of("policy", "name", "kind", "value", "private_key");
  private static final Set<String> TAG = Set.of("policy", "volume", "tag", "generation");

  private final CasTransport transport;
  private final ServerKeyTrust trust;
  private final boolean pinned;

  private CasClient(CasTransport transport, ServerKeyTrust trust, boolean pinned) {
    this.transport = transport;
    this.trust = trust;
    this.pinned = pinned;
  }

  /**
   * A client of the CAS at {@code base} ({@code https://host:port}) whose TLS key is {@code
   * serverSpki} (DER SubjectPublicKeyInfo), authenticating as {@code identity} when given (the
   * policy and governance routes need one).
   *
   * @throws GeneralSecurityException if the identity cannot make a TLS context
   */
  public static CasClient pinned(URI base, byte[] serverSpki, Optional<ClientIdentity> identity)
      throws GeneralSecurityException {
    ServerKeyTrust trust = ServerKeyTrust.pinned(serverSpki);
    return new CasClient(new CasTransport(base, trust, identity), trust, true);
  }

  /**
   * A client of the CAS at {@code base} whose TLS key has the SHA-256 {@code spkiSha256} (of its
   * DER SubjectPublicKeyInfo: the fingerprint {@code coffer cas serve} prints): for a workload that
   * is given the CAS's address and fingerprint instead of a stored pin.
   *
   * @throws GeneralSecurityException if the identity cannot make a TLS context
   */
  public static CasClient pinnedBySha256(
      URI base, byte[] spkiSha256, Optional<ClientIdentity> identity)
      throws GeneralSecurityException {
    ServerKeyTrust trust = ServerKeyTrust.pinnedBySha256(spkiSha256);
    return new CasClient(new CasTransport(base, trust, identity), trust, true);
  }

  /**
   * A client that accepts any server key, only to fetch {@code GET /v1/cas} before verifying it.
   * Use nothing it returns before the evidence is verified.
   */
  public static CasClient unpinned(URI base) throws GeneralSecurityException {
    ServerKeyTrust trust = ServerKeyTrust.unpinned();
    return new CasClient(new CasTransport(base, trust, Optional.empty()), trust, false);
  }

  /**
   * Closes this client's connections and its HTTP client's threads at once, so that a short-lived
   * process exits without waiting for them. Requests still under way fail.
   */
  @Override
  public void close() {
    transport.close();
  }

  /**
   * {@code GET /v1/cas}. Unpinned, it also checks that the server proved the key the description
   * names as its TLS key ({@code key-mismatch} otherwise).
   */
  public SelfDescription describe() throws CasClientException {
    SelfDescription d = parse(transport.get("/v1/cas"), ValuesJson::selfDescription);
    if (!pinned) {
      byte[] seen = trust.lastSeen().orElse(new byte[0]);
      if (!MessageDigest.isEqual(seen, d.tlsPublicKey())) {
        throw new CasClientException(
            CasClientException.KEY_MISMATCH,
            0,
            "the server's TLS key is not the TLS key its self-description names",
            Optional.empty(),
            null);
      }
    }
    return d;
  }

  /** {@code POST /v1/cas/unseal} with the share file's bytes. */
  public UnsealProgress unseal(byte[] share) throws CasClientException {
    Answer a = transport.post("/v1/cas/unseal", "application/octet-stream", share);
    return parse(
        a, b -> ValuesJson.unsealProgress(JsonObject.parse(b, ValuesJson.progressMembers())));
  }

  /** {@code POST /v1/policies}. */
  public PolicyVersion create(byte[] policyYaml, List<Approval> approvals)
      throws CasClientException {
    byte[] body =
        RequestsJson.render(new RequestsJson.Submission(policyYaml, approvals, Optional.empty()));
    return parse(postJson("/v1/policies", body), CasClient::version);
  }

  /** {@code GET /v1/policies?prefix=}. */
  public List<String> list(Optional<String> prefix) throws CasClientException {
    String query = prefix.map(p -> "?prefix=" + encode(p)).orElse("");
    return parse(
        transport.get("/v1/policies" + query),
        b -> JsonObject.parse(b, NAMES).strings("policies", ValuesJson.MAX_LIST));
  }

  /** {@code GET /v1/policies/{name}[?version=]}. */
  public PolicyView read(String name, Optional<Integer> version) throws CasClientException {
    String query = version.map(v -> "?version=" + v).orElse("");
    return parse(
        transport.get("/v1/policies/" + encode(name) + query),
        b -> ValuesJson.policyView(JsonObject.parse(b, ValuesJson.viewMembers())));
  }

  /** {@code GET /v1/policies/{name}/history}. */
  public List<PolicyVersion> history(String name) throws CasClientException {
    return parse(
        transport.get("/v1/policies/" + encode(name) + "/history"),
        b -> {
          List<PolicyVersion> out = new ArrayList<>();
          for (JsonObject v :
              JsonObject.parse(b, VERSIONS)
                  .objects("versions", ValuesJson.MAX_LIST, ValuesJson.versionMembers())) {
            out.add(ValuesJson.policyVersion(v));
          }
          return out;
        });
  }

  /** {@code POST /v1/proposals}. */
  public Proposal propose(byte[] policyYaml, List<Approval> approvals, Optional<Duration> lifetime)
      throws CasClientException {
    byte[] body = RequestsJson.render(new RequestsJson.Submission(policyYaml, approvals, lifetime));
    return parse(postJson("/v1/proposals", body), CasClient::proposal);
  }

  /** {@code GET /v1/proposals?policy=&open=}. */
  public List<Proposal> proposals(String policy, boolean openOnly) throws CasClientException {
    return parse(
        transport.get("/v1/proposals?policy=" + encode(policy) + "&open=" + openOnly),
        b -> {
          List<Proposal> out = new ArrayList<>();
          for (JsonObject p :
              JsonObject.parse(b, PROPOSALS)
                  .objects("proposals", ValuesJson.MAX_LIST, ValuesJson.proposalMembers())) {
            out.add(ValuesJson.proposal(p));
          }
          return out;
        });
  }

  /** {@code GET /v1/proposals/{id}}. */
  public Proposal proposal(String id) throws CasClientException {
    return parse(transport.get("/v1/proposals/" + encode(id)), CasClient::proposal);
  }

  /** {@code GET /v1/proposals/{id}/text}. */
  public String proposalText(String id) throws CasClientException {
    return parse(
        transport.get("/v1/proposals/" + encode(id) + "/text"),
        b -> JsonObject.parse(b, TEXT).string("text"));
  }

  /** {@code POST /v1/proposals/{id}/approve}. */
  public Proposal approve(String id, Approval approval) throws CasClientException {
    byte[] body = approval.toJson().getBytes(StandardCharsets.UTF_8);
    return parse(postJson("/v1/proposals/" + encode(id) + "/approve", body), CasClient::proposal);
  }

  /** {@code POST /v1/proposals/{id}/reject}. */
  public Proposal reject(String id, Optional<String> reason) throws CasClientException {
    return parse(
        postJson("/v1/proposals/" + encode(id) + "/reject", RequestsJson.renderRejection(reason)),
        CasClient::proposal);
  }

  /** {@code POST /v1/proposals/{id}/withdraw}. */
  public Proposal withdraw(String id) throws CasClientException {
    return parse(
        postJson(
            "/v1/proposals/" + encode(id) + "/withdraw", "{}".getBytes(StandardCharsets.UTF_8)),
        CasClient::proposal);
  }

  /** {@code GET /v1/ledger/checkpoint}: the signed note's bytes, unverified. */
  public byte[] checkpoint() throws CasClientException {
    return transport.get("/v1/ledger/checkpoint").body();
  }

  /** {@code GET /v1/ledger/proof/inclusion}. */
  public InclusionProof inclusionProof(long index, long size) throws CasClientException {
    return parse(
        transport.get("/v1/ledger/proof/inclusion?index=" + index + "&size=" + size),
        ValuesJson::inclusionProof);
  }

  /** {@code GET /v1/ledger/proof/consistency}. */
  public ConsistencyProof consistencyProof(long from, long to) throws CasClientException {
    return parse(
        transport.get("/v1/ledger/proof/consistency?from=" + from + "&to=" + to),
        ValuesJson::consistencyProof);
  }

  /**
   * A tlog-tiles resource below {@code /v1/ledger/tiles/} ({@code tile/0/000}, {@code
   * tile/entries/001.p/5}); empty when the CAS has no such tile.
   */
  public Optional<byte[]> tile(String path) throws CasClientException {
    if (!path.matches("tile/[A-Za-z0-9./]+") || path.contains("..")) {
      throw new IllegalArgumentException("not a tile path: " + path);
    }
    try {
      return Optional.of(transport.get("/v1/ledger/tiles/" + path).body());
    } catch (CasClientException e) {
      if (e.status() == 404) {
        return Optional.empty();
      }
      throw e;
    }
  }

  /**
   * {@code POST /v1/attest/challenge}: a nonce for {@code service} of {@code policy}.
   *
   * @throws CasClientException {@code attestation-failed} with reason {@code unknown-service}
   */
  public io.coffer.cas.attest.Challenge challenge(String policy, String service)
      throws CasClientException {
    com.fasterxml.jackson.databind.node.ObjectNode n = ValuesJson.object();
    n.put("policy", policy);
    n.put("service", service);
    return parse(
        postJson("/v1/attest/challenge", ValuesJson.bytes(n)),
        b -> {
          JsonObject o = JsonObject.parse(b, CHALLENGE);
          return new io.coffer.cas.attest.Challenge(
              o.string("policy"), o.string("service"), o.base64("nonce"), instant(o, "expires_at"));
        });
  }

  /**
   * {@code POST /v1/attest}: evidence binding {@code publicKey} (a SubjectPublicKeyInfo) to the
   * challenge's nonce.
   *
   * @throws CasClientException {@code attestation-failed} with every reason ({@link
   *     CasClientException#reasons()}) when the workload is refused
   */
  public AttestAnswer attest(
      io.coffer.cas.attest.Challenge challenge,
      io.coffer.attestation.Evidence evidence,
      byte[] publicKey)
      throws CasClientException {
    java.util.Base64.Encoder b64 = java.util.Base64.getEncoder();
    com.fasterxml.jackson.databind.node.ObjectNode n = ValuesJson.object();
    n.put("policy", challenge.policy());
    n.put("service", challenge.service());
    n.put("nonce", b64.encodeToString(challenge.nonce()));
    n.put("evidence_type", evidence.type().cliName());
    n.put("evidence", b64.encodeToString(evidence.bytes()));
    n.put("public_key", b64.encodeToString(publicKey));
    return parse(
        postJson("/v1/attest", ValuesJson.bytes(n)),
        b -> {
          JsonObject o = JsonObject.parse(b, ADMISSION);
          List<java.security.cert.X509Certificate> chain = new java.util.ArrayList<>();
          for (String der : o.strings("certificate_chain", 8)) {
            chain.add(certificate(der));
          }
          return new AttestAnswer(
              o.string("policy"),
              o.string("policy_hash"),
              o.string("service"),
              o.string("configuration"),
              chain,
              instant(o, "expires_at"));
        });
  }

  /** {@code GET /v1/attest/verify-key}: the JWK Set that verifies attestation result tokens. */
  public String verificationKeys() throws CasClientException {
    return new String(transport.get("/v1/attest/verify-key").body(), StandardCharsets.UTF_8);
  }

  /**
   * {@code GET /v1/secrets/{policy}/{name}}: a secret its {@code reveal_to} names this client for.
   *
   * @return the answer's members: {@code kind}, {@code value} and, for keys, {@code private_key}
   */
  public java.util.Map<String, String> reveal(String policy, String name)
      throws CasClientException {
    return parse(
        transport.get("/v1/secrets/" + encode(policy) + "/" + encode(name)),
        b -> {
          JsonObject o = JsonObject.parse(b, REVEALED);
          java.util.Map<String, String> out = new java.util.LinkedHashMap<>();
          out.put("kind", o.string("kind"));
          out.put("value", o.string("value"));
          o.optionalString("private_key").ifPresent(k -> out.put("private_key", k));
          return out;
        });
  }

  /**
   * {@code POST /v1/volumes/{policy}/{volume}/tag}: moves a volume's tag from {@code expected}
   * (empty: none yet) to {@code newTag}; this client must authenticate with its workload
   * certificate.
   *
   * @return the new generation
   * @throws CasClientException {@code stale-tag} when the tag is not {@code expected}
   */
  public long updateVolumeTag(
      String policy, String volume, Optional<String> expected, String newTag)
      throws CasClientException {
    com.fasterxml.jackson.databind.node.ObjectNode n = ValuesJson.object();
    expected.ifPresent(e -> n.put("expected_old_tag", e));
    n.put("new_tag", newTag);
    return parse(
        postJson(
            "/v1/volumes/" + encode(policy) + "/" + encode(volume) + "/tag", ValuesJson.bytes(n)),
        b -> JsonObject.parse(b, TAG).integer("generation", 1, Long.MAX_VALUE));
  }

  private static java.time.Instant instant(JsonObject o, String member) throws WireException {
    try {
      return java.time.Instant.parse(o.string(member));
    } catch (java.time.format.DateTimeParseException e) {
      throw new WireException(o.pathOf(member), "not an RFC 3339 instant", e);
    }
  }

  private static java.security.cert.X509Certificate certificate(String base64)
      throws WireException {
    try {
      byte[] der = java.util.Base64.getDecoder().decode(base64);
      return (java.security.cert.X509Certificate)
          java.security.cert.CertificateFactory.getInstance("X.509")
              .generateCertificate(new java.io.ByteArrayInputStream(der));
    } catch (IllegalArgumentException | GeneralSecurityException e) {
      throw new WireException("certificate_chain", "not a DER certificate in base64", e);
    }
  }

  private Answer postJson(String path, byte[] body) throws CasClientException {
    return transport.post(path, "application/json", body);
  }

  private static PolicyVersion version(byte[] body) throws WireException {
    return ValuesJson.policyVersion(JsonObject.parse(body, ValuesJson.versionMembers()));
  }

  private static Proposal proposal(byte[] body) throws WireException {
    return ValuesJson.proposal(JsonObject.parse(body, ValuesJson.proposalMembers()));
  }

  /** One path segment or query value, with {@code /} and every reserved character escaped. */
  static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  @FunctionalInterface
  private interface Parser<T> {
    T parse(byte[] body) throws WireException;
  }

  private static <T> T parse(Answer answer, Parser<T> parser) throws CasClientException {
    if (!answer.mediaType().equals("application/json")) {
      throw CasTransport.badResponse("expected application/json, got " + answer.mediaType(), null);
    }
    try {
      return parser.parse(answer.body());
    } catch (WireException | IllegalArgumentException | NullPointerException e) {
      throw CasTransport.badResponse("the CAS's answer does not parse: " + e.getMessage(), e);
    }
  }
}
