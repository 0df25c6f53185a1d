package io.coffer.cli.attest;

import io.coffer.attestation.AttestationException;
import io.coffer.attestation.Evidence;
import io.coffer.attestation.EvidenceType;
import io.coffer.attestation.collect.EvidenceSource;
import io.coffer.attestation.collect.EvidenceSources;
import io.coffer.attestation.collect.SimulationSource;
import io.coffer.attestation.simulation.Measurement;
import io.coffer.attestation.simulation.SimulatedPlatform;
import io.coffer.cli.command.CofferHome;
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
 * <p>{@code --tee auto} tries configfs-tsm, then Gramine ({@link EvidenceSources#detect}); without
 * either it fails with exit 69 and never falls back to simulation, which is used only when asked
 * for by name ({@code --tee simulation}). The file is written only once the evidence is complete,
 * through a temporary file and an atomic rename.
 */
@Command(
    name = "collect",
    mixinStandardHelpOptions = true,
    description = {
      "Collect evidence from this machine's TEE, binding up to 64 bytes of report data (a nonce,"
          + " or the hash of a public key), and write it to a file.",
      "Exit 0 when written; 2 for bad options, unreadable --measure paths or an unwritable file;"
          + " 69 when there is no TEE (or not the one asked for) or it fails."
    })
final class CollectCommand implements Callable<Integer> {

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
          "1 to 64 bytes as hex, zero-padded on the right to the 64 bytes every platform's"
              + " report-data field holds.")
  private ReportData reportData;

  @Option(
      names = "--tee",
      paramLabel = "TEE",
      converter = TeeChoice.Converter.class,
      completionCandidates = TeeChoice.Names.class,
      description =
          "${COMPLETION-CANDIDATES} (default: auto: configfs-tsm, then Gramine; never"
              + " simulation, which must be named).")
  private TeeChoice tee = TeeChoice.AUTO;

  @Option(
      names = "--measure",
      paramLabel = "PATH",
      description =
          "A file or directory the simulated evidence measures (repeatable; required by, and only"
              + " for, --tee simulation: a real TEE measures the workload itself).")
  private List<Path> measure = new ArrayList<>();

  @Option(
      names = "--out",
      required = true,
      paramLabel = "FILE",
      description = "Where to write the evidence (replaced atomically; never left partial).")
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
    if (tee == TeeChoice.SIMULATION && measure.isEmpty()) {
      throw CommandException.usage("--tee simulation needs at least one --measure PATH");
    }
    if (tee != TeeChoice.SIMULATION && !measure.isEmpty()) {
      throw CommandException.usage(
          "--measure is only for --tee simulation; a TEE measures the workload itself");
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
    if (hardware.isEmpty()) {
      throw CommandException.unavailable(
          "no TEE available on this machine (neither "
              + interfaces.describe()
              + "); for development only, --tee simulation --measure PATH");
    }
    return collect(hardware.get());
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
      CofferHome.createPrivateDirectories(keyFile);
      platform = SimulatedPlatform.loadOrCreate(keyFile);
    } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
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
    boolean simulated = evidence.type() == EvidenceType.SIMULATION;
    if (simulated) {
      PrintWriter err = spec.commandLine().getErr();
      err.println(VerifyCommand.SIMULATED_WARNING);
      err.flush();
    }
    PrintWriter stdout = spec.commandLine().getOut();
    if (json.enabled()) {
      Map<String, Object> doc = new LinkedHashMap<>();
      doc.put("evidenceType", evidence.type().cliName());
      doc.put("sizeBytes", evidence.bytes().length);
      doc.put("source", collected.source());
      doc.put("simulated", simulated);
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
