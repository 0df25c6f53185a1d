package io.coffer.policy.governance;

import io.coffer.policy.governance.GovernanceException.Reason;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * Decodes and validates the public keys governance accepts: Ed25519 (RFC 8410) and ECDSA keys on
 * the named curves P-256 and P-384 (RFC 5480), as DER SubjectPublicKeyInfo.
 *
 * <p>Strict: the DER must be canonical (re-encoding gives the same bytes), EC keys must name their
 * curve by OID (no explicit parameters) and carry an uncompressed point that lies on the curve and
 * is not the point at infinity; Ed25519 keys must pass RFC 8032 full validation (canonical
 * encoding, on the curve, in the prime-order subgroup).
 */
final class PublicKeyDecoder {

  /** The longest SPKI accepted: a P-384 key is 120 bytes. */
  static final int MAX_SPKI_BYTES = 256;

  static final int ED25519_KEY_BYTES = 32;

  /** A validated key: its type, canonical DER SubjectPublicKeyInfo and the JDK key. */
  record Decoded(Identity.Type type, byte[] spki, PublicKey key) {}

  private PublicKeyDecoder() {}

  /** Decodes a DER SubjectPublicKeyInfo of an Ed25519, P-256 or P-384 key. */
  static Decoded spki(byte[] der) throws GovernanceException {
    if (der.length > MAX_SPKI_BYTES) {
      throw new GovernanceException(
          Reason.UNSUPPORTED_KEY,
          "public key of " + der.length + " bytes: longer than any supported key");
    }
    SubjectPublicKeyInfo info;
    try {
      info = SubjectPublicKeyInfo.getInstance(ASN1Primitive.fromByteArray(der));
      if (info == null || !Arrays.equals(info.getEncoded(ASN1Encoding.DER), der)) {
        throw new GovernanceException(
            Reason.MALFORMED_IDENTITY, "public key is not a DER SubjectPublicKeyInfo");
      }
    } catch (IOException | RuntimeException e) {
      throw new GovernanceException(
          Reason.MALFORMED_IDENTITY, "public key is not a DER SubjectPublicKeyInfo", e);
    }
    // The key is the BIT STRING's whole octets (RFC 5480 §2.2, RFC 8410 §4): one with unused bits
    // holds no key (and BouncyCastle throws when asked for its octets).
    if (info.getPublicKeyData().getPadBits() != 0) {
      throw new GovernanceException(
          Reason.MALFORMED_IDENTITY, "public key BIT STRING has unused bits");
    }
    AlgorithmIdentifier algorithm = info.getAlgorithm();
    ASN1ObjectIdentifier oid = algorithm.getAlgorithm();
    if (oid.equals(EdECObjectIdentifiers.id_Ed25519)) {
      if (algorithm.getParameters() != null) {
        throw new GovernanceException(
            Reason.MALFORMED_IDENTITY, "Ed25519 key with algorithm parameters (RFC 8410 §3)");
      }
      return ed25519(info.getPublicKeyData().getOctets());
    }
    if (oid.equals(X9ObjectIdentifiers.id_ecPublicKey)) {
      return ec(info, der);
    }
    throw new GovernanceException(
        Reason.UNSUPPORTED_KEY,
        "key algorithm " + oid.getId() + " is not supported (Ed25519, P-256 or P-384)");
  }

  /** Decodes a raw 32-byte Ed25519 public key (RFC 8032 §5.1.5). */
  static Decoded ed25519(byte[] raw) throws GovernanceException {
    if (raw.length != ED25519_KEY_BYTES) {
      throw new GovernanceException(
          Reason.MALFORMED_IDENTITY, "an Ed25519 key is 32 bytes, got " + raw.length);
    }
    // Rejects non-canonical encodings, points off the curve and points of small order.
    if (!Ed25519.validatePublicKeyFull(raw, 0)) {
      throw new GovernanceException(
          Reason.INVALID_KEY, "not a valid Ed25519 public key (RFC 8032 §5.1.3)");
    }
    try {
      byte[] spki =
          new SubjectPublicKeyInfo(new AlgorithmIdentifier(EdECObjectIdentifiers.id_Ed25519), raw)
              .getEncoded(ASN1Encoding.DER);
      PublicKey key =
          KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki));
      return new Decoded(Identity.Type.ED25519, spki, key);
    } catch (IOException | GeneralSecurityException e) {
      throw new GovernanceException(Reason.INVALID_KEY, "not a valid Ed25519 public key", e);
    }
  }

  private static Decoded ec(SubjectPublicKeyInfo info, byte[] der) throws GovernanceException {
    ASN1Encodable parameters = info.getAlgorithm().getParameters();
    if (!(parameters instanceof ASN1ObjectIdentifier curve)) {
      throw new GovernanceException(
          Reason.UNSUPPORTED_KEY, "EC key without a named curve (RFC 5480 §2.1.1)");
    }
    Identity.Type type;
    if (curve.equals(SECObjectIdentifiers.secp256r1)) {
      type = Identity.Type.P256;
    } else if (curve.equals(SECObjectIdentifiers.secp384r1)) {
      type = Identity.Type.P384;
    } else {
      throw new GovernanceException(
          Reason.UNSUPPORTED_KEY, "EC curve " + curve.getId() + " is not supported (P-256, P-384)");
    }
    X9ECParameters params = ECNamedCurveTable.getByOID(curve);
    byte[] point = info.getPublicKeyData().getOctets();
    int fieldBytes = (params.getCurve().getFieldSize() + 7) / 8;
    if (point.length != 1 + 2 * fieldBytes || point[0] != 0x04) {
      throw new GovernanceException(
          Reason.INVALID_KEY,
          "EC key is not an uncompressed point of "
              + (1 + 2 * fieldBytes)
              + " bytes (SEC 1 §2.3.3)");
    }
    try {
      ECPoint p = params.getCurve().decodePoint(point);
      if (p.isInfinity() || !p.isValid()) {
        throw new GovernanceException(Reason.INVALID_KEY, "EC point is not on the curve");
      }
      PublicKey key = KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(der));
      return new Decoded(type, der.clone(), key);
    } catch (IllegalArgumentException | ArithmeticException e) {
      throw new GovernanceException(Reason.INVALID_KEY, "EC point is not on the curve", e);
    } catch (GeneralSecurityException e) {
      throw new GovernanceException(Reason.INVALID_KEY, "not a valid EC public key", e);
    }
  }
}
