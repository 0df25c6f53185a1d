package io.coffer.policy.model;

import io.coffer.attestation.Platform;
import java.util.Objects;

/**
 * A simulation alternative ({@code simulation:} in YAML), compared with the simulated evidence's
 * {@code measurement} claim. Simulated evidence proves nothing about confidentiality: it is
 * admitted only when the policy's security section tolerates {@code simulation}.
 *
 * @param measurement the required measurement (SHA-256 of the measured tree)
 */
public record SimulationCondition(Bytes32 measurement) implements PlatformCondition {

  public SimulationCondition {
    Objects.requireNonNull(measurement, "measurement");
  }

  @Override
  public Platform platform() {
    return Platform.SIMULATION;
  }

  @Override
  public String yamlName() {
    return "simulation";
  }
}
