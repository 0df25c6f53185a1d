package io.coffer.ledger.witness;

import io.coffer.ledger.checkpoint.Checkpoint;
import io.coffer.ledger.checkpoint.CheckpointException;
import io.coffer.ledger.merkle.ConsistencyProof;
import io.coffer.ledger.merkle.Hash;
import io.coffer.ledger.merkle.ProofException;
import io.coffer.ledger.merkle.ProofVerifier;
import io.coffer.ledger.merkle.TreeHasher;
import io.coffer.ledger.merkle.TreeHead;
import io.coffer.ledger.note.CosignatureSigner;
import io.coffer.ledger.note.NoteException;
import io.coffer.ledger.note.NoteSignature;
import io.coffer.ledger.note.NoteVerifier;
import io.coffer.ledger.note.NoteVerifiers;
import io.coffer.ledger.note.UnverifiedNote;
import io.coffer.ledger.witness.AddCheckpointResult.Outcome;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The rules of a C2SP tlog-witness for {@code add-checkpoint} ("add-checkpoint"), without HTTP: a
 * request body in, an {@link AddCheckpointResult} with its HTTP status out.
 *
 * <p>Security guarantees: the witness cosigns a checkpoint only if a trusted key of its log signed
 * it and it is consistent with the latest checkpoint the witness cosigned for that log (a valid
 * consistency proof, or equal size and root); the check and the update are one atomic
 * compare-and-set, so concurrent requests can never roll the state back.
 *
 * <p>Not protected against: a state store that loses or rolls back its state. Safe for concurrent
 * use.
 */
public final class Witness {

  private final Map<String, NoteVerifiers> logs;
  private final WitnessStateStore state;
  private final List<CosignatureSigner> cosigners;

  /**
   * A witness for the logs in {@code knownLogs} (origin to the log's trusted keys), keeping its
   * state in {@code state} and cosigning with each of {@code cosigners}.
   */
  public Witness(
      Map<String, ? extends Collection<? extends NoteVerifier>> knownLogs,
      WitnessStateStore state,
      List<CosignatureSigner> cosigners) {
    Map<String, NoteVerifiers> copy = new HashMap<>();
    knownLogs.forEach((origin, keys) -> {
      if (keys.isEmpty()) {
        throw new IllegalArgumentException("log " + origin + " has no trusted keys");
      }
      copy.put(origin, NoteVerifiers.of(keys));
    });
    this.logs = Map.copyOf(copy);
    this.state = state;
    this.cosigners = List.copyOf(cosigners);
    if (this.cosigners.isEmpty()) {
      throw new IllegalArgumentException("a witness needs at least one cosigner");
    }
  }

  /** Handles one {@code add-checkpoint} request body. */
  public AddCheckpointResult addCheckpoint(byte[] body) {
    AddCheckpointRequest request;
    UnverifiedNote note;
    Checkpoint checkpoint;
    try {
      request = AddCheckpointRequest.parse(body);
      note = UnverifiedNote.parse(request.signedCheckpoint());
      // The origin selects the keys, so it is read before the signature is checked.
      checkpoint = Checkpoint.parse(note.text());
    } catch (RequestFormatException | NoteException | CheckpointException e) {
      return AddCheckpointResult.rejected(Outcome.MALFORMED_REQUEST, e.getMessage());
    }
    NoteVerifiers keys = logs.get(checkpoint.origin());
    if (keys == null) {
      return AddCheckpointResult.rejected(
          Outcome.UNKNOWN_LOG, "unknown log \"" + checkpoint.origin() + "\"");
    }
    try {
      keys.open(note);
    } catch (NoteException e) {
      Outcome outcome =
          e.reason() == NoteException.Reason.INVALID_SIGNATURE
              ? Outcome.INVALID_LOG_SIGNATURE
              : Outcome.NOT_SIGNED_BY_LOG;
      return AddCheckpointResult.rejected(outcome, e.getMessage());
    }
    if (request.oldSize() > checkpoint.size()) {
      return AddCheckpointResult.rejected(
          Outcome.OLD_SIZE_AFTER_CHECKPOINT,
          "old size " + request.oldSize() + " is larger than checkpoint size " + checkpoint.size());
    }
    try {
      return advance(checkpoint, request, note);
    } catch (WitnessStoreException e) {
      return AddCheckpointResult.rejected(Outcome.STORE_FAILED, "the witness state is unavailable");
    }
  }

  private AddCheckpointResult advance(
      Checkpoint checkpoint, AddCheckpointRequest request, UnverifiedNote note)
      throws WitnessStoreException {
    String origin = checkpoint.origin();
    Optional<TreeHead> latest = state.latest(origin);
    long latestSize = latest.map(TreeHead::size).orElse(0L);
    if (request.oldSize() != latestSize) {
      return AddCheckpointResult.conflict(latestSize);
    }
    Optional<AddCheckpointResult> inconsistent = checkConsistency(checkpoint, request, latest);
    if (inconsistent.isPresent()) {
      return inconsistent.get();
    }
    List<NoteSignature> cosignatures = new ArrayList<>();
    try {
      byte[] text = note.textBytes();
      for (CosignatureSigner cosigner : cosigners) {
        cosignatures.add(
            new NoteSignature(cosigner.keyName(), cosigner.keyId(), cosigner.sign(text)));
      }
    } catch (GeneralSecurityException e) {
      return AddCheckpointResult.rejected(Outcome.SIGNING_FAILED, "cosigning failed");
    }
    // Checking the old size and persisting must be atomic (tlog-witness, "add-checkpoint").
    if (!state.compareAndSet(origin, latest, checkpoint.treeHead())) {
      return AddCheckpointResult.conflict(state.latest(origin).map(TreeHead::size).orElse(0L));
    }
    return AddCheckpointResult.cosigned(cosignatures);
  }

  private static Optional<AddCheckpointResult> checkConsistency(
      Checkpoint checkpoint, AddCheckpointRequest request, Optional<TreeHead> latest) {
    long oldSize = request.oldSize();
    long size = checkpoint.size();
    Hash root = checkpoint.root();
    if (size == 0 && !root.equals(TreeHasher.emptyRoot())) {
      return reject(
          Outcome.EMPTY_TREE_ROOT_MISMATCH, "the root of an empty tree must be SHA-256(\"\")");
    }
    if (oldSize == 0) {
      // "The proof MUST be empty if the old size is zero."
      return request.proof().isEmpty()
          ? Optional.empty()
          : reject(Outcome.PROOF_NOT_EMPTY, "the consistency proof from size 0 must be empty");
    }
    Hash oldRoot = latest.orElseThrow().root();
    if (oldSize == size) {
      if (!oldRoot.equals(root)) {
        return reject(
            Outcome.ROOT_MISMATCH_AT_SAME_SIZE,
            "size " + size + " was cosigned with a different root hash");
      }
      return request.proof().isEmpty()
          ? Optional.empty()
          : reject(Outcome.PROOF_NOT_EMPTY, "the consistency proof between equal sizes is empty");
    }
    try {
      ProofVerifier.verifyConsistency(
          new ConsistencyProof(oldSize, size, request.proof()), oldRoot, root);
      return Optional.empty();
    } catch (ProofException e) {
      return reject(Outcome.INCONSISTENT_PROOF, "invalid consistency proof: " + e.getMessage());
    }
  }

  private static Optional<AddCheckpointResult> reject(Outcome outcome, String detail) {
    return Optional.of(AddCheckpointResult.rejected(outcome, detail));
  }
}
