package io.coffer.policy.governance;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;

/**
 * The signature scheme of each key type, through the JDK's providers: Ed25519 (RFC 8032, 64-byte
 * signatures), ECDSA P-256 with SHA-256 and ECDSA P-384 with SHA-384 (ASN.1 DER signatures, RFC
 * 5480 / RFC 3279 §2.2.3).
 */
enum SignatureScheme {
  ED25519("Ed25519", 64, 64),
  ECDSA_P256_SHA256("SHA256withECDSA", 8, 72),
  ECDSA_P384_SHA384("SHA384withECDSA", 8, 104);

  private final String jcaName;
  private final int minBytes;
  private final int maxBytes;

  SignatureScheme(String jcaName, int minBytes, int maxBytes) {
    this.jcaName = jcaName;
    this.minBytes = minBytes;
    this.maxBytes = maxBytes;
  }

  /** The scheme of a key type; {@code CERT_SHA256} has none of its own. */
  static SignatureScheme of(Identity.Type type) {
    return switch (type) {
      case ED25519 -> ED25519;
      case P256 -> ECDSA_P256_SHA256;
      case P384 -> ECDSA_P384_SHA384;
      case CERT_SHA256 ->
          throw new IllegalArgumentException(
              "a cert-sha256 identity signs with its certificate key");
    };
  }

  /** Whether {@code length} is a possible signature length of this scheme. */
  boolean acceptsLength(int length) {
    return length >= minBytes && length <= maxBytes;
  }

  /** Whether {@code signature} is {@code key}'s signature of {@code message}. */
  boolean verifies(PublicKey key, byte[] message, byte[] signature) {
    if (!acceptsLength(signature.length)) {
      return false;
    }
    try {
      Signature verifier = Signature.getInstance(jcaName);
      verifier.initVerify(key);
      verifier.update(message);
      return verifier.verify(signature);
    } catch (GeneralSecurityException | RuntimeException e) {
      // Malformed DER or a key the provider refuses: not a valid signature.
      return false;
    }
  }

  /** {@code key}'s signature of {@code message}. */
  byte[] sign(PrivateKey key, byte[] message) throws GeneralSecurityException {
    Signature signer = Signature.getInstance(jcaName);
    signer.initSign(key);
    signer.update(message);
    return signer.sign();
  }
}
