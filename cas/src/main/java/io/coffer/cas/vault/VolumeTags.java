package io.coffer.cas.vault;

import io.coffer.cas.events.EventCodec;
import io.coffer.cas.events.VolumeTagUpdated;
import io.coffer.cas.seal.Barrier;
import io.coffer.cas.seal.BarrierException;
import io.coffer.cas.seal.RowId;
import io.coffer.cas.service.CasException;
import io.coffer.cas.service.CasException.Type;
import io.coffer.cas.store.CasStore;
import io.coffer.cas.store.ReadTransaction;
import io.coffer.cas.store.VolumeTagRow;
import java.nio.charset.StandardCharsets;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The current tag of each volume: the hash that names the latest sealed state of its files. A
 * workload learns it when it is admitted and reports the new one when it has written the volume;
 * the update is a compare-and-set on the tag it started from, so a writer that started from an
 * older state (a stale copy, a concurrent writer that lost) is refused. Every update is a {@code
 * volume.tag.updated} ledger entry in the same transaction.
 *
 * <p>Tags are stored as barrier ciphertexts bound to the volume and the update's generation: a
 * store can hand back an older row, but not make up a tag.
 */
public final class VolumeTags {

  static final String TABLE = "cas_volume_tags";

  private static final Pattern TAG = Pattern.compile("[0-9a-f]{64}");

  private final CasStore store;
  private final Barrier barrier;
  private final InstantSource clock;

  public VolumeTags(CasStore store, Barrier barrier, InstantSource clock) {
    this.store = Objects.requireNonNull(store, "store");
    this.barrier = Objects.requireNonNull(barrier, "barrier");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Whether {@code text} has the form of a tag: 64 lower-case hex characters. */
  public static boolean isTag(String text) {
    return TAG.matcher(text).matches();
  }

  /** The current tag of a volume; empty before its first update. */
  public Optional<Tag> current(String policy, String volume) throws CasException {
    return store.read(tx -> read(tx, policy, volume));
  }

  /**
   * Moves the tag of a volume from {@code expected} (empty: the volume has no tag yet) to {@code
   * newTag}, and records it.
   *
   * @throws CasException {@code STALE_TAG} when the current tag is not {@code expected}; {@code
   *     BAD_REQUEST} for a tag of the wrong form
   */
  public Tag update(
      String policy,
      String volume,
      Optional<String> expected,
      String newTag,
      String service,
      String certificateSerial)
      throws CasException {
    if (!isTag(newTag) || (expected.isPresent() && !isTag(expected.get()))) {
      throw new CasException(Type.BAD_REQUEST, "a tag is 64 lower-case hex characters");
    }
    return store.write(tx -> {
      Optional<Tag> now = read(tx, policy, volume);
      Optional<String> current = now.map(Tag::hex);
      if (!current.equals(expected)) {
        throw new CasException(
            Type.STALE_TAG,
            "the tag of volume "
                + volume
                + " is not the one this writer started from"
                + (now.isPresent() ? " (generation " + now.get().generation() + ")" : "")
                + ": it was changed since, or this copy is older");
      }
      long generation = now.map(Tag::generation).orElse(0L);
      long next = generation + 1;
      tx.setVolumeTag(
          policy,
          volume,
          generation,
          barrier.encrypt(rowId(policy, volume, next), newTag.getBytes(StandardCharsets.US_ASCII)),
          clock.instant().truncatedTo(ChronoUnit.MILLIS));
      tx.appendEvent(
          EventCodec.encode(
              new VolumeTagUpdated(
                  clock.instant(),
                  policy,
                  volume,
                  service,
                  current,
                  newTag,
                  next,
                  certificateSerial)));
      return new Tag(newTag, next);
    });
  }

  private Optional<Tag> read(ReadTransaction tx, String policy, String volume) throws CasException {
    Optional<VolumeTagRow> row = tx.volumeTag(policy, volume);
    if (row.isEmpty()) {
      return Optional.empty();
    }
    VolumeTagRow r = row.get();
    byte[] plain;
    try {
      plain = barrier.decrypt(rowId(policy, volume, r.generation()), r.tag());
    } catch (BarrierException e) {
      throw new CasException(
          Type.INTERNAL,
          "the stored tag of volume " + volume + " of " + policy + " does not open",
          e);
    }
    String hex = new String(plain, StandardCharsets.US_ASCII);
    if (!isTag(hex) || !r.policy().equals(policy) || !r.volume().equals(volume)) {
      throw new CasException(Type.INTERNAL, "the stored tag of volume " + volume + " is malformed");
    }
    return Optional.of(new Tag(hex, r.generation()));
  }

  private static RowId rowId(String policy, String volume, long generation) {
    return new RowId(TABLE, policy + "/" + volume, generation);
  }

  /**
   * A volume's tag.
   *
   * @param hex the tag
   * @param generation how many updates made it, from 1
   */
  public record Tag(String hex, long generation) {
    public Tag {
      Objects.requireNonNull(hex, "hex");
      if (generation < 1) {
        throw new IllegalArgumentException("a tag's generation is at least 1");
      }
    }
  }
}
