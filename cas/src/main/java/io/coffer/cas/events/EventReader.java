package io.coffer.cas.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.coffer.cas.events.EventFormatException.Reason;
import io.coffer.policy.governance.GovernanceException;
import io.coffer.policy.governance.Identity;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/** Reads the members of one event object strictly, remembering which it read. */
final class EventReader {

  private static final Pattern TIME =
      Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z");

  private final ObjectNode object;
  private final String path;
  private final Set<String> read = new HashSet<>();

  EventReader(ObjectNode object) {
    this(object, "");
  }

  /** A reader of an object inside an event, whose members are named {@code path} + member. */
  private EventReader(ObjectNode object, String path) {
    this.object = object;
    this.path = path;
  }

  /** The event of {@code type} from the remaining members. */
  static CasEvent build(EventReader r, EventType type) throws EventFormatException {
    Instant time = r.time("time");
    return switch (type) {
      case CAS_STARTED ->
          r.make(() ->
              new CasStarted(
                  time,
                  r.textOrNull("tee"),
                  r.boolOrFalse("simulated"),
                  r.textOrNull("tls_spki_sha256"),
                  r.textOrNull("ledger_spki_sha256")));
      case POLICY_CREATED -> {
        Identity creator = r.identity("creator");
        List<Identity> approvers = r.identities("approvers");
        yield r.make(() ->
            new PolicyCreated(
                time, r.textOrNull("name"), r.textOrNull("hash"), creator, approvers));
      }
      case POLICY_PROPOSED -> {
        Identity proposer = r.identity("proposer");
        Instant expires = r.time("expires");
        yield r.make(() ->
            new PolicyProposed(
                time,
                r.textOrNull("name"),
                r.textOrNull("proposal"),
                r.textOrNull("hash"),
                r.textOrNull("predecessor"),
                proposer,
                expires));
      }
      case POLICY_APPROVED -> {
        Identity voter = r.identity("voter");
        yield r.make(() -> new PolicyApproved(time, r.n(), r.p(), r.h(), voter));
      }
      case POLICY_REJECTED -> {
        Identity voter = r.identity("voter");
        yield r.make(() -> new PolicyRejected(time, r.n(), r.p(), r.h(), voter));
      }
      case POLICY_WITHDRAWN -> {
        Identity by = r.identity("by");
        yield r.make(() -> new PolicyWithdrawn(time, r.n(), r.p(), r.h(), by));
      }
      case POLICY_SUPERSEDED ->
          r.make(
              () -> new PolicySuperseded(time, r.n(), r.p(), r.h(), r.textOrNull("superseded_by")));
      case POLICY_EXPIRED -> {
        Instant expires = r.time("expires");
        yield r.make(() -> new PolicyExpired(time, r.n(), r.p(), r.h(), expires));
      }
      case POLICY_ACTIVATED -> {
        long version = r.integer("version");
        List<Identity> approvers = r.identities("approvers");
        if (version < 2 || version > Integer.MAX_VALUE) {
          throw invalid("version", "an activated version is 2.." + Integer.MAX_VALUE);
        }
        yield r.make(() ->
            new PolicyActivated(
                time, r.n(), r.p(), r.h(), r.textOrNull("predecessor"), (int) version, approvers));
      }
      case ACCESS_DENIED -> {
        Identity caller = r.identity("caller");
        AccessDenied.Operation operation = r.operation();
        AccessDenied.Reason reason = r.reason();
        Optional<String> proposal =
            r.has("proposal") ? Optional.of(r.text("proposal")) : Optional.empty();
        yield r.make(() ->
            new AccessDenied(time, caller, operation, r.textOrNull("name"), proposal, reason));
      }
      case ATTESTATION_SUCCEEDED -> ProvisioningEventReader.attestationSucceeded(r, time);
      case ATTESTATION_FAILED -> ProvisioningEventReader.attestationFailed(r, time);
      case SECRET_RELEASED -> ProvisioningEventReader.secretReleased(r, time);
      case VOLUME_TAG_UPDATED -> ProvisioningEventReader.volumeTagUpdated(r, time);
    };
  }

  /** Builds a record; the member its constructor names as ill-formed is reported. */
  <T> T make(Supplier<T> constructor) throws EventFormatException {
    try {
      return constructor.get();
    } catch (MissingMember e) {
      throw new EventFormatException(Reason.MISSING_FIELD, "member " + e.getMessage() + " missing");
    } catch (WrongType e) {
      throw invalid(e.getMessage(), "not of its JSON type");
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new EventFormatException(Reason.INVALID_FIELD, "member " + path + e.getMessage(), e);
    }
  }

  private String n() {
    return textOrNull("name");
  }

  private String p() {
    return textOrNull("proposal");
  }

  private String h() {
    return textOrNull("hash");
  }

  boolean has(String member) {
    return object.has(member);
  }

  private JsonNode member(String member) throws EventFormatException {
    JsonNode node = object.get(member);
    if (node == null) {
      throw new EventFormatException(Reason.MISSING_FIELD, "member " + path + member + " missing");
    }
    read.add(member);
    return node;
  }

  String text(String member) throws EventFormatException {
    JsonNode node = member(member);
    if (!node.isTextual()) {
      throw invalid(path + member, "not a string");
    }
    return node.textValue();
  }

  /** An optional string member: absent, or present as a string (never {@code null}). */
  Optional<String> optionalText(String member) throws EventFormatException {
    return has(member) ? Optional.of(text(member)) : Optional.empty();
  }

  long integer(String member) throws EventFormatException {
    JsonNode node = member(member);
    if (!node.isIntegralNumber() || !node.canConvertToLong()) {
      throw invalid(path + member, "not an integer");
    }
    return node.longValue();
  }

