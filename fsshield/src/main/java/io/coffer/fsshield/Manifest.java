package io.coffer.fsshield;

import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * What a protected tree holds: its mode, its segment size and its entries, sorted by path. The
 * sealed manifest is this, in JSON, encrypted and authenticated ({@link ManifestBox}).
 *
 * @param mode how the files are protected
 * @param segmentSizeBytes the ciphertext segment size of encrypted files, the segment size of
 *     authenticated ones
 * @param entries every directory, file and symbolic link, sorted by path
 */
record Manifest(Mode mode, int segmentSizeBytes, List<Entry> entries) {

  /** Smallest segment. */
  public static final int MIN_SEGMENT_BYTES = 4096;

  /** Largest segment. */
  public static final int MAX_SEGMENT_BYTES = 8 << 20;

  public Manifest {
    Objects.requireNonNull(mode, "mode");
    if (segmentSizeBytes < MIN_SEGMENT_BYTES || segmentSizeBytes > MAX_SEGMENT_BYTES) {
      throw new IllegalArgumentException(
          "the segment size must be between "
              + MIN_SEGMENT_BYTES
              + " and "
              + MAX_SEGMENT_BYTES
              + " bytes, not "
              + segmentSizeBytes);
    }
    entries = List.copyOf(entries);
  }

  /** An entry of the tree. */
  public sealed interface Entry permits Directory, RegularFile, Symlink {
    /** Its path in the tree. */
    String path();
  }

  /**
   * A directory.
   *
   * @param path its path
   * @param permissions its permission bits, 0 to 0777
   */
  public record Directory(String path, int permissions) implements Entry {
    public Directory {
      Objects.requireNonNull(path, "path");
      checkPermissions(permissions);
    }
  }

  /**
   * A regular file.
   *
   * @param path its path
   * @param permissions its permission bits, 0 to 0777
   * @param size its plaintext size in bytes
   * @param id its random identity, which names its stored object and derives its key
   * @param digest SHA-256 of its stored object
   * @param segmentDigests in authenticated mode the SHA-256 of each segment, else empty
   */
  public record RegularFile(
      String path,
      int permissions,
      long size,
      FileId id,
      byte[] digest,
      List<byte[]> segmentDigests)
      implements Entry {
    public RegularFile {
      Objects.requireNonNull(path, "path");
      checkPermissions(permissions);
      if (size < 0) {
        throw new IllegalArgumentException("a size is not negative");
      }
      Objects.requireNonNull(id, "id");
      if (digest.length != 32) {
        throw new IllegalArgumentException("a digest is 32 bytes");
      }
      digest = digest.clone();
      segmentDigests = segmentDigests.stream().map(byte[]::clone).toList();
    }

    @Override
    public byte[] digest() {
      return digest.clone();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof RegularFile f
          && f.path.equals(path)
          && f.permissions == permissions
          && f.size == size
          && f.id.equals(id)
          && java.util.Arrays.equals(f.digest, digest)
          && f.segmentDigests.size() == segmentDigests.size()
          && java.util.stream.IntStream.range(0, segmentDigests.size())
              .allMatch(
                  i -> java.util.Arrays.equals(f.segmentDigests.get(i), segmentDigests.get(i)));
    }

    @Override
    public int hashCode() {
      return Objects.hash(path, size, id);
    }

    @Override
    public String toString() {
      return "RegularFile["
          + path
          + ", "
          + size
          + " bytes, "
          + HexFormat.of().formatHex(digest)
          + "]";
    }
  }

  /**
   * A symbolic link, recorded as its target text and never followed by the shield.
   *
   * @param path its path
   * @param target what it points to
   */
  public record Symlink(String path, String target) implements Entry {
    public Symlink {
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(target, "target");
    }
  }

  private static void checkPermissions(int permissions) {
    if (permissions < 0 || permissions > 0777) {
      throw new IllegalArgumentException("permission bits are between 0 and 0777");
    }
  }
}
