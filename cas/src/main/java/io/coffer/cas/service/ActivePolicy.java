package io.coffer.cas.service;

import io.coffer.policy.model.Policy;
import java.util.Objects;

/**
 * One version of a policy as the CAS holds it: opened, checked against its row's hash, parsed.
 *
 * @param policy the policy
 * @param hash its policy hash (lower-case hex)
 * @param version its version number, from 1
 */
public record ActivePolicy(Policy policy, String hash, int version) {

  public ActivePolicy {
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(hash, "hash");
    if (version < 1) {
      throw new IllegalArgumentException("a policy version is at least 1, got " + version);
    }
  }

  /** The policy's name. */
  public String name() {
    return policy.name().value();
  }
}