  boolean bool(String member) throws EventFormatException {
    JsonNode node = member(member);
    if (!node.isBoolean()) {
      throw invalid(path + member, "not a boolean");
    }
    return node.booleanValue();
  }

  /** An array of at most {@code max} strings. */
  List<String> texts(String member, int max) throws EventFormatException {
    JsonNode node = array(member, max);
    List<String> out = new ArrayList<>(node.size());
    for (int i = 0; i < node.size(); i++) {
      JsonNode item = node.get(i);
      if (!item.isTextual()) {
        throw invalid(path + member + "[" + i + "]", "not a string");
      }
      out.add(item.textValue());
    }
    return out;
  }

  /** An array of at most {@code max} objects, each read by a reader of its own. */
  List<EventReader> objects(String member, int max) throws EventFormatException {
    JsonNode node = array(member, max);
    List<EventReader> out = new ArrayList<>(node.size());
    for (int i = 0; i < node.size(); i++) {
      String at = path + member + "[" + i + "]";
      if (!(node.get(i) instanceof ObjectNode item)) {
        throw invalid(at, "not an object");
      }
      out.add(new EventReader(item, at + "."));
    }
    return out;
  }

  /** An object of at most {@code max} members whose values are strings, in member order. */
  Map<String, String> textMap(String member, int max) throws EventFormatException {
    JsonNode node = member(member);
    if (!node.isObject()) {
      throw invalid(path + member, "not an object");
    }
    if (node.size() > max) {
      throw invalid(path + member, "more than " + max + " members");
    }
    Map<String, String> out = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      if (!e.getValue().isTextual()) {
        throw invalid(path + member + "." + e.getKey(), "not a string");
      }
      out.put(e.getKey(), e.getValue().textValue());
    }
    return out;
  }

  private JsonNode array(String member, int max) throws EventFormatException {
    JsonNode node = member(member);
    if (!node.isArray()) {
      throw invalid(path + member, "not an array");
    }
    if (node.size() > max) {
      throw invalid(path + member, "more than " + max + " items");
    }
    return node;
  }

  /** For constructors' arguments: unchecked, so that they fit a {@link Supplier}. */
  private String textOrNull(String member) {
    JsonNode node = object.get(member);
    if (node == null) {
      throw new MissingMember(path + member);
    }
    if (!node.isTextual()) {
      throw new WrongType(path + member);
    }
    read.add(member);
    return node.textValue();
  }

  private boolean boolOrFalse(String member) {
    JsonNode node = object.get(member);
    if (node == null) {
      throw new MissingMember(path + member);
    }
    if (!node.isBoolean()) {
      throw new WrongType(path + member);
    }
    read.add(member);
    return node.booleanValue();
  }

  Instant time(String member) throws EventFormatException {
    String text = text(member);
    if (!TIME.matcher(text).matches()) {
      throw invalid(path + member, "not an RFC 3339 UTC time with milliseconds");
    }
    try {
      return Instant.from(EventCodec.TIME.parse(text));
    } catch (DateTimeParseException e) {
      throw new EventFormatException(
          Reason.INVALID_FIELD, "member " + path + member + ": not a valid time", e);
    }
  }

  Identity identity(String member) throws EventFormatException {
    String text = text(member);
    try {
      return Identity.parse(text);
    } catch (GovernanceException e) {
      throw new EventFormatException(
          Reason.INVALID_FIELD, "member " + path + member + ": " + e.getMessage(), e);
    }
  }

  List<Identity> identities(String member) throws EventFormatException {
    JsonNode node = member(member);
    if (!node.isArray()) {
      throw invalid(member, "not an array");
    }
    if (node.size() > EventValues.MAX_IDENTITIES) {
      throw invalid(member, "more than " + EventValues.MAX_IDENTITIES + " identities");
    }
    List<Identity> out = new ArrayList<>(node.size());
    for (int i = 0; i < node.size(); i++) {
      JsonNode item = node.get(i);
      if (!item.isTextual()) {
        throw invalid(member + "[" + i + "]", "not a string");
      }
      try {
        out.add(Identity.parse(item.textValue()));
      } catch (GovernanceException e) {
        throw new EventFormatException(
            Reason.INVALID_FIELD, "member " + member + "[" + i + "]: " + e.getMessage(), e);
      }
    }
    return out;
  }

  private AccessDenied.Operation operation() throws EventFormatException {
    String code = text("operation");
    for (AccessDenied.Operation o : AccessDenied.Operation.values()) {
      if (o.code().equals(code)) {
        return o;
      }
    }
    throw invalid("operation", "unknown operation");
  }

  private AccessDenied.Reason reason() throws EventFormatException {
    String code = text("reason");
    for (AccessDenied.Reason r : AccessDenied.Reason.values()) {
      if (r.name().equals(code)) {
        return r;
      }
    }
    throw invalid("reason", "unknown reason");
  }

  /** Fails on a member no reader asked for. */
  void finish() throws EventFormatException {
    Iterator<String> names = object.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (!read.contains(name)) {
        throw new EventFormatException(
            Reason.UNKNOWN_FIELD, "member " + path + name + " is not one of this event type");
      }
    }
  }

  private static EventFormatException invalid(String member, String why) {
    return new EventFormatException(Reason.INVALID_FIELD, "member " + member + ": " + why);
  }

  /** A required member is absent (inside a constructor's argument list). */
  private static final class MissingMember extends RuntimeException {
    private static final long serialVersionUID = 1L;

    MissingMember(String member) {
      super(member, null, false, false);
    }
  }

  /** A member has another JSON type (inside a constructor's argument list). */
  private static final class WrongType extends RuntimeException {
    private static final long serialVersionUID = 1L;

    WrongType(String member) {
      super(member, null, false, false);
    }
  }
}
