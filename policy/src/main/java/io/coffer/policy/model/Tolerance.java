package io.coffer.policy.model;

import java.util.Optional;

/**
 * A weakness a policy may accept ({@code security.tolerate} in YAML). A policy tolerates none by
 * default.
 */
public enum Tolerance {
  /** Simulated evidence: no TEE protects the service at all. */
  SIMULATION("simulation"),
  /** A TEE in debug mode, whose memory the host can read. */
  DEBUG("debug"),
  /** A TCB that is out of date, including a TDX trust domain that should be relaunched. */
  OUTDATED_TCB("outdated-tcb"),
  /** A TCB that is up to date but needs software hardening against advisories. */
  SW_HARDENING_NEEDED("sw-hardening-needed"),
  /** A TCB whose platform configuration needs changes against advisories. */
  CONFIGURATION_NEEDED("configuration-needed");

  private final String yamlName;

  Tolerance(String yamlName) {
    this.yamlName = yamlName;
  }

  /** The name in YAML ({@code outdated-tcb}, ...). */
  public String yamlName() {
    return yamlName;
  }

  /** The tolerance YAML calls {@code name} (exact, case-sensitive), if there is one. */
  public static Optional<Tolerance> fromYamlName(String name) {
    for (Tolerance t : values()) {
      if (t.yamlName.equals(name)) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    return yamlName;
  }
}
