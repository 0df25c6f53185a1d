package io.coffer.cas.http.wire;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.coffer.cas.service.Ballot;
import io.coffer.cas.service.CasState;
import io.coffer.cas.service.PolicyVersion;
import io.coffer.cas.service.PolicyView;
import io.coffer.cas.service.Proposal;
import io.coffer.cas.service.ProposalState;
import io.coffer.cas.service.SelfDescription;
import io.coffer.cas.service.UnsealProgress;
import io.coffer.ledger.merkle.ConsistencyProof;
import io.coffer.ledger.merkle.Hash;
import io.coffer.ledger.merkle.InclusionProof;
import io.coffer.policy.governance.GovernanceException;
import io.coffer.policy.governance.Identity;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The JSON shapes of the service's values, as {@code openapi.json} documents them: rendering for
 * the server, strict parsing for the client. Instants are RFC 3339 UTC strings, bytes and hashes of
 * the ledger base64, enum values lower-case with hyphens.
 */
public final class ValuesJson {

  /** The most elements a list in a response may have. */
  public static final int MAX_LIST = 100_000;

  /** The longest Merkle proof (a tree of at most 2^63 entries). */
  private static final int MAX_PROOF_HASHES = 128;

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Base64.Encoder B64 = Base64.getEncoder();

  private static final Set<String> VERSION =
      Set.of("name", "version", "hash", "predecessor", "activatedAt", "proposal", "ledgerIndex");
  private static final Set<String> VIEW = Set.of("current", "creator", "text");
  private static final Set<String> BALLOT = Set.of("voter", "approve", "at", "reason");
  private static final Set<String> PROPOSAL =
      Set.of(
          "id",
          "name",
          "hash",
          "predecessor",
          "proposer",
          "createdAt",
          "expiresAt",
          "state",
          "ballots",
          "explanation");
  private static final Set<String> PROGRESS = Set.of("received", "threshold", "sealed");
  private static final Set<String> SELF =
      Set.of(
          "state",
          "tee",
          "simulated",
          "warnings",
          "evidenceType",
          "evidence",
          "tlsPublicKey",
          "ledgerPublicKey",
          "ledgerVerifierKey",
          "checkpoint",
          "shamir");

  private ValuesJson() {}

  /** A new empty object for a response. */
  public static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  /** The JSON text of a response document. */
  public static byte[] bytes(ObjectNode node) {
    return JsonObject.bytesOf(node);
  }

