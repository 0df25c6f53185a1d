package io.coffer.cas.witness;

import io.coffer.ledger.merkle.TreeHead;
import io.coffer.ledger.note.NoteSignature;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * A checkpoint a witness cosigned, as the {@link WitnessClient} verified it.
 *
 * @param witness the witness's URL
 * @param treeHead the cosigned tree head
 * @param cosignature the witness's cosignature line, verified with its configured key
 * @param timestamp the time the cosignature claims
 * @param cosignedNote the signed checkpoint with the cosignature added after its signatures
 */
public record Cosigned(
    String witness,
    TreeHead treeHead,
    NoteSignature cosignature,
    Instant timestamp,
    byte[] cosignedNote) {

  public Cosigned {
    Objects.requireNonNull(witness, "witness");
    Objects.requireNonNull(treeHead, "treeHead");
    Objects.requireNonNull(cosignature, "cosignature");
    Objects.requireNonNull(timestamp, "timestamp");
    cosignedNote = cosignedNote.clone();
  }

  @Override
  public byte[] cosignedNote() {
    return cosignedNote.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Cosigned other
        && witness.equals(other.witness)
        && treeHead.equals(other.treeHead)
        && cosignature.equals(other.cosignature)
        && timestamp.equals(other.timestamp)
        && Arrays.equals(cosignedNote, other.cosignedNote);
  }

  @Override
  public int hashCode() {
    return Objects.hash(witness, treeHead, cosignature);
  }

  @Override
  public String toString() {
    return "Cosigned[" + witness + " size " + treeHead.size() + " at " + timestamp + "]";
  }
}
