package io.coffer.ledger.note;

import java.util.List;
import java.util.Optional;

/**
 * A signed note with at least one signature verified by a trusted key. Only {@link NoteVerifiers}
 * creates one.
 *
 * <p>Security guarantees: every signature in {@link #verifiedSignatures()} was checked against the
 * trusted key with its name and key ID; no signature of a trusted key on the note was invalid.
 *
 * <p>Not protected against: signatures in {@link #unverifiedSignatures()} are from keys that were
 * not configured and say nothing.
 */
public final class VerifiedNote {

  /** A signature and the trusted key that verified it. */
  public record VerifiedSignature(NoteVerifier verifier, NoteSignature signature) {}

  private final String text;
  private final byte[] textBytes;
  private final List<VerifiedSignature> verified;
  private final List<NoteSignature> unverified;

  VerifiedNote(
      String text,
      byte[] textBytes,
      List<VerifiedSignature> verified,
      List<NoteSignature> unverified) {
    this.text = text;
    this.textBytes = textBytes;
    this.verified = List.copyOf(verified);
    this.unverified = List.copyOf(unverified);
  }

  /** The note text that the verified signatures sign, with its final newline. */
  public String text() {
    return text;
  }

  /** The text as UTF-8 bytes (a copy). */
  public byte[] textBytes() {
    return textBytes.clone();
  }

  /** The verified signatures, once per key, in the order of the note. */
  public List<VerifiedSignature> verifiedSignatures() {
    return verified;
  }

  /** Signatures from keys that are not trusted, identical lines given once. */
  public List<NoteSignature> unverifiedSignatures() {
    return unverified;
  }

  /** The verified signature by {@code verifier}, if it signed. */
  public Optional<NoteSignature> signatureBy(NoteVerifier verifier) {
    return verified.stream()
        .filter(v -> v.verifier().equals(verifier))
        .map(VerifiedSignature::signature)
        .findFirst();
  }

  @Override
  public String toString() {
    return "VerifiedNote[signed by " + verified.stream().map(v -> v.verifier()).toList() + "]";
  }
}
