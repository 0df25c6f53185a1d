package io.coffer.cas.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.coffer.cas.events.EventFormatException.Reason;
import io.coffer.ledger.json.CanonicalJson;
import io.coffer.ledger.json.CanonicalJsonException;
import io.coffer.ledger.log.LedgerOptions;
import io.coffer.policy.governance.Identity;
import java.io.IOException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.Arrays;
import java.util.List;

/**
 * Events as ledger entries: RFC 8785 (JCS) canonical JSON, UTF-8, one object per event.
 *
 * <p>{@link #encode} writes the members each record documents plus {@code type}, {@code time} and
 * {@code schema}. {@link #parse} is strict, for auditors reading entries from an untrusted log: at
 * most {@value #MAX_EVENT_BYTES} bytes; I-JSON (RFC 7493) in canonical form byte for byte (the form
 * every CAS writes, so a re-encoded or padded entry is refused); {@code schema} {@value
 * CasEvent#SCHEMA}; a known {@code type}; exactly that type's members, each of its JSON type and
 * shape. Every failure is an {@link EventFormatException} naming the member.
 */
public final class EventCodec {

  /** The largest event: the largest entry the ledger's tiles can hold. */
  public static final int MAX_EVENT_BYTES = LedgerOptions.MAX_TILES_ENTRY_BYTES;

  private static final ObjectMapper JSON = new ObjectMapper();

  /** RFC 3339 {@code date-time} in UTC with exactly three fraction digits. */
  static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
          .withZone(ZoneOffset.UTC)
          .withResolverStyle(ResolverStyle.STRICT);

  /** Writes objects with their members sorted by name. */
  private static final com.fasterxml.jackson.databind.ObjectWriter SORTED =
      JSON.writer()
          .with(com.fasterxml.jackson.databind.cfg.JsonNodeFeature.WRITE_PROPERTIES_SORTED);

  private static final long MAX_EXACT_INTEGER = (1L << 53) - 1;

  private EventCodec() {}

  /**
   * Whether Jackson's compact output of {@code node}, members sorted, is already its RFC 8785 form:
   * every name and string is printable ASCII other than {@code "} and {@code \} (so no escaping,
   * where the two could differ), every number an integer of at most 2^53 - 1 in magnitude (written
   * the same by both), and member names sort by UTF-16 code units either way (§3.2.3). Events of
   * this CAS always are; anything else goes through the canonicalizer.
   */
  static boolean plain(com.fasterxml.jackson.databind.JsonNode node) {
    if (node.isTextual()) {
      return plain(node.textValue());
    }
    if (node.isNumber()) {
      return node.isIntegralNumber()
          && node.canConvertToLong()
          && node.longValue() >= -MAX_EXACT_INTEGER
          && node.longValue() <= MAX_EXACT_INTEGER;
    }
    if (node.isBoolean()) {
      return true;
    }
    if (node.isArray()) {
      for (com.fasterxml.jackson.databind.JsonNode e : node) {
        if (!plain(e)) {
          return false;
        }
      }
      return true;
    }
    if (node.isObject()) {
      for (var member : node.properties()) {
        if (!plain(member.getKey()) || !plain(member.getValue())) {
          return false;
        }
      }
      return true;
    }
    return false;
  }

