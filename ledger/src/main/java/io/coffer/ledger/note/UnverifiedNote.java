package io.coffer.ledger.note;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A C2SP signed note as read from the wire or about to be written: its text and its signature
 * lines, none of them checked. The text must be ignored until {@link NoteVerifiers} has verified a
 * trusted key's signature (C2SP signed-note, introduction).
 *
 * @param text the note text, ending in a newline, without the blank line that follows it
 * @param signatures one to {@value #MAX_SIGNATURES} signature lines, in order
 */
public record UnverifiedNote(String text, List<NoteSignature> signatures) {

  /**
   * The most signature lines a note may carry. The spec asks verifiers to cap the count and to
   * accept at least 16; 100 is the cap of the Go reference, whose vectors reject 101.
   */
  public static final int MAX_SIGNATURES = 100;

  /** The largest note accepted, in bytes: room for 100 post-quantum signatures and a long text. */
  public static final int MAX_NOTE_BYTES = 1 << 20;

  public UnverifiedNote {
    NoteText.requireValid(text);
    signatures = List.copyOf(signatures);
    if (signatures.isEmpty() || signatures.size() > MAX_SIGNATURES) {
      throw new IllegalArgumentException(
          "a signed note has 1 to " + MAX_SIGNATURES + " signatures, got " + signatures.size());
    }
  }

  /**
   * Parses a signed note strictly (C2SP signed-note, "Format").
   *
   * @throws NoteException {@code MALFORMED_NOTE}, naming the line, if it is not a well-formed note
   */
  public static UnverifiedNote parse(byte[] message) throws NoteException {
    return NoteParser.parse(message);
  }

  /**
   * Signs {@code text} with each signer, in order (C2SP signed-note, "Format").
   *
   * @throws IllegalArgumentException if the text is not valid note text or there are no signers
   * @throws java.security.GeneralSecurityException if a signer fails
   */
  public static UnverifiedNote sign(String text, List<? extends NoteSigner> signers)
      throws java.security.GeneralSecurityException {
    NoteText.requireValid(text);
    byte[] message = text.getBytes(StandardCharsets.UTF_8);
    List<NoteSignature> lines = new ArrayList<>();
    for (NoteSigner signer : signers) {
      lines.add(new NoteSignature(signer.keyName(), signer.keyId(), signer.sign(message)));
    }
    return new UnverifiedNote(text, lines);
  }

  /**
   * This note with signatures from {@code signers} added after the existing ones. An existing
   * signature by the same key name and key ID as a signer is replaced, as in the Go reference's
   * {@code note.Sign}.
   */
  public UnverifiedNote withSignatures(List<? extends NoteSigner> signers)
      throws java.security.GeneralSecurityException {
    List<NoteSignature> kept = new ArrayList<>();
    for (NoteSignature existing : signatures) {
      boolean replaced = signers.stream().anyMatch(s -> existing.isBy(s.keyName(), s.keyId()));
      if (!replaced) {
        kept.add(existing);
      }
    }
    kept.addAll(sign(text, signers).signatures());
    return new UnverifiedNote(text, kept);
  }

  /** The text as UTF-8 bytes: exactly what the signatures sign. */
  public byte[] textBytes() {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /** The note as written: text, blank line, signature lines. */
  public String format() {
    StringBuilder out = new StringBuilder(text.length() + 128 * signatures.size());
    out.append(text).append('\n');
    for (NoteSignature s : signatures) {
      out.append(s.toLine());
    }
    return out.toString();
  }

  /** {@link #format()} as UTF-8 bytes. */
  public byte[] encode() {
    return format().getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof UnverifiedNote other
        && text.equals(other.text)
        && signatures.equals(other.signatures);
  }

  @Override
  public int hashCode() {
    return Objects.hash(text, signatures);
  }
}
