package io.coffer.policy.governance;

import io.coffer.policy.governance.GovernanceException.Reason;
import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import java.util.Objects;
import org.bouncycastle.asn1.ASN1BitString;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Object;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.sec.ECPrivateKey;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;

/**
 * A private key with the identity it signs for: an Ed25519, P-256 or P-384 key, stored as an
 * unencrypted PKCS#8 PEM block ({@code -----BEGIN PRIVATE KEY-----}, RFC 5208 / RFC 5958, RFC 7468
 * §10).
 *
 * <p>Security guarantees: the identity is derived from the private key, never read from beside it;
 * a public key embedded in the PKCS#8 structure must match the derived one. {@link #toString} never
 * shows the key.
 *
 * <p>Not protected against: a key file read by someone else (the caller stores it with mode 0600);
 * keys are held in ordinary JDK key objects, not in a TEE or a hardware token.
 */
public final class IdentityKey {

  /** PEM label of an unencrypted PKCS#8 private key (RFC 7468 §10). */
  public static final String PEM_LABEL = "PRIVATE KEY";

  /** The largest PEM text accepted for a key; a P-384 key is under 400 characters. */
  public static final int MAX_PEM_CHARS = 16 * 1024;

  private final PrivateKey privateKey;
  private final Identity identity;

  private IdentityKey(PrivateKey privateKey, Identity identity) {
    this.privateKey = privateKey;
    this.identity = identity;
  }

  /** A fresh key of {@code type} ({@code ED25519}, {@code P256} or {@code P384}). */
  public static IdentityKey generate(Identity.Type type) {
    Objects.requireNonNull(type, "type");
    try {
      KeyPairGenerator generator =
          switch (type) {
            case ED25519 -> KeyPairGenerator.getInstance("Ed25519");
            case P256, P384 -> {
              KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
              ec.initialize(
                  new ECGenParameterSpec(type == Identity.Type.P256 ? "secp256r1" : "secp384r1"));
              yield ec;
            }
            case CERT_SHA256 -> throw new IllegalArgumentException("cert-sha256 is not a key type");
          };
      KeyPair pair = generator.generateKeyPair();
      return new IdentityKey(pair.getPrivate(), Identity.of(pair.getPublic()));
    } catch (GeneralSecurityException | GovernanceException e) {
      throw new IllegalStateException("cannot generate a " + type.prefix() + " key", e);
    }
  }

  /**
   * Reads an unencrypted PKCS#8 PEM private key.
   *
   * @throws GovernanceException {@code MALFORMED_KEY_FILE} for text that is not one such key,
   *     {@code UNSUPPORTED_KEY} for another key type, {@code KEY_MISMATCH} when the structure
   *     carries a public key that is not the private key's
   */
  public static IdentityKey fromPem(String pem) throws GovernanceException {
    Objects.requireNonNull(pem, "pem");
    if (pem.length() > MAX_PEM_CHARS) {
      throw new GovernanceException(
          Reason.MALFORMED_KEY_FILE, "longer than " + MAX_PEM_CHARS + " characters");
    }
    byte[] der = Pem.decode(pem, PEM_LABEL, Reason.MALFORMED_KEY_FILE);
    PrivateKeyInfo info;
    try {
      info = PrivateKeyInfo.getInstance(ASN1Primitive.fromByteArray(der));
      if (info == null) {
        throw new GovernanceException(Reason.MALFORMED_KEY_FILE, "not a PKCS#8 PrivateKeyInfo");
      }
    } catch (IOException | RuntimeException e) {
      throw new GovernanceException(
          Reason.MALFORMED_KEY_FILE, "not a PKCS#8 PrivateKeyInfo (RFC 5958 §2)", e);
    }
    ASN1ObjectIdentifier algorithm = info.getPrivateKeyAlgorithm().getAlgorithm();
    byte[] spki;
    String jcaName;
    if (algorithm.equals(EdECObjectIdentifiers.id_Ed25519)) {
      spki = ed25519PublicKey(info);
      jcaName = "Ed25519";
    } else if (algorithm.equals(X9ObjectIdentifiers.id_ecPublicKey)) {
      spki = ecPublicKey(info);
      jcaName = "EC";
    } else {
      throw new GovernanceException(
          Reason.UNSUPPORTED_KEY,
          "key algorithm " + algorithm.getId() + " is not supported (Ed25519, P-256 or P-384)");
    }
    PrivateKey key;
    try {
      key = KeyFactory.getInstance(jcaName).generatePrivate(new PKCS8EncodedKeySpec(der));
    } catch (GeneralSecurityException | RuntimeException e) {
      throw new GovernanceException(Reason.MALFORMED_KEY_FILE, "not a valid private key", e);
    }
    return new IdentityKey(key, Identity.ofSpki(spki));
  }

