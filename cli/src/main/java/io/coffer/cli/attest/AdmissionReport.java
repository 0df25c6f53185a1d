package io.coffer.cli.attest;

import com.fasterxml.jackson.databind.JsonNode;
import io.coffer.cas.client.AttestAnswer;
import io.coffer.cas.provision.VerifiedEar;
import io.coffer.cli.cas.Printable;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The lines {@code coffer attest request} prints for an admitted workload: who it was admitted as,
 * its certificate, and its configuration without file contents or volume keys. Every value the
 * configuration holds goes through {@link Printable}, so a policy cannot write to the terminal.
 */
final class AdmissionReport {

  private AdmissionReport() {}

  /**
   * The report.
   *
   * @param answer the CAS's answer
   * @param opened the configuration
   * @param showSecrets whether to show secret values rather than their placeholders
   * @param token the verified attestation result token
   */
  static List<String> lines(
      AttestAnswer answer, OpenedConfiguration opened, boolean showSecrets, VerifiedEar token) {
    JsonNode configuration = opened.shown(showSecrets);
    JsonNode files = opened.withSecrets().path("files");
    List<String> out = new ArrayList<>();
    X509Certificate leaf = answer.certificateChain().get(0);
    out.add("admitted as service " + answer.service() + " of policy " + answer.policy());
    out.add("policy:       " + answer.policy());
    out.add("policy hash:  " + answer.policyHash());
    out.add("service:      " + answer.service());
    out.add("spiffe id:    " + text(configuration.at("/tls/spiffe_id")));
    out.add(
        "certificate:  serial "
            + leaf.getSerialNumber().toString(16)
            + ", expires "
            + answer.expiresAt());
    List<String> args = new ArrayList<>();
    configuration.path("command").forEach(a -> args.add(text(a)));
    out.add("command:      " + String.join(" ", args));
    out.add(
        "pwd:          "
            + (configuration.path("pwd").isTextual() ? text(configuration.get("pwd")) : "(none)"));
    out.add("environment:" + (configuration.path("environment").isEmpty() ? "  (none)" : ""));
    for (Map.Entry<String, JsonNode> e : configuration.path("environment").properties()) {
      out.add("  " + Printable.line(e.getKey()) + "=" + text(e.getValue()));
    }
    out.add("files:" + (configuration.path("files").isEmpty() ? "        (none)" : ""));
    for (int i = 0; i < configuration.path("files").size(); i++) {
      JsonNode f = configuration.path("files").get(i);
      // The size of the content received, not of its placeholder.
      int size = files.path(i).path("content").asText("").getBytes(StandardCharsets.UTF_8).length;
      out.add(
          "  "
              + text(f.path("path"))
              + "  mode "
              + String.format("%04o", f.path("mode").asInt())
              + "  "
              + size
              + " bytes");
    }
    out.add("volumes:" + (configuration.path("volumes").isEmpty() ? "      (none)" : ""));
    for (JsonNode v : configuration.path("volumes")) {
      out.add(
          "  "
              + text(v.path("name"))
              + "  "
              + text(v.path("path"))
              + "  "
              + (v.path("read_only").asBoolean(true) ? "ro" : "rw")
              + "  tag "
              + (v.path("tag").isTextual() ? text(v.get("tag")) : "(none)")
              + "  generation "
              + v.path("generation").asLong());
    }
    out.add(
        "attestation result token: "
            + token.status().json()
            + " (verified with the CAS's verify-key, for this key; expires "
            + token.expiresAt()
            + ")");
    return out;
  }

  private static String text(JsonNode node) {
    return Printable.line(node.isValueNode() ? node.asText() : node.toString());
  }
}
