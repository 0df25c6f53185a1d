package io.coffer.attestation.simulation;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;

/** Ed25519 (RFC 8032) through the JCA; BouncyCastle only converts raw keys to and from SPKI. */
final class Ed25519 {

  /** id-Ed25519 (RFC 8410 §3). */
  private static final ASN1ObjectIdentifier ID_ED25519 = new ASN1ObjectIdentifier("1.3.101.112");

  private Ed25519() {}

  static PublicKey publicKey(byte[] raw) throws GeneralSecurityException {
    if (raw.length != 32) {
      throw new GeneralSecurityException("an Ed25519 public key is 32 bytes, got " + raw.length);
    }
    try {
      byte[] spki = new SubjectPublicKeyInfo(new AlgorithmIdentifier(ID_ED25519), raw).getEncoded();
      return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki));
    } catch (IOException e) {
      throw new GeneralSecurityException("cannot encode the Ed25519 key", e);
    }
  }

  /** The raw 32 bytes of an Ed25519 public key. */
  static byte[] raw(PublicKey key) throws GeneralSecurityException {
    if (!key.getAlgorithm().equals("Ed25519") && !key.getAlgorithm().equals("EdDSA")) {
      throw new GeneralSecurityException("not an Ed25519 key: " + key.getAlgorithm());
    }
    byte[] raw = SubjectPublicKeyInfo.getInstance(key.getEncoded()).getPublicKeyData().getBytes();
    if (raw.length != 32) {
      throw new GeneralSecurityException("not an Ed25519 key");
    }
    return raw;
  }

  static boolean verify(PublicKey key, byte[] message, byte[] signature) {
    try {
      Signature s = Signature.getInstance("Ed25519");
      s.initVerify(key);
      s.update(message);
      return s.verify(signature);
    } catch (GeneralSecurityException e) {
      return false;
    }
  }
}