  /** The DER SubjectPublicKeyInfo of an Ed25519 PKCS#8 key (RFC 8410 §7). */
  private static byte[] ed25519PublicKey(PrivateKeyInfo info) throws GovernanceException {
    if (info.getPrivateKeyAlgorithm().getParameters() != null) {
      throw new GovernanceException(
          Reason.MALFORMED_KEY_FILE, "Ed25519 key with algorithm parameters (RFC 8410 §3)");
    }
    byte[] seed;
    try {
      seed = ASN1OctetString.getInstance(info.parsePrivateKey()).getOctets();
    } catch (IOException | RuntimeException e) {
      throw new GovernanceException(
          Reason.MALFORMED_KEY_FILE, "Ed25519 private key is not an OCTET STRING (RFC 8410 §7)", e);
    }
    if (seed.length != Ed25519PrivateKeyParameters.KEY_SIZE) {
      throw new GovernanceException(
          Reason.MALFORMED_KEY_FILE, "an Ed25519 private key is 32 bytes, got " + seed.length);
    }
    byte[] raw = new Ed25519PrivateKeyParameters(seed, 0).generatePublicKey().getEncoded();
    Arrays.fill(seed, (byte) 0);
    checkEmbedded(info.getPublicKeyData(), raw);
    return spki(new AlgorithmIdentifier(EdECObjectIdentifiers.id_Ed25519), raw);
  }

  /** The DER SubjectPublicKeyInfo of an EC PKCS#8 key (RFC 5915 §3, RFC 5480). */
  private static byte[] ecPublicKey(PrivateKeyInfo info) throws GovernanceException {
    ASN1Encodable parameters = info.getPrivateKeyAlgorithm().getParameters();
    if (!(parameters instanceof ASN1ObjectIdentifier curve)) {
      throw new GovernanceException(
          Reason.UNSUPPORTED_KEY, "EC key without a named curve (RFC 5480 §2.1.1)");
    }
    X9ECParameters params = ECNamedCurveTable.getByOID(curve);
    if (params == null) {
      throw new GovernanceException(
          Reason.UNSUPPORTED_KEY, "EC curve " + curve.getId() + " is not supported (P-256, P-384)");
    }
    ECPrivateKey ec;
    try {
      ec = ECPrivateKey.getInstance(info.parsePrivateKey());
    } catch (IOException | RuntimeException e) {
      throw new GovernanceException(
          Reason.MALFORMED_KEY_FILE, "EC private key is not an ECPrivateKey (RFC 5915 §3)", e);
    }
    BigInteger d = ec.getKey();
    if (d.signum() <= 0 || d.compareTo(params.getN()) >= 0) {
      throw new GovernanceException(
          Reason.MALFORMED_KEY_FILE, "EC private key out of range (SEC 1 §3.2.1)");
    }
    ASN1Object ownParameters = ec.getParametersObject();
    if (ownParameters != null && !ownParameters.equals(curve)) {
      throw new GovernanceException(
          Reason.KEY_MISMATCH, "EC private key names another curve than its algorithm");
    }
    byte[] point = new FixedPointCombMultiplier().multiply(params.getG(), d).getEncoded(false);
    checkEmbedded(ec.getPublicKey(), point);
    checkEmbedded(info.getPublicKeyData(), point);
    return spki(new AlgorithmIdentifier(X9ObjectIdentifiers.id_ecPublicKey, curve), point);
  }

  private static void checkEmbedded(ASN1BitString embedded, byte[] derived)
      throws GovernanceException {
    if (embedded != null && embedded.getPadBits() != 0) {
      // A public key is whole octets (RFC 5480 §2.2, RFC 8410 §4).
      throw new GovernanceException(
          Reason.MALFORMED_KEY_FILE, "the public key in the key file has unused bits");
    }
    if (embedded != null && !Arrays.equals(embedded.getOctets(), derived)) {
      throw new GovernanceException(
          Reason.KEY_MISMATCH, "the public key in the key file is not the private key's");
    }
  }

  private static byte[] spki(AlgorithmIdentifier algorithm, byte[] key) throws GovernanceException {
    try {
      return new SubjectPublicKeyInfo(algorithm, key).getEncoded(ASN1Encoding.DER);
    } catch (IOException e) {
      throw new GovernanceException(Reason.MALFORMED_KEY_FILE, "cannot encode the public key", e);
    }
  }

  /** The key as an unencrypted PKCS#8 PEM block, ending with a newline. Secret: store with care. */
  public String toPem() {
    return Pem.encode(PEM_LABEL, privateKey.getEncoded());
  }

  /** The identity this key signs for. */
  public Identity identity() {
    return identity;
  }

  /** The private key, for TLS client authentication and signing. Never log it. */
  public PrivateKey privateKey() {
    return privateKey;
  }

  /** This key's approval of {@code message}. */
  public Approval approve(ApprovalMessage message) {
    try {
      return Approval.sign(privateKey, identity, message);
    } catch (GovernanceException e) {
      throw new IllegalStateException("a key cannot approve as its own identity", e);
    }
  }

  /** The DER SubjectPublicKeyInfo of the identity's key. */
  byte[] subjectPublicKeyInfo() {
    return identity.subjectPublicKeyInfo();
  }

  /** The JCA name of the certificate signature algorithm for this key (RFC 5758, RFC 8410). */
  String certificateSignatureAlgorithm() {
    return switch (identity.type()) {
      case ED25519 -> "Ed25519";
      case P256 -> "SHA256withECDSA";
      case P384 -> "SHA384withECDSA";
      case CERT_SHA256 -> throw new IllegalStateException("not a key identity");
    };
  }

  /** The identity only: the key never appears in text. */
  @Override
  public String toString() {
    return "IdentityKey[" + identity + "]";
  }
}
