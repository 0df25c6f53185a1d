package io.coffer.cas.pki;

import java.io.IOException;
import java.security.PublicKey;
import java.util.Objects;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.RSAPublicKey;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;

/**
 * A public key Coffer certifies, classified once from its SubjectPublicKeyInfo: EC on P-256, P-384
 * or P-521 (named curves only, RFC 5480 §2.1.1), Ed25519 (RFC 8410 §3) or RSA with a modulus of at
 * least {@value #MIN_RSA_BITS} bits (RFC 3279 §2.3.1). Every other key is refused.
 *
 * <p>Not checked: that an EC point lies on its curve (the JCA key factory that made the {@link
 * PublicKey} does that when it decodes one).
 *
 * @param info the key's SubjectPublicKeyInfo, as certificates carry it
 * @param algorithm what kind of key it is
 */
public record SubjectKey(SubjectPublicKeyInfo info, Algorithm algorithm) {

  /** The smallest RSA modulus accepted, in bits. */
  public static final int MIN_RSA_BITS = 2048;

  public SubjectKey {
    Objects.requireNonNull(info, "info");
    Objects.requireNonNull(algorithm, "algorithm");
  }

  /** The accepted kinds of key, with the signature algorithm a CA of that key signs with. */
  public enum Algorithm {
    EC_P256("SHA256withECDSA"),
    EC_P384("SHA384withECDSA"),
    EC_P521("SHA512withECDSA"),
    ED25519("Ed25519"),
    RSA("SHA256withRSA");

    private final String signatureAlgorithm;

    Algorithm(String signatureAlgorithm) {
      this.signatureAlgorithm = signatureAlgorithm;
    }

    /** The JCA name of the signature algorithm for this key. */
    public String signatureAlgorithm() {
      return signatureAlgorithm;
    }

    /**
     * Whether a TLS certificate for this key also gets {@code keyEncipherment} (RSA key transport;
     * RFC 5280 §4.2.1.3).
     */
    public boolean encipherment() {
      return this == RSA;
    }
  }

  /**
   * Classifies {@code key}.
   *
   * @throws IllegalArgumentException if it is not one of the accepted keys, saying what it is
   */
  public static SubjectKey of(PublicKey key) {
    Objects.requireNonNull(key, "key");
    byte[] encoded = key.getEncoded();
    if (encoded == null) {
      throw new IllegalArgumentException(
          "the " + key.getAlgorithm() + " public key has no X.509 encoding");
    }
    SubjectPublicKeyInfo info;
    try {
      info = SubjectPublicKeyInfo.getInstance(encoded);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "the public key's encoding is not a SubjectPublicKeyInfo", e);
    }
    return new SubjectKey(info, classify(info));
  }

  private static Algorithm classify(SubjectPublicKeyInfo info) {
    AlgorithmIdentifier id = info.getAlgorithm();
    ASN1ObjectIdentifier oid = id.getAlgorithm();
    if (oid.equals(X9ObjectIdentifiers.id_ecPublicKey)) {
      if (!(id.getParameters() instanceof ASN1ObjectIdentifier curve)) {
        throw new IllegalArgumentException(
            "an EC subject key must name its curve (RFC 5480 §2.1.1); explicit parameters are"
                + " refused");
      }
      if (curve.equals(SECObjectIdentifiers.secp256r1)) {
        return Algorithm.EC_P256;
      }
      if (curve.equals(SECObjectIdentifiers.secp384r1)) {
        return Algorithm.EC_P384;
      }
      if (curve.equals(SECObjectIdentifiers.secp521r1)) {
        return Algorithm.EC_P521;
      }
      throw new IllegalArgumentException(
          "EC curve " + curve.getId() + " is not accepted (P-256, P-384 or P-521 only)");
    }
    if (oid.equals(EdECObjectIdentifiers.id_Ed25519)) {
      return Algorithm.ED25519;
    }
    if (oid.equals(PKCSObjectIdentifiers.rsaEncryption)) {
      int bits;
      try {
        bits = RSAPublicKey.getInstance(info.parsePublicKey()).getModulus().bitLength();
      } catch (IOException | IllegalArgumentException e) {
        throw new IllegalArgumentException("the RSA public key does not parse", e);
      }
      if (bits < MIN_RSA_BITS) {
        throw new IllegalArgumentException(
            "an RSA subject key has at least " + MIN_RSA_BITS + " bits, this one " + bits);
      }
      return Algorithm.RSA;
    }
    throw new IllegalArgumentException(
        "a subject key of algorithm "
            + oid.getId()
            + " is not accepted (EC P-256, P-384, P-521, Ed25519 or RSA >= 2048 bits)");
  }
}