  /** An enum constant as the API writes it: {@code stale-predecessor}. */
  public static String enumText(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  private static <E extends Enum<E>> E enumOf(Class<E> type, JsonObject o, String member)
      throws WireException {
    String text = o.string(member);
    for (E e : type.getEnumConstants()) {
      if (enumText(e).equals(text)) {
        return e;
      }
    }
    throw new WireException(o.pathOf(member), "unknown value \"" + text + "\"");
  }

  private static Instant instant(JsonObject o, String member) throws WireException {
    try {
      return Instant.parse(o.string(member));
    } catch (DateTimeParseException e) {
      throw new WireException(o.pathOf(member), "not an RFC 3339 instant");
    }
  }

  private static Identity identity(JsonObject o, String member) throws WireException {
    try {
      return Identity.parse(o.string(member));
    } catch (GovernanceException e) {
      throw new WireException(o.pathOf(member), e.getMessage(), e);
    }
  }

  /** A policy version. */
  public static ObjectNode render(PolicyVersion v) {
    ObjectNode n = object();
    n.put("name", v.name());
    n.put("version", v.version());
    n.put("hash", v.hash());
    v.predecessor().ifPresent(p -> n.put("predecessor", p));
    n.put("activatedAt", v.activatedAt().toString());
    v.proposal().ifPresent(p -> n.put("proposal", p));
    n.put("ledgerIndex", v.ledgerIndex());
    return n;
  }

  /** Parses {@link #render(PolicyVersion)}'s shape. */
  public static PolicyVersion policyVersion(JsonObject o) throws WireException {
    try {
      return new PolicyVersion(
          o.string("name"),
          (int) o.integer("version", 1, Integer.MAX_VALUE),
          o.string("hash"),
          o.optionalString("predecessor"),
          instant(o, "activatedAt"),
          o.optionalString("proposal"),
          o.integer("ledgerIndex", 0, Long.MAX_VALUE));
    } catch (IllegalArgumentException e) {
      throw new WireException(o.path(), e.getMessage(), e);
    }
  }

  /** A policy as a reader sees it. */
  public static ObjectNode render(PolicyView v) {
    ObjectNode n = object();
    n.set("current", render(v.current()));
    n.put("creator", v.creator().toString());
    n.put("text", v.text());
    return n;
  }

  /** Parses {@link #render(PolicyView)}'s shape. */
  public static PolicyView policyView(JsonObject o) throws WireException {
    return new PolicyView(
        policyVersion(o.object("current", VERSION)), identity(o, "creator"), o.string("text"));
  }

  /** A proposal with its ballots. */
  public static ObjectNode render(Proposal p) {
    ObjectNode n = object();
    n.put("id", p.id());
    n.put("name", p.name());
    n.put("hash", p.hash());
    n.put("predecessor", p.predecessor());
    n.put("proposer", p.proposer().toString());
    n.put("createdAt", p.createdAt().toString());
    n.put("expiresAt", p.expiresAt().toString());
    n.put("state", enumText(p.state()));
    ArrayNode ballots = n.putArray("ballots");
    for (Ballot b : p.ballots()) {
      ObjectNode bn = ballots.addObject();
      bn.put("voter", b.voter().toString());
      bn.put("approve", b.approve());
      bn.put("at", b.at().toString());
      b.reason().ifPresent(r -> bn.put("reason", r));
    }
    n.put("explanation", p.explanation());
    return n;
  }

  /** Parses {@link #render(Proposal)}'s shape. */
  public static Proposal proposal(JsonObject o) throws WireException {
    List<Ballot> ballots = new ArrayList<>();
    for (JsonObject b : o.objects("ballots", MAX_LIST, BALLOT)) {
      ballots.add(
          new Ballot(
              identity(b, "voter"),
              b.bool("approve"),
              instant(b, "at"),
              b.optionalString("reason")));
    }
    return new Proposal(
        o.string("id"),
        o.string("name"),
        o.string("hash"),
        o.string("predecessor"),
        identity(o, "proposer"),
        instant(o, "createdAt"),
        instant(o, "expiresAt"),
        enumOf(ProposalState.class, o, "state"),
        ballots,
        o.string("explanation"));
  }

  /** Unsealing progress. */
  public static ObjectNode render(UnsealProgress p) {
    ObjectNode n = object();
    n.put("received", p.received());
    n.put("threshold", p.threshold());
    n.put("sealed", p.sealed());
    return n;
  }

  /** Parses {@link #render(UnsealProgress)}'s shape. */
  public static UnsealProgress unsealProgress(JsonObject o) throws WireException {
    return new UnsealProgress(
        (int) o.integer("received", 0, Integer.MAX_VALUE),
        (int) o.integer("threshold", 1, Integer.MAX_VALUE),
        o.bool("sealed"));
  }

  /** What {@code GET /v1/cas} answers. */
  public static ObjectNode render(SelfDescription d) {
    ObjectNode n = object();
    n.put("state", enumText(d.state()));
    n.put("tee", d.tee());
    n.put("simulated", d.simulated());
    ArrayNode warnings = n.putArray("warnings");
    d.warnings().forEach(warnings::add);
    n.put("evidenceType", d.evidenceType());
    n.put("evidence", B64.encodeToString(d.evidence()));
    n.put("tlsPublicKey", B64.encodeToString(d.tlsPublicKey()));
    n.put("ledgerPublicKey", B64.encodeToString(d.ledgerPublicKey()));
    n.put("ledgerVerifierKey", d.ledgerVerifierKey());
    d.checkpoint().ifPresent(c -> n.put("checkpoint", c));
    d.shamir().ifPresent(s -> n.set("shamir", render(s)));
    return n;
  }

  /** Parses a whole {@code GET /v1/cas} document. */
  public static SelfDescription selfDescription(byte[] json) throws WireException {
    JsonObject o = JsonObject.parse(json, SELF);
    return new SelfDescription(
        enumOf(CasState.class, o, "state"),
        o.string("tee"),
        o.bool("simulated"),
        o.strings("warnings", 64),
        o.string("evidenceType"),
        o.base64("evidence"),
        o.base64("tlsPublicKey"),
        o.base64("ledgerPublicKey"),
        o.string("ledgerVerifierKey"),
        o.optionalString("checkpoint"),
        o.has("shamir")
            ? Optional.of(unsealProgress(o.object("shamir", PROGRESS)))
            : Optional.empty());
  }

  /** An inclusion proof. */
  public static ObjectNode render(InclusionProof p) {
    ObjectNode n = object();
    n.put("leafIndex", p.leafIndex());
    n.put("treeSize", p.treeSize());
    ArrayNode path = n.putArray("path");
    p.path().forEach(h -> path.add(h.toBase64()));
    return n;
  }

  /** A consistency proof. */
  public static ObjectNode render(ConsistencyProof p) {
    ObjectNode n = object();
    n.put("size1", p.size1());
    n.put("size2", p.size2());
    ArrayNode path = n.putArray("path");
    p.path().forEach(h -> path.add(h.toBase64()));
    return n;
  }

  /** Parses a whole inclusion proof document. */
  public static InclusionProof inclusionProof(byte[] json) throws WireException {
    JsonObject o = JsonObject.parse(json, Set.of("leafIndex", "treeSize", "path"));
    try {
      return new InclusionProof(
          o.integer("leafIndex", 0, Long.MAX_VALUE),
          o.integer("treeSize", 0, Long.MAX_VALUE),
          hashes(o));
    } catch (IllegalArgumentException e) {
      throw new WireException("", e.getMessage(), e);
    }
  }

  /** Parses a whole consistency proof document. */
  public static ConsistencyProof consistencyProof(byte[] json) throws WireException {
    JsonObject o = JsonObject.parse(json, Set.of("size1", "size2", "path"));
    try {
      return new ConsistencyProof(
          o.integer("size1", 0, Long.MAX_VALUE), o.integer("size2", 0, Long.MAX_VALUE), hashes(o));
    } catch (IllegalArgumentException e) {
      throw new WireException("", e.getMessage(), e);
    }
  }

  private static List<Hash> hashes(JsonObject o) throws WireException {
    List<String> texts = o.strings("path", MAX_PROOF_HASHES);
    List<Hash> out = new ArrayList<>(texts.size());
    for (int i = 0; i < texts.size(); i++) {
      try {
        out.add(Hash.fromBase64(texts.get(i)));
      } catch (IllegalArgumentException e) {
        throw new WireException(o.pathOf("path") + "[" + i + "]", "not a base64 SHA-256 hash");
      }
    }
    return out;
  }

  /** The member sets of nested values, for documents that hold lists of them. */
  public static Set<String> versionMembers() {
    return VERSION;
  }

  /** The members of a proposal. */
  public static Set<String> proposalMembers() {
    return PROPOSAL;
  }

  /** The members of a policy view. */
  public static Set<String> viewMembers() {
    return VIEW;
  }

  /** The members of unsealing progress. */
  public static Set<String> progressMembers() {
    return PROGRESS;
  }
}
