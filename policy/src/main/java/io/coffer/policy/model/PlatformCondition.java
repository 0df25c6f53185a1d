package io.coffer.policy.model;

import io.coffer.attestation.Platform;

/**
 * One alternative of a service identity: conditions on the claims of one platform, all of which
 * must hold (AND). Every alternative names at least one condition that identifies code or its
 * signer (see each record), so that no alternative admits any code.
 */
public sealed interface PlatformCondition
    permits SgxCondition, TdxCondition, SnpCondition, SimulationCondition {

  /** The platform whose claims this alternative is about. */
  Platform platform();

  /** The alternative's key in YAML: {@code sgx}, {@code tdx}, {@code snp} or {@code simulation}. */
  String yamlName();
}
