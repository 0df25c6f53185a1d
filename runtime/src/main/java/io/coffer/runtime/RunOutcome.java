package io.coffer.runtime;

import java.util.List;

/**
 * How a run ended: the program's exit status (128 + n when a signal n killed it) and what became of
 * each read-write volume.
 *
 * @param exitStatus the program's exit status
 * @param volumes one entry per read-write volume, in the policy's order
 */
public record RunOutcome(int exitStatus, List<VolumeSave> volumes) {

  public RunOutcome {
    volumes = List.copyOf(volumes);
  }

  /** Whether every read-write volume was saved. */
  public boolean allVolumesSaved() {
    return volumes.stream().allMatch(VolumeSave::saved);
  }
}
