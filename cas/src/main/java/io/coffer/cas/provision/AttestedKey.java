package io.coffer.cas.provision;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.crypto.ECDHEncrypter;
import com.nimbusds.jose.crypto.utils.ECChecks;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECPoint;
import java.util.Objects;

/**
 * A workload's attested public key, checked to be one the configuration can be encrypted to: an EC
 * key on P-256, P-384 or P-521 (the curves of ECDH-ES, RFC 7518 §6.2.1.1) whose point is on its
 * curve and not the point at infinity. Made once per attestation; holds its RFC 7638 thumbprint.
 */
public final class AttestedKey {

  private final ECPublicKey publicKey;
  private final Curve curve;
  private final KeyThumbprint thumbprint;

  private AttestedKey(ECPublicKey publicKey, Curve curve, KeyThumbprint thumbprint) {
    this.publicKey = publicKey;
    this.curve = curve;
    this.thumbprint = thumbprint;
  }

  /**
   * The attested key {@code key}, checked.
   *
   * @throws IllegalArgumentException for a key that is not EC, on another curve, or not a point of
   *     its curve (the message says which; the caller answers "key type not supported")
   */
  public static AttestedKey of(PublicKey key) {
    Objects.requireNonNull(key, "key");
    if (!(key instanceof ECPublicKey ec)) {
      throw new IllegalArgumentException(
          "the attested key is "
              + key.getAlgorithm()
              + "; only EC keys on P-256, P-384 or P-521 are supported");
    }
    Curve curve = Curve.forECParameterSpec(ec.getParams());
    if (curve == null || !ECDHEncrypter.SUPPORTED_ELLIPTIC_CURVES.contains(curve)) {
      throw new IllegalArgumentException(
          "the attested EC key is on an unsupported curve; only P-256, P-384 or P-521");
    }
    if (ECPoint.POINT_INFINITY.equals(ec.getW())
        || !ECChecks.isPointOnCurve(ec, curve.toECParameterSpec())) {
      throw new IllegalArgumentException("the attested key's point is not on " + curve.getName());
    }
    ECKey jwk = new ECKey.Builder(curve, ec).build();
    try {
      return new AttestedKey(ec, curve, new KeyThumbprint(jwk.computeThumbprint().decode()));
    } catch (JOSEException e) {
      throw new IllegalStateException("SHA-256 is a required JCA algorithm", e);
    }
  }

  /** The key. */
  public ECPublicKey publicKey() {
    return publicKey;
  }

  /** Its curve (P-256, P-384 or P-521). */
  public Curve curve() {
    return curve;
  }

  /** Its RFC 7638 SHA-256 thumbprint. */
  public KeyThumbprint thumbprint() {
    return thumbprint;
  }

  @Override
  public String toString() {
    return "AttestedKey[" + curve.getName() + ", " + thumbprint + "]";
  }
}
