package io.coffer.cas.governance;

import io.coffer.cas.service.CasException;
import io.coffer.cas.service.CasException.Type;
import io.coffer.policy.PolicyException;
import io.coffer.policy.canonical.PolicyHash;
import io.coffer.policy.model.Policy;
import io.coffer.policy.parse.PolicyParser;
import java.util.Objects;

/**
 * A policy parsed and validated, with its hash and the text readers see.
 *
 * @param policy the policy
 * @param hash its policy hash
 * @param text its canonical text, with every secret value replaced by its SHA-256
 * @param yaml the exact bytes it was parsed from
 */
record ParsedPolicy(Policy policy, String hash, String text, byte[] yaml) {

  /** The file name problems name. */
  static final String FILE = "policy.yaml";

  /** The largest policy accepted, as the policy language bounds it. */
  static final int MAX_POLICY_BYTES = 1 << 20;

  ParsedPolicy {
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(hash, "hash");
    Objects.requireNonNull(text, "text");
    yaml = yaml.clone();
  }

  @Override
  public byte[] yaml() {
    return yaml.clone();
  }

  /** The policy in {@code yaml}; {@code INVALID_POLICY} with every problem. */
  static ParsedPolicy parse(byte[] yaml) throws CasException {
    if (yaml.length > MAX_POLICY_BYTES) {
      throw new CasException(
          Type.BAD_REQUEST, "a policy has at most " + MAX_POLICY_BYTES + " bytes");
    }
    Policy policy;
    try {
      policy = PolicyParser.parse(FILE, yaml);
    } catch (PolicyException e) {
      throw new CasException(Type.INVALID_POLICY, e.getMessage(), e.problems(), e);
    }
    return new ParsedPolicy(policy, PolicyHash.of(policy), PolicyHash.canonicalText(policy), yaml);
  }

  /** Whether {@code other} are exactly the bytes this policy was parsed from. */
  boolean sameYaml(byte[] other) {
    return java.util.Arrays.equals(yaml, other);
  }

  /** The policy's name. */
  String name() {
    return policy.name().value();
  }
}
