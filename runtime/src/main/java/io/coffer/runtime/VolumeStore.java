package io.coffer.runtime;

import io.coffer.fsshield.FsShield;
import io.coffer.fsshield.FsShieldException;
import io.coffer.fsshield.SealOptions;
import io.coffer.fsshield.ShieldedTree;
import io.coffer.fsshield.Tag;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the sealed versions of volumes are kept: volume {@code v} of owner policy {@code p} as
 * protected trees {@code ROOT/p/v/<tag hex>/}. The store is untrusted: it may lose, replay or roll
 * back versions; the CAS's tag says which version is current, and {@link #openCurrent} refuses
 * anything else.
 */
final class VolumeStore {

  private static final SecureRandom RANDOM = new SecureRandom();

  private final Path root;

  VolumeStore(Path root) {
    this.root = Objects.requireNonNull(root, "root").toAbsolutePath().normalize();
  }

  /** The store's directory. */
  Path root() {
    return root;
  }

  /** The directory of one volume's versions. */
  Path versions(RunConfiguration.VolumeMount v) {
    Path p = root;
    for (String segment : v.ownerPolicy().split("/", -1)) {
      p = p.resolve(segment);
    }
    return p.resolve(v.ownerVolume());
  }

  /** Where the version with {@code tag} is. */
  Path version(RunConfiguration.VolumeMount v, Tag tag) {
    return versions(v).resolve(tag.hex());
  }

  /**
   * The current version of {@code v}, opened against its key and the CAS's tag; empty when the
   * volume was never written.
   *
   * @throws RunException {@link RunException.Reason#VOLUME_ROLLBACK} when there is no sealed copy
   *     with the current tag (or the copy under that name is another version); {@link
   *     RunException.Reason#VOLUME_REFUSED} when it does not open
   */
  Optional<ShieldedTree> openCurrent(RunConfiguration.VolumeMount v) throws RunException {
    if (v.tag().isEmpty()) {
      return Optional.empty();
    }
    Tag tag = v.tag().get();
    Path dir = version(v, tag);
    if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
      throw rollback(v, tag, dir, "no sealed copy there");
    }
    try {
      return Optional.of(FsShield.open(dir, v.key(), tag));
    } catch (FsShieldException e) {
      if (e.reason() == FsShieldException.Reason.TAG_MISMATCH) {
        throw rollback(v, tag, dir, "the copy there is another version");
      }
      throw new RunException(
          RunException.Reason.VOLUME_REFUSED,
          "volume "
              + v.name()
              + ": its sealed copy "
              + dir
              + " is refused: "
              + e.reason()
              + ": "
              + e.getMessage()
              + "; not starting",
          e);
    }
  }

  private static RunException rollback(
      RunConfiguration.VolumeMount v, Tag tag, Path dir, String what) {
    return new RunException(
        RunException.Reason.VOLUME_ROLLBACK,
        "no sealed copy of volume "
            + v.name()
            + " with the current tag "
            + tag.hex()
            + " (generation "
            + v.generation()
            + ") at "
            + dir
            + " ("
            + what
            + "): an older copy or none; not starting");
  }

  /**
   * Seals {@code mount} as a new version of {@code v}: written beside the others under a temporary
   * name, then renamed to its tag. It is not current until the CAS takes its tag.
   *
   * @return the new version's tag
   * @throws FsShieldException when the tree cannot be sealed
   * @throws IOException when the store cannot be written
   */
  Tag sealNew(RunConfiguration.VolumeMount v, Path mount) throws FsShieldException, IOException {
    Path dir = versions(v);
    Files.createDirectories(dir);
    byte[] r = new byte[12];
    RANDOM.nextBytes(r);
    Path temporary = dir.resolve("." + HexFormat.of().formatHex(r) + ".sealing");
    Tag tag = FsShield.seal(mount, temporary, v.key(), SealOptions.defaults()).tag();
    Path target = version(v, tag);
    try {
      try {
        Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temporary, target);
      }
    } catch (IOException e) {
      deleteTree(temporary);
      throw e;
    }
    return tag;
  }

  /** Deletes the version with {@code tag}: a superseded one, or one the CAS did not take. */
  void delete(RunConfiguration.VolumeMount v, Tag tag) throws IOException {
    deleteTree(version(v, tag));
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    Files.walkFileTree(
        dir,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
              throws IOException {
            Files.delete(file);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
            if (e != null) {
              throw e;
            }
            Files.delete(d);
            return FileVisitResult.CONTINUE;
          }
        });
  }
}
