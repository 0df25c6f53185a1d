package io.coffer.ledger.checkpoint;

import io.coffer.ledger.checkpoint.CheckpointException.Reason;
import io.coffer.ledger.note.NoteException;
import io.coffer.ledger.note.NoteVerifier;
import io.coffer.ledger.note.NoteVerifiers;
import io.coffer.ledger.note.UnverifiedNote;
import io.coffer.ledger.note.VerifiedNote;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Verifies signed checkpoints: the note's signatures (C2SP signed-note), the body (C2SP
 * tlog-checkpoint) and, when given, the origin.
 *
 * <p>Keys are either required (each must have a valid signature) or optional (checked if they
 * signed: a trusted key's bad signature rejects the note). With no required keys, at least one
 * optional key must have signed. Signatures from other keys are ignored. Immutable and thread-safe.
 */
public final class CheckpointVerifier {

  private final Optional<String> expectedOrigin;
  private final List<NoteVerifier> required;
  private final NoteVerifiers trusted;

  private CheckpointVerifier(
      Optional<String> expectedOrigin,
      Collection<? extends NoteVerifier> required,
      Collection<? extends NoteVerifier> optional) {
    this.expectedOrigin = Objects.requireNonNull(expectedOrigin, "expectedOrigin");
    this.required = List.copyOf(required);
    List<NoteVerifier> all = new ArrayList<>(required);
    all.addAll(optional);
    if (all.isEmpty()) {
      throw new IllegalArgumentException("a checkpoint verifier needs at least one key");
    }
    this.trusted = NoteVerifiers.of(all);
  }

  /**
   * The verifier for a log's checkpoints: the log's key must have signed; cosigners' signatures are
   * checked when present (as the transparency-dev {@code ParseCheckpoint} does).
   */
  public static CheckpointVerifier forLog(
      String origin, NoteVerifier logKey, Collection<? extends NoteVerifier> cosigners) {
    return new CheckpointVerifier(Optional.of(origin), List.of(logKey), cosigners);
  }

  /** A verifier that needs a valid signature from at least one of {@code keys}. */
  public static CheckpointVerifier anyOf(
      Optional<String> expectedOrigin, Collection<? extends NoteVerifier> keys) {
    return new CheckpointVerifier(expectedOrigin, List.of(), keys);
  }

  /** A verifier that needs a valid signature from every one of {@code keys}. */
  public static CheckpointVerifier allOf(
      Optional<String> expectedOrigin, Collection<? extends NoteVerifier> keys) {
    return new CheckpointVerifier(expectedOrigin, keys, List.of());
  }

  /**
   * Verifies a signed checkpoint as published.
   *
   * @throws CheckpointException {@code MALFORMED} (note or body), {@code SIGNATURE} (with the
   *     {@link NoteException} as cause) or {@code UNEXPECTED_ORIGIN}
   */
  public VerifiedCheckpoint verify(byte[] signedNote) throws CheckpointException {
    UnverifiedNote note;
    try {
      note = UnverifiedNote.parse(signedNote);
    } catch (NoteException e) {
      throw new CheckpointException(Reason.MALFORMED, e.getMessage(), e);
    }
    return verify(note);
  }

  /** Verifies a parsed signed checkpoint: see {@link #verify(byte[])}. */
  public VerifiedCheckpoint verify(UnverifiedNote note) throws CheckpointException {
    Checkpoint checkpoint = Checkpoint.parse(note.text());
    VerifiedNote verified;
    try {
      verified = trusted.openSignedBy(note, required);
    } catch (NoteException e) {
      throw new CheckpointException(
          Reason.SIGNATURE, "checkpoint signature check failed: " + e.getMessage(), e);
    }
    if (expectedOrigin.isPresent() && !expectedOrigin.get().equals(checkpoint.origin())) {
      throw new CheckpointException(
          Reason.UNEXPECTED_ORIGIN,
          "checkpoint is for origin \""
              + checkpoint.origin()
              + "\", expected \""
              + expectedOrigin.get()
              + "\"");
    }
    return new VerifiedCheckpoint(checkpoint, verified);
  }
}
