package io.coffer.ledger.merkle;

/** A Merkle proof that does not prove what it claims, with the reason. */
public final class ProofException extends Exception {

  private static final long serialVersionUID = 1L;

  /** Why a proof failed. */
  public enum Reason {
    /** The leaf index is not smaller than the tree size. */
    INDEX_OUT_OF_RANGE,
    /** The older tree is larger than the newer one. */
    SIZES_OUT_OF_ORDER,
    /** A consistency proof from the empty tree to a non-empty one proves nothing. */
    EMPTY_OLD_TREE,
    /** Sizes are equal but the proof is not empty. */
    PROOF_NOT_EMPTY,
    /** A consistency proof between different sizes is empty. */
    PROOF_EMPTY,
    /** The path has more hashes than the tree has levels on this path. */
    PATH_TOO_LONG,
    /** The path ended before reaching the root. */
    PATH_TOO_SHORT,
    /** The root recomputed from the proof differs from the expected one. */
    ROOT_MISMATCH,
    /** The older root recomputed from a consistency proof differs from the expected one. */
    OLD_ROOT_MISMATCH
  }

  private final Reason reason;

  public ProofException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  /** The stable reason code. */
  public Reason reason() {
    return reason;
  }
}
