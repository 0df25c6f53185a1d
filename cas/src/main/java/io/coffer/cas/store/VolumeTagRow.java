package io.coffer.cas.store;

import java.time.Instant;
import java.util.Objects;

/**
 * The current tag of a policy's volume: what the volume's last writer reported, which the next
 * reader expects (rollback protection of the volume).
 *
 * @param policy the policy's name
 * @param volume the volume's name in the policy
 * @param generation how many times the tag was set, from 1: the value a writer names to replace it
 * @param tag the barrier's ciphertext of the tag, bound by the caller to this row's identity;
 *     opaque to the store
 * @param updatedAt when the tag was last set
 */
public record VolumeTagRow(
    String policy, String volume, long generation, byte[] tag, Instant updatedAt) {

  public VolumeTagRow {
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(volume, "volume");
    Objects.requireNonNull(updatedAt, "updatedAt");
    if (policy.isEmpty() || volume.isEmpty()) {
      throw new IllegalArgumentException("a volume tag row needs a policy and a volume");
    }
    if (generation < 1) {
      throw new IllegalArgumentException("a tag's generation is >= 1, not " + generation);
    }
    tag = tag.clone();
  }

  @Override
  public byte[] tag() {
    return tag.clone();
  }

  /** Names the row, never its tag. */
  @Override
  public String toString() {
    return "VolumeTagRow[" + policy + "/" + volume + ", generation " + generation + "]";
  }
}
