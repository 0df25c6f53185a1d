package io.coffer.attestation.collect;

import java.util.List;
import java.util.Optional;

/** Picks the evidence source of this machine: configfs-tsm, then Gramine, then nothing. */
public final class EvidenceSources {

  private EvidenceSources() {}

  /** The hardware sources, in detection order, at the standard locations. */
  public static List<EvidenceSource> hardware() {
    return List.of(
        new ConfigfsTsmSource(ConfigfsTsmSource.DEFAULT_ROOT),
        new GramineSource(GramineSource.DEFAULT_ROOT));
  }

  /**
   * The first available of {@code candidates}, in order. Empty means no TEE here: the caller
   * decides whether simulation is acceptable, and says so loudly if it is.
   */
  public static Optional<EvidenceSource> detect(List<EvidenceSource> candidates) {
    return candidates.stream().filter(EvidenceSource::available).findFirst();
  }
}
