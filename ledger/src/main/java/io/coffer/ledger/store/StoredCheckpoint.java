package io.coffer.ledger.store;

import io.coffer.ledger.merkle.Hash;
import java.util.Objects;

/**
 * A checkpoint the log signed, as kept by a {@link LogStore}.
 *
 * @param size the tree size it commits to
 * @param root the root hash it commits to
 * @param signedNote the signed note text, exactly as published
 */
public record StoredCheckpoint(long size, Hash root, byte[] signedNote) {

  public StoredCheckpoint {
    if (size < 0) {
      throw new IllegalArgumentException("size must not be negative: " + size);
    }
    Objects.requireNonNull(root, "root");
    signedNote = signedNote.clone();
  }

  @Override
  public byte[] signedNote() {
    return signedNote.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof StoredCheckpoint other
        && size == other.size
        && root.equals(other.root)
        && java.util.Arrays.equals(signedNote, other.signedNote);
  }

  @Override
  public int hashCode() {
    return Objects.hash(size, root, java.util.Arrays.hashCode(signedNote));
  }

  @Override
  public String toString() {
    return "StoredCheckpoint[size=" + size + ", root=" + root + "]";
  }
}
