package io.coffer.ledger.checkpoint;

import io.coffer.ledger.merkle.TreeHead;
import io.coffer.ledger.note.VerifiedNote;

/**
 * A checkpoint whose signed note was verified by a {@link CheckpointVerifier}: the parsed body and
 * the verified note it came from. Only a verifier creates one.
 *
 * <p>Security guarantees: the keys the verifier required signed exactly this body, and the origin
 * is the expected one when an origin was expected.
 *
 * <p>Not protected against: a log that signs two inconsistent checkpoints (a fork). Only comparing
 * checkpoints with consistency proofs, or witness cosignatures, detects that.
 */
public final class VerifiedCheckpoint {

  private final Checkpoint checkpoint;
  private final VerifiedNote note;

  VerifiedCheckpoint(Checkpoint checkpoint, VerifiedNote note) {
    this.checkpoint = checkpoint;
    this.note = note;
  }

  /** The parsed body. */
  public Checkpoint checkpoint() {
    return checkpoint;
  }

  /** The verified note, with the signatures that verified. */
  public VerifiedNote note() {
    return note;
  }

  /** The log's origin line. */
  public String origin() {
    return checkpoint.origin();
  }

  /** The tree size and root hash. */
  public TreeHead treeHead() {
    return checkpoint.treeHead();
  }

  @Override
  public String toString() {
    return "VerifiedCheckpoint["
        + checkpoint.origin()
        + " size "
        + checkpoint.size()
        + " root "
        + checkpoint.root()
        + "]";
  }
}
