package io.coffer.ledger.note;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;

/**
 * ECDSA P-256 public keys as DER SubjectPublicKeyInfo, checked with BouncyCastle's ASN.1 parser and
 * used through the JDK provider.
 */
final class P256Keys {

  private P256Keys() {}

  /**
   * The JDK key for a DER SubjectPublicKeyInfo of an ECDSA P-256 key, which must be encoded in
   * canonical DER with nothing after it.
   */
  static PublicKey publicKey(byte[] spkiDer) throws NoteException {
    SubjectPublicKeyInfo spki;
    try {
      spki = SubjectPublicKeyInfo.getInstance(spkiDer);
    } catch (RuntimeException e) {
      throw new NoteException(
          NoteException.Reason.MALFORMED_KEY, "not a DER SubjectPublicKeyInfo", e);
    }
    if (!isP256(spki.getAlgorithm())) {
      throw new NoteException(
          NoteException.Reason.UNSUPPORTED_KEY_TYPE,
          "the key is not an ECDSA P-256 key (algorithm "
              + spki.getAlgorithm().getAlgorithm()
              + ")");
    }
    try {
      if (!Arrays.equals(spki.getEncoded(ASN1Encoding.DER), spkiDer)) {
        throw new NoteException(
            NoteException.Reason.MALFORMED_KEY, "the SubjectPublicKeyInfo is not canonical DER");
      }
      return KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(spkiDer));
    } catch (IOException | GeneralSecurityException e) {
      throw new NoteException(
          NoteException.Reason.MALFORMED_KEY,
          "invalid ECDSA P-256 public key: " + e.getMessage(),
          e);
    }
  }

  static boolean isP256(AlgorithmIdentifier algorithm) {
    return X9ObjectIdentifiers.id_ecPublicKey.equals(algorithm.getAlgorithm())
        && algorithm.getParameters() instanceof ASN1ObjectIdentifier curve
        && SECObjectIdentifiers.secp256r1.equals(curve);
  }

  /** Whether {@code derSignature} is {@code key}'s ECDSA signature of SHA-256({@code message}). */
  static boolean verify(PublicKey key, byte[] message, byte[] derSignature) {
    try {
      Signature verifier = Signature.getInstance("SHA256withECDSA");
      verifier.initVerify(key);
      verifier.update(message);
      return verifier.verify(derSignature);
    } catch (GeneralSecurityException | RuntimeException e) {
      return false;
    }
  }
}
