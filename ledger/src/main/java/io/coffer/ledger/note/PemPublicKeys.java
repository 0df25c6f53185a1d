package io.coffer.ledger.note;

import java.io.IOException;
import java.io.StringReader;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemReader;

/** Reads one PEM {@code PUBLIC KEY} and makes the note verifier its vkey would give. */
final class PemPublicKeys {

  private static final int MAX_PEM_CHARS = 16384;

  private PemPublicKeys() {}

  static NoteVerifier verifier(String keyName, String pem) throws NoteException {
    if (pem.length() > MAX_PEM_CHARS) {
      throw malformed("PEM text is longer than " + MAX_PEM_CHARS + " characters");
    }
    PemObject object;
    try (PemReader reader = new PemReader(new StringReader(pem))) {
      object = reader.readPemObject();
      if (object == null) {
        throw malformed("no PEM block found");
      }
      if (reader.readPemObject() != null) {
        throw malformed("more than one PEM block");
      }
    } catch (IOException | RuntimeException e) {
      throw new NoteException(
          NoteException.Reason.MALFORMED_KEY, "unreadable PEM: " + e.getMessage(), e);
    }
    if (!"PUBLIC KEY".equals(object.getType())) {
      throw malformed("expected a PEM PUBLIC KEY block, found " + object.getType());
    }
    byte[] der = object.getContent();
    SubjectPublicKeyInfo spki;
    try {
      spki = SubjectPublicKeyInfo.getInstance(der);
    } catch (RuntimeException e) {
      throw new NoteException(
          NoteException.Reason.MALFORMED_KEY, "PEM block is not a SubjectPublicKeyInfo", e);
    }
    if (Ed25519Keys.ID_ED25519.equals(spki.getAlgorithm().getAlgorithm())) {
      if (spki.getAlgorithm().getParameters() != null) {
        throw malformed("an Ed25519 SubjectPublicKeyInfo has no algorithm parameters");
      }
      byte[] raw;
      try {
        raw = spki.getPublicKeyData().getOctets();
      } catch (RuntimeException e) {
        throw new NoteException(
            NoteException.Reason.MALFORMED_KEY, "invalid Ed25519 public key bit string", e);
      }
      return Ed25519NoteVerifier.of(keyName, raw);
    }
    if (P256Keys.isP256(spki.getAlgorithm())) {
      return EcdsaNoteVerifier.of(keyName, der);
    }
    throw new NoteException(
        NoteException.Reason.UNSUPPORTED_KEY_TYPE,
        "PEM key is neither Ed25519 nor ECDSA P-256 (algorithm "
            + spki.getAlgorithm().getAlgorithm()
            + ")");
  }

  private static NoteException malformed(String message) {
    return new NoteException(NoteException.Reason.MALFORMED_KEY, message);
  }
}
