package io.coffer.ledger.note;

import io.coffer.ledger.note.NoteException.Reason;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A set of trusted keys and the C2SP signed-note verification rules ("Signatures"), as the Go
 * reference's {@code note.Open} applies them:
 *
 * <ul>
 *   <li>a signature whose (key name, key ID) matches no trusted key is ignored;
 *   <li>a signature from a trusted key must verify, or the whole note is rejected;
 *   <li>two trusted keys with the same name and key ID are ambiguous, and a note signed under that
 *       pair is rejected;
 *   <li>at least one trusted key must have signed.
 * </ul>
 *
 * <p>Immutable and safe to share between threads.
 */
public final class NoteVerifiers {

  private record NameAndId(String name, KeyId keyId) {}

  private final List<NoteVerifier> all;
  private final Map<NameAndId, List<NoteVerifier>> byNameAndId;

  private NoteVerifiers(Collection<? extends NoteVerifier> verifiers) {
    this.all = List.copyOf(verifiers);
    Map<NameAndId, List<NoteVerifier>> map = new HashMap<>();
    for (NoteVerifier v : all) {
      map.computeIfAbsent(new NameAndId(v.keyName(), v.keyId()), k -> new ArrayList<>()).add(v);
    }
    this.byNameAndId = map;
  }

  /** The trusted keys, duplicates kept so that ambiguity is detected when it matters. */
  public static NoteVerifiers of(Collection<? extends NoteVerifier> verifiers) {
    return new NoteVerifiers(verifiers);
  }

  /** The trusted keys, duplicates kept so that ambiguity is detected when it matters. */
  public static NoteVerifiers of(NoteVerifier... verifiers) {
    return new NoteVerifiers(List.of(verifiers));
  }

  /** The trusted keys, in the order given. */
  public List<NoteVerifier> verifiers() {
    return all;
  }

  /**
   * The one trusted key with this name and key ID.
   *
   * @throws NoteException {@code UNKNOWN_KEY} or {@code AMBIGUOUS_KEY}
   */
  public NoteVerifier verifier(String keyName, KeyId keyId) throws NoteException {
    List<NoteVerifier> found = byNameAndId.get(new NameAndId(keyName, keyId));
    if (found == null) {
      throw new NoteException(Reason.UNKNOWN_KEY, "unknown key " + keyName + "+" + keyId);
    }
    if (found.size() > 1) {
      throw new NoteException(Reason.AMBIGUOUS_KEY, "ambiguous key " + keyName + "+" + keyId);
    }
    return found.get(0);
  }

  /**
   * Parses {@code message} and verifies it: at least one trusted key must have signed.
   *
   * @throws NoteException {@code MALFORMED_NOTE}, {@code AMBIGUOUS_KEY}, {@code INVALID_SIGNATURE}
   *     naming the key, or {@code NO_VERIFIED_SIGNATURE}
   */
  public VerifiedNote open(byte[] message) throws NoteException {
    return open(UnverifiedNote.parse(message));
  }

  /** Verifies a parsed note: see {@link #open(byte[])}. */
  public VerifiedNote open(UnverifiedNote note) throws NoteException {
    byte[] text = note.textBytes();
    List<VerifiedNote.VerifiedSignature> verified = new ArrayList<>();
    List<NoteSignature> unverified = new ArrayList<>();
    Set<NoteVerifier> seen = new HashSet<>();
    Set<NoteSignature> seenUnverified = new LinkedHashSet<>();
    for (NoteSignature signature : note.signatures()) {
      List<NoteVerifier> found =
          byNameAndId.get(new NameAndId(signature.keyName(), signature.keyId()));
      if (found == null) {
        // C2SP signed-note: "Verifiers MUST ignore signatures from unknown keys".
        if (seenUnverified.add(signature)) {
          unverified.add(signature);
        }
        continue;
      }
      NoteVerifier verifier = verifier(signature.keyName(), signature.keyId());
      if (!seen.add(verifier)) {
        continue;
      }
      // "If a signature from a known key fails to verify, clients SHOULD reject the whole note."
      if (!verifier.verifies(text, signature.signatureBytes())) {
        throw new NoteException(Reason.INVALID_SIGNATURE, "invalid signature for key " + verifier);
      }
      verified.add(new VerifiedNote.VerifiedSignature(verifier, signature));
    }
    // "If no signature from a known key verifies successfully, clients MUST reject the note."
    if (verified.isEmpty()) {
      throw new NoteException(
          Reason.NO_VERIFIED_SIGNATURE, "note has no verifiable signatures", note, null);
    }
    return new VerifiedNote(note.text(), text, verified, unverified);
  }

  /**
   * Like {@link #open(byte[])}, and every trusted key must have a valid signature on the note.
   *
   * @throws NoteException as {@link #open(byte[])}, or {@code MISSING_SIGNATURE} naming the first
   *     key that did not sign
   */
  public VerifiedNote openSignedByAll(byte[] message) throws NoteException {
    return requireAll(open(message), all);
  }

  /**
   * Like {@link #open(UnverifiedNote)}, and each of {@code required} must have a valid signature on
   * the note; the required keys need not be trusted by this set, they are added to it.
   */
  public VerifiedNote openSignedBy(UnverifiedNote note, Collection<? extends NoteVerifier> required)
      throws NoteException {
    List<NoteVerifier> merged = new ArrayList<>(all);
    for (NoteVerifier r : required) {
      if (!merged.contains(r)) {
        merged.add(r);
      }
    }
    return requireAll(new NoteVerifiers(merged).open(note), required);
  }

  private static VerifiedNote requireAll(
      VerifiedNote note, Collection<? extends NoteVerifier> required) throws NoteException {
    for (NoteVerifier r : required) {
      if (note.signatureBy(Objects.requireNonNull(r)).isEmpty()) {
        throw new NoteException(Reason.MISSING_SIGNATURE, "no signature from key " + r);
      }
    }
    return note;
  }
}
