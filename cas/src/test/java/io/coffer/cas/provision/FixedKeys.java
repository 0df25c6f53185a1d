package io.coffer.cas.provision;

import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPrivateKeySpec;
import java.security.spec.ECPublicKeySpec;
import java.util.Arrays;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;

/**
 * P-256 key pairs made from a fixed private scalar, for fuzz targets whose seeds must hold genuine
 * JWEs and signed tokens of the same key in every run. Test keys only.
 */
final class FixedKeys {

  private FixedKeys() {}

  /** The P-256 key pair whose private scalar is 32 bytes of {@code fill}. */
  static KeyPair p256(byte fill) {
    byte[] scalar = new byte[32];
    Arrays.fill(scalar, fill);
    BigInteger d = new BigInteger(1, scalar);
    org.bouncycastle.math.ec.ECPoint q =
        ECNamedCurveTable.getByName("secp256r1").getG().multiply(d).normalize();
    try {
      AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
      parameters.init(new ECGenParameterSpec("secp256r1"));
      ECParameterSpec spec = parameters.getParameterSpec(ECParameterSpec.class);
      KeyFactory factory = KeyFactory.getInstance("EC");
      ECPoint w =
          new ECPoint(q.getAffineXCoord().toBigInteger(), q.getAffineYCoord().toBigInteger());
      return new KeyPair(
          factory.generatePublic(new ECPublicKeySpec(w, spec)),
          factory.generatePrivate(new ECPrivateKeySpec(d, spec)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot make a fixed P-256 key", e);
    }
  }
}
