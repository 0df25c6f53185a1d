package io.coffer.ledger.note;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.EdECPrivateKeySpec;
import java.security.spec.NamedParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;

/**
 * Ed25519 (RFC 8032) through the JDK provider. BouncyCastle only converts between the raw 32-byte
 * keys notes carry and the encodings the JDK takes.
 */
final class Ed25519Keys {

  /** id-Ed25519 (RFC 8410 §3). */
  static final ASN1ObjectIdentifier ID_ED25519 = new ASN1ObjectIdentifier("1.3.101.112");

  static final int KEY_BYTES = 32;
  static final int SIGNATURE_BYTES = 64;

  private Ed25519Keys() {}

  /** The JDK public key for a raw 32-byte Ed25519 public key. */
  static PublicKey publicKey(byte[] raw) throws GeneralSecurityException {
    if (raw.length != KEY_BYTES) {
      throw new GeneralSecurityException("an Ed25519 public key is 32 bytes, got " + raw.length);
    }
    byte[] spki;
    try {
      spki = new SubjectPublicKeyInfo(new AlgorithmIdentifier(ID_ED25519), raw).getEncoded();
    } catch (IOException e) {
      throw new GeneralSecurityException("cannot encode the Ed25519 public key", e);
    }
    return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki));
  }

  /** The JDK private key for a 32-byte RFC 8032 seed. */
  static PrivateKey privateKey(byte[] seed) throws GeneralSecurityException {
    return KeyFactory.getInstance("Ed25519")
        .generatePrivate(new EdECPrivateKeySpec(NamedParameterSpec.ED25519, seed));
  }

  /** The raw public key of a 32-byte seed (RFC 8032 §5.1.5). */
  static byte[] publicKeyOfSeed(byte[] seed) {
    return new Ed25519PrivateKeyParameters(seed, 0).generatePublicKey().getEncoded();
  }

  /** Whether {@code signature} is {@code key}'s signature of {@code parts} concatenated. */
  static boolean verify(PublicKey key, byte[] signature, byte[]... parts) {
    if (signature.length != SIGNATURE_BYTES) {
      return false;
    }
    try {
      Signature verifier = Signature.getInstance("Ed25519");
      verifier.initVerify(key);
      for (byte[] part : parts) {
        verifier.update(part);
      }
      return verifier.verify(signature);
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  /** {@code key}'s signature of {@code parts} concatenated. */
  static byte[] sign(PrivateKey key, byte[]... parts) throws GeneralSecurityException {
    Signature signer = Signature.getInstance("Ed25519");
    signer.initSign(key);
    for (byte[] part : parts) {
      signer.update(part);
    }
    return signer.sign();
  }
}
