package io.coffer.cli.attest;

import io.coffer.attestation.AttestationException;
import io.coffer.attestation.Evidence;
import io.coffer.attestation.EvidenceType;
import io.coffer.attestation.collect.EvidenceSource;
import io.coffer.attestation.collect.EvidenceSources;
import io.coffer.attestation.collect.SimulationSource;
import io.coffer.attestation.simulation.Measurement;
import io.coffer.attestation.simulation.SimulatedPlatform;
import io.coffer.cli.command.CommandException;
import io.coffer.cli.command.ExitCode;
import io.coffer.cli.command.JsonOption;
import io.coffer.cli.command.JsonOutput;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code coffer attest collect}: asks this machine's TEE for evidence that binds the given report
 * data, and writes it to a file.
 *
 * <p>{@code --tee auto} tries configfs-tsm, then Gramine; on a machine without a TEE it falls back
 * to the local simulated platform and says so loudly on stderr, because simulated evidence proves
 * nothing about confidentiality. An explicit {@code --tee} never falls back.
 */
@Command(
    name = "collect",
    mixinStandardHelpOptions = true,
    description = {
      "Collect evidence from this machine's TEE, binding up to 64 bytes of report data (a nonce,"
          + " or the hash of a public key), and write it to a file.",
      "Exit 0 when written; 2 for bad options or an unwritable file; 69 when the TEE asked for is"
          + " not on this machine or fails."
    })
final class CollectCommand implements Callable<Integer> {

  /** What {@code --tee auto} prints on stderr when it falls back to simulation. */
  static final String NO_TEE_WARNING =
      "WARNING: no TEE found; this evidence is SIMULATED and proves nothing about confidentiality";

  private final TeeInterfaces interfaces;
  private final Supplier<CofferHome> home;
  private final Clock clock;

  @Spec private CommandSpec spec;

  @Mixin private JsonOption json;

  @Option(
      names = "--report-data",
      required = true,
      paramLabel = "HEX",
      converter = ReportData.Converter.class,
      description =
          "Up to 64 bytes as hex, zero-padded on the right to the 64 bytes every platform's"
              + " report-data field holds.")
  private ReportData reportData;

  @Option(
      names = "--tee",
      paramLabel = "TEE",
      converter = TeeChoice.Converter.class,
      completionCandidates = TeeChoice.Names.class,
      description =
          "${COMPLETION-CANDIDATES} (default: auto: configfs-tsm, then Gramine, else simulation"
              + " with a warning).")
  private TeeChoice tee = TeeChoice.AUTO;

  @Option(
      names = "--measure",
      paramLabel = "PATH",
      description =
          "A file or directory the simulated evidence measures (repeatable; needed for"
              + " simulation, unused by a real TEE, which measures the workload itself).")
  private List<Path> measure = new ArrayList<>();

  @Option(
      names = "--out",
      required = true,
      paramLabel = "FILE",
      description = "Where to write the evidence (replaced atomically).")
  private Path out;

  /** Collects from this machine's interfaces, with the process's {@link CofferHome}. */
  CollectCommand() {
    this(TeeInterfaces.standard(), CofferHome::locate, Clock.systemUTC());
  }

  /** Collects from the given interfaces and home; the clock dates simulated evidence. */
  CollectCommand(TeeInterfaces interfaces, Supplier<CofferHome> home, Clock clock) {
    this.interfaces = interfaces;
    this.home = home;
    this.clock = clock;
  }

  @Override
  public Integer call() {
    if (!measure.isEmpty() && tee != TeeChoice.AUTO && tee != TeeChoice.SIMULATION) {
      throw CommandException.usage(
          "--measure is for simulated evidence; the TEE of --tee "
              + tee.cliName()
              + " measures the workload itself");
    }
    Collected collected =
        switch (tee) {
          case AUTO -> detected();
          case TDX, SNP -> fromHardware(interfaces.configfsTsm());
          case SGX_GRAMINE -> fromHardware(interfaces.gramine());
          case SIMULATION -> simulated();
        };
    EvidenceFile.writeAtomically(out, collected.evidence());
    return print(collected);
  }

  private Collected detected() {
    Optional<EvidenceSource> hardware = EvidenceSources.detect(interfaces.inDetectionOrder());
    if (hardware.isPresent()) {
      return collect(hardware.get());
    }
    if (measure.isEmpty()) {
      throw CommandException.usage(
          "no TEE found on this machine (configfs-tsm, Gramine); simulated evidence instead needs"
              + " --measure PATH");
    }
    PrintWriter err = spec.commandLine().getErr();
    err.println(NO_TEE_WARNING);
    err.flush();
    return simulated();
  }

  private Collected fromHardware(EvidenceSource source) {
    if (!source.available()) {
      throw CommandException.unavailable(
          "--tee " + tee.cliName() + " needs " + source.name() + ", which this machine lacks");
    }
    Collected collected = collect(source);
    EvidenceType expected = tee.expected().orElseThrow();
    if (collected.evidence().type() != expected) {
      throw CommandException.unavailable(
          "--tee "
              + tee.cliName()
              + ": this machine's "
              + source.name()
              + " gives "
              + collected.evidence().type().cliName()
              + " evidence, not "
              + expected.cliName());
    }
    return collected;
  }

  private Collected simulated() {
    if (measure.isEmpty()) {
      throw CommandException.usage("--tee simulation needs at least one --measure PATH");
    }
    byte[] measurement;
    try {
      measurement = Measurement.of(measure);
    } catch (IOException e) {
      throw CommandException.badInput("--measure: cannot read: " + e.getMessage(), e);
    } catch (IllegalArgumentException e) {
      throw CommandException.usage("--measure: " + e.getMessage());
    }
    Path keyFile = home.get().simulatedPlatformKey();
    SimulatedPlatform platform;
    try {
      platform = SimulatedPlatform.loadOrCreate(keyFile);
    } catch (IOException | GeneralSecurityException e) {
      throw CommandException.badInput(
          keyFile + ": cannot load or create the simulated platform's key: " + e.getMessage(), e);
    }
    Collected collected = collect(new SimulationSource(platform, measurement, clock));
    return new Collected(collected.source(), collected.evidence(), Optional.of(measurement));
  }

  private Collected collect(EvidenceSource source) {
    try {
      return new Collected(source.name(), source.collect(reportData.bytes()), Optional.empty());
    } catch (AttestationException e) {
      throw CommandException.unavailable(
          source.name() + " did not give evidence: " + e.reason() + ": " + e.getMessage());
    }
  }

  private int print(Collected collected) {
    Evidence evidence = collected.evidence();
    PrintWriter stdout = spec.commandLine().getOut();
    if (json.enabled()) {
      Map<String, Object> doc = new LinkedHashMap<>();
      doc.put("evidenceType", evidence.type().cliName());
      doc.put("sizeBytes", evidence.bytes().length);
      doc.put("source", collected.source());
      doc.put("simulated", evidence.type() == EvidenceType.SIMULATION);
      doc.put("reportData", reportData.hex());
      collected.measurement().ifPresent(m -> doc.put("measurement", HexFormat.of().formatHex(m)));
      doc.put("out", out.toString());
      JsonOutput.write(stdout, doc);
    } else {
      stdout.println(
          evidence.type().cliName()
              + " evidence, "
              + evidence.bytes().length
              + " bytes, from "
              + collected.source()
              + ", written to "
              + out);
      stdout.flush();
    }
    return ExitCode.OK;
  }

  /** Evidence and where it came from; the measurement when it is simulated. */
  private record Collected(String source, Evidence evidence, Optional<byte[]> measurement) {}
}
