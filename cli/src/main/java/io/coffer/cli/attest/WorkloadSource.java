package io.coffer.cli.attest;

import io.coffer.attestation.collect.EvidenceSource;
import io.coffer.attestation.collect.EvidenceSources;
import io.coffer.attestation.collect.SimulationSource;
import io.coffer.attestation.simulation.Measurement;
import io.coffer.attestation.simulation.SimulatedPlatform;
import io.coffer.cli.command.CommandException;
import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where {@code coffer attest request} and {@code coffer run} get their evidence: the TEE {@code
 * --tee} names, or for {@code auto} this machine's TEE when there is one and the simulated platform
 * otherwise.
 *
 * <p>Unlike {@code coffer attest collect}, {@code auto} falls back to simulation: the command is
 * for debugging a policy, and a CAS admits simulated evidence only when the policy tolerates it.
 * The simulated platform's key is loaded, never created: a new key would make evidence no CAS
 * trusts.
 *
 * @param interfaces where this machine's TEE interfaces are
 * @param tee the choice on the command line
 * @param measured what simulated evidence measures; must be empty for a hardware TEE
 * @param simulationKey the simulated platform's key file
 * @param clock dates simulated evidence
 */
public record WorkloadSource(
    TeeInterfaces interfaces, TeeChoice tee, List<Path> measured, Path simulationKey, Clock clock) {

  public WorkloadSource {
    Objects.requireNonNull(interfaces, "interfaces");
    Objects.requireNonNull(tee, "tee");
    measured = List.copyOf(measured);
    Objects.requireNonNull(simulationKey, "simulationKey");
    Objects.requireNonNull(clock, "clock");
  }

  /**
   * The source: a hardware TEE checked to be there, or the simulated platform.
   *
   * @throws CommandException exit 69 when the TEE named is not on this machine; exit 2 when {@code
   *     --measure} is missing for simulation or given for hardware, or the key or a measured path
   *     cannot be read
   */
  public EvidenceSource select() {
    return switch (tee) {
      case AUTO -> {
        Optional<EvidenceSource> hardware = EvidenceSources.detect(interfaces.inDetectionOrder());
        yield hardware.isPresent() ? hardware(hardware.get()) : simulated();
      }
      case TDX, SNP -> hardware(available(interfaces.configfsTsm()));
      case SGX_GRAMINE -> hardware(available(interfaces.gramine()));
      case SIMULATION -> simulated();
    };
  }

  private EvidenceSource available(EvidenceSource source) {
    if (!source.available()) {
      throw CommandException.unavailable(
          "--tee " + tee.cliName() + " needs " + source.name() + ", which this machine lacks");
    }
    return source;
  }

  private EvidenceSource hardware(EvidenceSource source) {
    if (!measured.isEmpty()) {
      throw CommandException.usage(
          "--measure is only for simulation; " + source.name() + " measures the workload itself");
    }
    return source;
  }

  private EvidenceSource simulated() {
    if (measured.isEmpty()) {
      throw CommandException.usage(
          (tee == TeeChoice.AUTO
                  ? "no TEE on this machine (neither " + interfaces.describe() + ")"
                  : "--tee simulation")
              + ": simulated evidence needs at least one --measure PATH");
    }
    byte[] measurement;
    try {
      measurement = Measurement.of(measured);
    } catch (IOException e) {
      throw CommandException.badInput("--measure: cannot read: " + e.getMessage(), e);
    } catch (IllegalArgumentException e) {
      throw CommandException.usage("--measure: " + e.getMessage());
    }
    SimulatedPlatform platform;
    try {
      platform = SimulatedPlatform.load(simulationKey);
    } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
      throw CommandException.badInput(
          simulationKey
              + ": cannot load the simulated platform's key (the one the CAS trusts, made by"
              + " coffer cas serve): "
              + e.getMessage(),
          e);
    }
    return new SimulationSource(platform, measurement, clock);
  }
}
