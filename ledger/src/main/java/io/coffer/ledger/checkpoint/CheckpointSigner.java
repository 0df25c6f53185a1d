package io.coffer.ledger.checkpoint;

import io.coffer.ledger.log.TreeHeadSigner;
import io.coffer.ledger.merkle.TreeHead;
import io.coffer.ledger.note.Ed25519NoteSigner;
import io.coffer.ledger.note.UnverifiedNote;
import java.security.GeneralSecurityException;
import java.util.List;
import java.util.Objects;

/**
 * Signs tree heads as C2SP checkpoints: a checkpoint body with the log's origin, signed by the
 * log's Ed25519 key as a C2SP signed note. Plugged into {@code Ledger.checkpoint(signer)}.
 *
 * <p>The log's key name should match the origin line (tlog-checkpoint, "Signatures"); this is not
 * enforced so that a log can rotate to a new key name.
 */
public final class CheckpointSigner implements TreeHeadSigner {

  private final String origin;
  private final Ed25519NoteSigner signer;

  public CheckpointSigner(String origin, Ed25519NoteSigner signer) {
    this.origin = Objects.requireNonNull(origin, "origin");
    this.signer = Objects.requireNonNull(signer, "signer");
    // Fail now, not at the first checkpoint, if the origin cannot be a checkpoint's first line.
    Checkpoint.of(origin, new TreeHead(0, io.coffer.ledger.merkle.TreeHasher.emptyRoot()));
  }

  /** The origin line of every checkpoint this signer makes. */
  public String origin() {
    return origin;
  }

  /** The signed checkpoint note for {@code head}, as published. */
  @Override
  public byte[] sign(TreeHead head) throws GeneralSecurityException {
    return sign(Checkpoint.of(origin, head)).encode();
  }

  /** The signed note for {@code checkpoint}, which must have this signer's origin. */
  public UnverifiedNote sign(Checkpoint checkpoint) throws GeneralSecurityException {
    if (!checkpoint.origin().equals(origin)) {
      throw new IllegalArgumentException(
          "checkpoint origin \"" + checkpoint.origin() + "\" is not \"" + origin + "\"");
    }
    return UnverifiedNote.sign(checkpoint.format(), List.of(signer));
  }
}
