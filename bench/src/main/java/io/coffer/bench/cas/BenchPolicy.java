package io.coffer.bench.cas;

import io.coffer.policy.PolicyException;
import io.coffer.policy.canonical.PolicyHash;
import io.coffer.policy.governance.ApprovalMessage;
import io.coffer.policy.parse.PolicyParser;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * A version of a benchmark policy: its YAML text (name, language version, predecessor, the
 * stakeholders' access rules and, for the attest mix, its services, secrets and volumes) and its
 * hash, computed here as {@code coffer policy hash} does, so that a client can sign an approval and
 * chain the next version without asking the CAS.
 *
 * @param name the policy's name
 * @param yaml the text sent to the CAS
 * @param hash the policy hash of that text
 * @param predecessor the hash of the version it replaces; empty for a new policy
 */
record BenchPolicy(String name, byte[] yaml, String hash, Optional<String> predecessor) {

  BenchPolicy {
    yaml = yaml.clone();
  }

  @Override
  public byte[] yaml() {
    return yaml.clone();
  }

  /** The first version of {@code name}. */
  static BenchPolicy first(String name, Stakeholders stakeholders) {
    return of(name, Optional.empty(), stakeholders, "");
  }

  /**
   * The first version of {@code name} with {@code body} (YAML sections after {@code access}, such
   * as {@code services}, {@code secrets}) added.
   */
  static BenchPolicy first(String name, Stakeholders stakeholders, String body) {
    return of(name, Optional.empty(), stakeholders, body);
  }

  /** The version that replaces the one whose hash is {@code predecessor}. */
  static BenchPolicy next(String name, String predecessor, Stakeholders stakeholders) {
    return of(name, Optional.of(predecessor), stakeholders, "");
  }

  private static BenchPolicy of(
      String name, Optional<String> predecessor, Stakeholders stakeholders, String body) {
    StringBuilder b = new StringBuilder();
    b.append("name: ").append(name).append("\nversion: 1\n");
    predecessor.ifPresent(p -> b.append("predecessor: \"").append(p).append("\"\n"));
    b.append(stakeholders.accessYaml());
    b.append(body);
    byte[] yaml = b.toString().getBytes(StandardCharsets.UTF_8);
    try {
      return new BenchPolicy(
          name, yaml, PolicyHash.of(PolicyParser.parse(name + ".yaml", yaml)), predecessor);
    } catch (PolicyException e) {
      throw new IllegalStateException("the harness wrote an invalid policy: " + e.getMessage(), e);
    }
  }

  /** What an approver of this version signs. */
  ApprovalMessage approvalMessage() {
    return new ApprovalMessage(name, hash, predecessor);
  }
}
