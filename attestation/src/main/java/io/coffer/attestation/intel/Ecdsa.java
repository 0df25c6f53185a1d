package io.coffer.attestation.intel;

import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.util.Arrays;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.math.ec.ECCurve;

/**
 * ECDSA P-256 with SHA-256 as Intel's quotes use it: signatures as {@code r || s} (32 bytes each,
 * big-endian) and public keys as {@code x || y}. Verification goes through the JCA without naming a
 * provider, so an application that installs a faster provider first gets it.
 */
final class Ecdsa {

  private static final ECParameterSpec P256 = p256();
  private static final ECCurve CURVE = ECNamedCurveTable.getByName("secp256r1").getCurve();

  private Ecdsa() {}

  private static ECParameterSpec p256() {
    try {
      AlgorithmParameters p = AlgorithmParameters.getInstance("EC");
      p.init(new ECGenParameterSpec("secp256r1"));
      return p.getParameterSpec(ECParameterSpec.class);
    } catch (GeneralSecurityException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  /**
   * The P-256 public key {@code x || y}.
   *
   * @throws GeneralSecurityException if it is not a point of the curve
   */
  static PublicKey publicKey(byte[] xy) throws GeneralSecurityException {
    if (xy.length != 64) {
      throw new GeneralSecurityException("a P-256 public key is 64 bytes x || y");
    }
    BigInteger x = new BigInteger(1, Arrays.copyOfRange(xy, 0, 32));
    BigInteger y = new BigInteger(1, Arrays.copyOfRange(xy, 32, 64));
    try {
      CURVE.validatePoint(x, y);
    } catch (IllegalArgumentException e) {
      throw new GeneralSecurityException("not a point of the P-256 curve");
    }
    return KeyFactory.getInstance("EC")
        .generatePublic(new ECPublicKeySpec(new ECPoint(x, y), P256));
  }

  /** Whether {@code rs} is {@code key}'s ECDSA-SHA256 signature of {@code message}. */
  static boolean verify(PublicKey key, byte[] message, byte[] rs) {
    if (rs.length != 64) {
      return false;
    }
    try {
      Signature s = Signature.getInstance("SHA256withECDSAinP1363Format");
      s.initVerify(key);
      s.update(message);
      return s.verify(rs);
    } catch (GeneralSecurityException e) {
      return false;
    }
  }
}
