package io.coffer.policy.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An export of a secret or volume to another policy.
 *
 * @param policy the importing policy
 * @param policyHash its hash, when the export is pinned to one version
 * @param services the importing policy's services that may use it (empty: all)
 */
public record Export(PolicyName policy, Optional<String> policyHash, List<String> services) {

  public Export {
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(policyHash, "policyHash");
    services = List.copyOf(services);
  }
}
