package io.coffer.cas.rollback;

import io.coffer.cas.store.CommitListener;
import io.coffer.ledger.log.Ledger;
import io.coffer.ledger.log.TreeHeadSigner;
import io.coffer.ledger.merkle.TreeHead;
import io.coffer.ledger.store.StoredCheckpoint;
import java.util.Objects;

/**
 * Keeps the sealed checkpoint file at the store's head: after every commit batch, and before its
 * writes are acknowledged, signs a checkpoint of the log ({@code Ledger.checkpoint(signer)}, which
 * refuses to sign a tree inconsistent with the last one) and writes it to the {@link
 * CheckpointFile}. Every acknowledged write is then covered by the file.
 *
 * <p>A failure (signing, the file) propagates to the store, which fails the batch's operations with
 * an unknown outcome and refuses writes until reopened: the CAS never acknowledges a write the file
 * does not cover.
 *
 * <p>Called on the store's writer thread only; not for concurrent use.
 */
public final class CheckpointSealer implements CommitListener {

  private final Ledger log;
  private final TreeHeadSigner signer;
  private final CheckpointFile file;
  private long sealedSize = -1;

  public CheckpointSealer(Ledger log, TreeHeadSigner signer, CheckpointFile file) {
    this.log = Objects.requireNonNull(log, "log");
    this.signer = Objects.requireNonNull(signer, "signer");
    this.file = Objects.requireNonNull(file, "file");
  }

  @Override
  public void committed(TreeHead head) throws Exception {
    StoredCheckpoint checkpoint = log.checkpoint(signer);
    if (checkpoint.size() < head.size()) {
      throw new IllegalStateException(
          "the log's head (size "
              + checkpoint.size()
              + ") is behind the committed batch (size "
              + head.size()
              + "); the sealed checkpoint would not cover it");
    }
    if (checkpoint.size() == sealedSize) {
      return;
    }
    file.write(checkpoint.signedNote());
    sealedSize = checkpoint.size();
  }
}
