package io.coffer.runtime;

import io.coffer.fsshield.Tag;
import java.util.Objects;
import java.util.Optional;

/**
 * What became of one read-write volume after the program exited.
 *
 * @param volume the volume's name in the service's policy
 * @param status saved, or why not
 * @param tag the new current tag when saved
 * @param detail a one-line explanation without secrets; empty when saved
 */
public record VolumeSave(String volume, Status status, Optional<Tag> tag, String detail) {

  /** Whether the new version became current. */
  public enum Status {
    /** Sealed, reported and current. */
    SAVED,
    /** Another writer moved the tag first; the previous version stays current at this store. */
    STALE_TAG,
    /** Sealing or reporting failed; the previous version stays current. */
    FAILED
  }

  public VolumeSave {
    Objects.requireNonNull(volume, "volume");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(tag, "tag");
    Objects.requireNonNull(detail, "detail");
    if ((status == Status.SAVED) != tag.isPresent()) {
      throw new IllegalArgumentException("a saved volume, and only a saved one, has a new tag");
    }
  }

  /** Whether it was saved. */
  public boolean saved() {
    return status == Status.SAVED;
  }
}
