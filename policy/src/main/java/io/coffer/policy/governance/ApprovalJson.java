package io.coffer.policy.governance;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.coffer.policy.governance.GovernanceException.Reason;
import java.io.IOException;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The strict JSON form of an {@link Approval}. */
final class ApprovalJson {

  /** The largest approval document accepted: a certificate of the largest size, in base64. */
  static final int MAX_JSON_BYTES = 32 * 1024;

  private static final String IDENTITY = "identity";
  private static final String SIGNATURE = "signature";
  private static final String CERTIFICATE = "certificate";
  private static final Set<String> MEMBERS = Set.of(IDENTITY, SIGNATURE, CERTIFICATE);

  private static final ObjectMapper MAPPER =
      new ObjectMapper()
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);

  private ApprovalJson() {}

  static Approval parse(byte[] json) throws GovernanceException {
    if (json.length > MAX_JSON_BYTES) {
      throw malformed("larger than " + MAX_JSON_BYTES + " bytes");
    }
    JsonNode root;
    try {
      root = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new GovernanceException(
          Reason.MALFORMED_APPROVAL,
          "approval: not JSON: " + e.getOriginalMessage() + " at " + location(e),
          e);
    } catch (IOException e) {
      throw new GovernanceException(Reason.MALFORMED_APPROVAL, "approval: not JSON", e);
    }
    if (root == null || !root.isObject()) {
      throw malformed("not a JSON object");
    }
    for (Map.Entry<String, JsonNode> member : root.properties()) {
      if (!MEMBERS.contains(member.getKey())) {
        throw malformed(
            "unknown member " + Quoted.of(member.getKey()) + " (identity, signature, certificate)");
      }
      if (!member.getValue().isTextual()) {
        throw malformed(member.getKey() + ": not a string");
      }
    }
    Identity identity = Identity.parse(required(root, IDENTITY));
    byte[] signature = base64(required(root, SIGNATURE), SIGNATURE);
    Optional<ClientCertificate> certificate = Optional.empty();
    if (root.has(CERTIFICATE)) {
      certificate =
          Optional.of(
              ClientCertificate.fromDer(base64(root.get(CERTIFICATE).textValue(), CERTIFICATE)));
    }
    return Approval.of(identity, signature, certificate);
  }

  static String render(Approval approval) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put(IDENTITY, approval.identity().toString());
    node.put(SIGNATURE, Base64.getEncoder().encodeToString(approval.signature()));
    approval
        .certificate()
        .ifPresent(c -> node.put(CERTIFICATE, Base64.getEncoder().encodeToString(c.der())));
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot render an approval", e);
    }
  }

  private static String required(JsonNode root, String member) throws GovernanceException {
    JsonNode value = root.get(member);
    if (value == null) {
      throw malformed("missing member " + member);
    }
    return value.textValue();
  }

  private static byte[] base64(String text, String member) throws GovernanceException {
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(text);
    } catch (IllegalArgumentException e) {
      throw malformed(member + ": not base64 (RFC 4648 §4, with padding)");
    }
    if (!Base64.getEncoder().encodeToString(bytes).equals(text)) {
      throw malformed(member + ": not canonical base64 (RFC 4648 §4, with padding)");
    }
    return bytes;
  }

  private static String location(JsonProcessingException e) {
    return e.getLocation() == null
        ? "an unknown position"
        : "line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
  }

  private static GovernanceException malformed(String why) {
    return new GovernanceException(Reason.MALFORMED_APPROVAL, "approval: " + why);
  }
}
