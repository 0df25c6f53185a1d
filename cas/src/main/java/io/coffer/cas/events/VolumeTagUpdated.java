package io.coffer.cas.events;

import java.time.Instant;
import java.util.Optional;

/**
 * {@code volume.tag.updated}: an attested instance moved a volume's tag forward by compare-and-set,
 * so that a writer holding an older tag is refused from now on (rollback protection).
 *
 * <p>Members: {@code policy} (name), {@code volume}, {@code service} (the writer's service, which
 * mounts the volume read-write), {@code old_tag} (the tag replaced; absent for the volume's first
 * tag), {@code new_tag} (tags are 64 lower-case hex digits), {@code generation} (1 for the first
 * tag, one more with each update), {@code certificate_serial} (the writer's certificate).
 */
public record VolumeTagUpdated(
    Instant time,
    String policy,
    String volume,
    String service,
    Optional<String> oldTag,
    String newTag,
    long generation,
    String certificateSerial)
    implements CasEvent {

  /**
   * @throws IllegalArgumentException naming the member that is ill-formed
   */
  public VolumeTagUpdated {
    time = EventValues.time(time, "time");
    EventValues.name(policy, "policy");
    EventValues.localName(volume, "volume");
    EventValues.localName(service, "service");
    EventValues.optional(oldTag, "old_tag", t -> EventValues.hash(t, "old_tag"));
    EventValues.hash(newTag, "new_tag");
    if (generation < 1 || generation > EventValues.MAX_INTEGER) {
      throw new IllegalArgumentException("generation: 1.." + EventValues.MAX_INTEGER);
    }
    if (oldTag.isEmpty() != (generation == 1)) {
      throw new IllegalArgumentException(
          "old_tag: absent exactly for the first tag (generation 1)");
    }
    EventValues.certificateSerial(certificateSerial, "certificate_serial");
  }

  @Override
  public EventType type() {
    return EventType.VOLUME_TAG_UPDATED;
  }
}
