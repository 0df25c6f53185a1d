package io.coffer.cas.secrets;

import io.coffer.cas.pki.SubjectKey;
import java.io.IOException;
import java.io.StringReader;
import java.security.PrivateKey;
import java.security.PublicKey;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.RSAKeyParameters;
import org.bouncycastle.crypto.params.RSAPrivateCrtKeyParameters;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.crypto.util.SubjectPublicKeyInfoFactory;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;

/**
 * Reads the PEM PKCS#8 private key a stakeholder gives as the {@code value} of a {@code
 * private-key} secret (RFC 7468 §10, label {@code PRIVATE KEY}, one block, unencrypted) and derives
 * its public key. Accepted: EC P-256, P-384, P-521, Ed25519, RSA of 2048 bits or more (CRT form).
 */
final class GivenPrivateKey {

  private GivenPrivateKey() {}

  /**
   * The key pair of {@code pem}.
   *
   * @throws IllegalArgumentException saying what is wrong, never containing the key
   */
  static SecretValue.PrivateKeyValue read(String pem) {
    PrivateKeyInfo info;
    try (PEMParser parser = new PEMParser(new StringReader(pem))) {
      Object first = parser.readObject();
      if (!(first instanceof PrivateKeyInfo pki)) {
        throw new IllegalArgumentException(
            "not an unencrypted PKCS#8 PEM private key (BEGIN PRIVATE KEY)");
      }
      if (parser.readObject() != null) {
        throw new IllegalArgumentException("more than one PEM block");
      }
      info = pki;
    } catch (IOException | RuntimeException e) {
      if (e instanceof IllegalArgumentException iae && iae.getCause() == null) {
        throw iae;
      }
      throw new IllegalArgumentException("the PEM private key does not parse", e);
    }
    // Messages of BouncyCastle's exceptions are not passed on: they could quote the key.
    AsymmetricKeyParameter privateParameters;
    try {
      privateParameters = PrivateKeyFactory.createKey(info);
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException("the private key does not parse", e);
    }
    AsymmetricKeyParameter publicParameters = publicOf(privateParameters);
    PrivateKey key;
    PublicKey publicKey;
    try {
      JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
      key = converter.getPrivateKey(info);
      SubjectPublicKeyInfo spki =
          SubjectPublicKeyInfoFactory.createSubjectPublicKeyInfo(publicParameters);
      publicKey = converter.getPublicKey(spki);
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException("the private key does not convert to a JCA key", e);
    }
    SubjectKey.of(publicKey);
    return new SecretValue.PrivateKeyValue(key, publicKey);
  }

  private static AsymmetricKeyParameter publicOf(AsymmetricKeyParameter key) {
    return switch (key) {
      case ECPrivateKeyParameters ec ->
          new ECPublicKeyParameters(
              new FixedPointCombMultiplier()
                  .multiply(ec.getParameters().getG(), ec.getD())
                  .normalize(),
              ec.getParameters());
      case Ed25519PrivateKeyParameters ed -> ed.generatePublicKey();
      case RSAPrivateCrtKeyParameters rsa ->
          new RSAKeyParameters(false, rsa.getModulus(), rsa.getPublicExponent());
      default ->
          throw new IllegalArgumentException(
              "a private key of type "
                  + key.getClass().getSimpleName().replace("PrivateKeyParameters", "")
                  + " is not accepted (EC P-256, P-384, P-521, Ed25519 or RSA)");
    };
  }
}
