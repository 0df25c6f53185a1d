package io.coffer.cli.attest;

import io.coffer.attestation.collect.EvidenceSource;
import io.coffer.cli.cas.CasContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * {@code --tee}, {@code --measure} and {@code --simulation-key}: where a workload command ({@code
 * coffer attest request}, {@code coffer run}) gets its evidence ({@link WorkloadSource}).
 */
public final class EvidenceOptions {

  @Option(
      names = "--tee",
      paramLabel = "TEE",
      converter = TeeChoice.Converter.class,
      completionCandidates = TeeChoice.Names.class,
      description =
          "${COMPLETION-CANDIDATES} (default: auto: configfs-tsm, then Gramine, else simulation,"
              + " said on stderr).")
  private TeeChoice tee = TeeChoice.AUTO;

  @Option(
      names = "--measure",
      paramLabel = "PATH",
      description =
          "A file or directory the simulated evidence measures (repeatable; needed for, and only"
              + " for, simulation).")
  private List<Path> measure = new ArrayList<>();

  @Option(
      names = "--simulation-key",
      paramLabel = "FILE",
      description =
          "The simulated platform's key (default: $COFFER_HOME/simulation/platform.pem, the key"
              + " coffer cas serve makes and trusts).")
  private Path simulationKey;

  /** The evidence source the options choose, on this machine's TEE interfaces. */
  public EvidenceSource select(TeeInterfaces interfaces, CasContext context) {
    return new WorkloadSource(
            interfaces,
            tee,
            measure,
            simulationKey != null ? simulationKey : context.home().simulatedPlatformKey(),
            context.clock())
        .select();
  }

  /** Whether {@code --tee auto} chose (so the command says which source it took). */
  public boolean auto() {
    return tee == TeeChoice.AUTO;
  }
}