  private static boolean plain(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x20 || c > 0x7e || c == '"' || c == '\\') {
        return false;
      }
    }
    return true;
  }

  /**
   * The ledger entry of {@code event}.
   *
   * @throws IllegalArgumentException if the entry would be larger than {@link #MAX_EVENT_BYTES}, so
   *     that no CAS writes an entry its readers refuse (only a {@code secret.released} naming
   *     hundreds of secrets imported from policies with long names can be that large)
   */
  public static byte[] encode(CasEvent event) {
    ObjectNode o = JSON.createObjectNode();
    o.put("type", event.type().code());
    o.put("time", TIME.format(event.time()));
    o.put("schema", CasEvent.SCHEMA);
    switch (event) {
      case CasStarted e -> {
        o.put("tee", e.tee());
        o.put("simulated", e.simulated());
        o.put("tls_spki_sha256", e.tlsSpkiSha256());
        o.put("ledger_spki_sha256", e.ledgerSpkiSha256());
      }
      case PolicyCreated e -> {
        o.put("name", e.name());
        o.put("hash", e.hash());
        o.put("creator", e.creator().toString());
        identities(o.putArray("approvers"), e.approvers());
      }
      case PolicyProposed e -> {
        proposal(o, e.name(), e.proposal(), e.hash());
        o.put("predecessor", e.predecessor());
        o.put("proposer", e.proposer().toString());
        o.put("expires", TIME.format(e.expires()));
      }
      case PolicyApproved e -> {
        proposal(o, e.name(), e.proposal(), e.hash());
        o.put("voter", e.voter().toString());
      }
      case PolicyRejected e -> {
        proposal(o, e.name(), e.proposal(), e.hash());
        o.put("voter", e.voter().toString());
      }
      case PolicyWithdrawn e -> {
        proposal(o, e.name(), e.proposal(), e.hash());
        o.put("by", e.by().toString());
      }
      case PolicySuperseded e -> {
        proposal(o, e.name(), e.proposal(), e.hash());
        o.put("superseded_by", e.supersededBy());
      }
      case PolicyExpired e -> {
        proposal(o, e.name(), e.proposal(), e.hash());
        o.put("expires", TIME.format(e.expires()));
      }
      case PolicyActivated e -> {
        proposal(o, e.name(), e.proposal(), e.hash());
        o.put("predecessor", e.predecessor());
        o.put("version", e.version());
        identities(o.putArray("approvers"), e.approvers());
      }
      case AccessDenied e -> {
        o.put("caller", e.caller().toString());
        o.put("operation", e.operation().code());
        o.put("name", e.name());
        e.proposal().ifPresent(p -> o.put("proposal", p));
        o.put("reason", e.reason().name());
      }
      case AttestationSucceeded e -> {
        o.put("policy", e.policy());
        o.put("policy_hash", e.policyHash());
        o.put("service", e.service());
        o.put("evidence_type", e.evidenceType());
        ObjectNode measurements = o.putObject("measurements");
        e.measurements().forEach(measurements::put);
        o.put("tcb_status", e.tcbStatus());
        ArrayNode advisories = o.putArray("advisories");
        e.advisories().forEach(advisories::add);
        o.put("simulated", e.simulated());
        o.put("debug", e.debug());
        o.put("public_key", e.publicKey());
        o.put("certificate_serial", e.certificateSerial());
      }
      case AttestationFailed e -> {
        o.put("policy", e.policy());
        o.put("service", e.service());
        ArrayNode reasons = o.putArray("reasons");
        e.reasons().forEach(r -> reasons.add(r.code()));
        e.evidenceType().ifPresent(t -> o.put("evidence_type", t));
        e.publicKey().ifPresent(k -> o.put("public_key", k));
      }
      case SecretReleased e -> {
        o.put("policy", e.policy());
        e.service().ifPresent(s -> o.put("service", s));
        e.revealedTo().ifPresent(i -> o.put("revealed_to", i.toString()));
        ArrayNode secrets = o.putArray("secrets");
        for (SecretReleased.Released s : e.secrets()) {
          ObjectNode secret = secrets.addObject();
          secret.put("name", s.name());
          s.fromPolicy().ifPresent(p -> secret.put("from_policy", p));
          s.fromSecret().ifPresent(n -> secret.put("from_secret", n));
        }
        e.certificateSerial().ifPresent(s -> o.put("certificate_serial", s));
      }
      case VolumeTagUpdated e -> {
        o.put("policy", e.policy());
        o.put("volume", e.volume());
        o.put("service", e.service());
        e.oldTag().ifPresent(t -> o.put("old_tag", t));
        o.put("new_tag", e.newTag());
        o.put("generation", e.generation());
        o.put("certificate_serial", e.certificateSerial());
      }
    }
    byte[] entry;
    try {
      entry =
          plain(o)
              ? SORTED.writeValueAsBytes(o)
              : CanonicalJson.canonicalize(JSON.writeValueAsBytes(o));
    } catch (IOException | CanonicalJsonException e) {
      throw new IllegalStateException("an event always has a canonical JSON form", e);
    }
    if (entry.length > MAX_EVENT_BYTES) {
      throw new IllegalArgumentException(
          event.type().code()
              + ": an event of "
              + entry.length
              + " bytes is larger than "
              + MAX_EVENT_BYTES);
    }
    return entry;
  }

  private static void proposal(ObjectNode o, String name, String proposal, String hash) {
    o.put("name", name);
    o.put("proposal", proposal);
    o.put("hash", hash);
  }

  private static void identities(ArrayNode array, List<Identity> identities) {
    identities.forEach(i -> array.add(i.toString()));
  }

  /**
   * The event in a ledger entry.
   *
   * @throws EventFormatException with the reason and the member at fault
   */
  public static CasEvent parse(byte[] entry) throws EventFormatException {
    if (entry.length > MAX_EVENT_BYTES) {
      throw new EventFormatException(
          Reason.TOO_LARGE,
          "an event of " + entry.length + " bytes is larger than " + MAX_EVENT_BYTES);
    }
    byte[] canonical;
    try {
      canonical = CanonicalJson.canonicalize(entry);
    } catch (CanonicalJsonException e) {
      throw new EventFormatException(Reason.MALFORMED, "not I-JSON: " + e.getMessage(), e);
    }
    if (!Arrays.equals(canonical, entry)) {
      throw new EventFormatException(
          Reason.NOT_CANONICAL, "the event is not in RFC 8785 canonical form");
    }
    JsonNode root;
    try {
      root = JSON.readTree(entry);
    } catch (IOException e) {
      throw new EventFormatException(Reason.MALFORMED, "not JSON", e);
    }
    if (!(root instanceof ObjectNode object)) {
      throw new EventFormatException(Reason.MALFORMED, "an event is a JSON object");
    }
    EventReader r = new EventReader(object);
    long schema = r.integer("schema");
    if (schema != CasEvent.SCHEMA) {
      throw new EventFormatException(
          Reason.UNSUPPORTED_SCHEMA, "schema " + schema + ": this reader knows " + CasEvent.SCHEMA);
    }
    String code = r.text("type");
    EventType type =
        EventType.ofCode(code)
            .orElseThrow(
                () -> new EventFormatException(Reason.UNKNOWN_TYPE, "unknown event type " + code));
    CasEvent event = EventReader.build(r, type);
    r.finish();
    return event;
  }
}
