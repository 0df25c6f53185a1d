package io.coffer.ledger.note;

import java.util.Optional;

/** A signed note, a key or a signature that was rejected, with the reason. */
public final class NoteException extends Exception {

  private static final long serialVersionUID = 1L;

  /** Why a note, key or signature was rejected. */
  public enum Reason {
    /** The note is not a well-formed C2SP signed note. */
    MALFORMED_NOTE,
    /** A verifier key, signer key or PEM public key cannot be parsed. */
    MALFORMED_KEY,
    /** A key's signature type is not one this library implements. */
    UNSUPPORTED_KEY_TYPE,
    /** The key ID written in a key does not match the key. */
    KEY_ID_MISMATCH,
    /** No trusted key has this name and key ID. */
    UNKNOWN_KEY,
    /** More than one trusted key has this name and key ID. */
    AMBIGUOUS_KEY,
    /** A signature's bytes do not have the layout its signature type requires. */
    MALFORMED_SIGNATURE,
    /** A trusted key's signature on the note does not verify. */
    INVALID_SIGNATURE,
    /** No trusted key signed the note. */
    NO_VERIFIED_SIGNATURE,
    /** A key that had to sign the note did not. */
    MISSING_SIGNATURE
  }

  private final Reason reason;
  private final transient UnverifiedNote unverifiedNote;

  public NoteException(Reason reason, String message) {
    this(reason, message, null, null);
  }

  public NoteException(Reason reason, String message, Throwable cause) {
    this(reason, message, null, cause);
  }

  NoteException(Reason reason, String message, UnverifiedNote note, Throwable cause) {
    super(message, cause);
    this.reason = reason;
    this.unverifiedNote = note;
  }

  /** The stable reason code. */
  public Reason reason() {
    return reason;
  }

  /**
   * For {@link Reason#NO_VERIFIED_SIGNATURE}: the note that parsed but that no trusted key signed.
   * Its text must not be trusted.
   */
  public Optional<UnverifiedNote> unverifiedNote() {
    return Optional.ofNullable(unverifiedNote);
  }
}
