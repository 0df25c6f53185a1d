package io.coffer.cas.pki;

import io.coffer.policy.model.Secret;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.RSAKeyGenParameterSpec;

/**
 * Generates the key pairs of a policy's key types with the JCA, in the default provider order (so a
 * high-performance provider installed first is used).
 */
public final class KeyPairs {

  private KeyPairs() {}

  /**
   * A new key pair of {@code type}: EC on secp256r1 or secp384r1, Ed25519, or RSA of 3072 bits with
   * public exponent 65537.
   *
   * @throws IllegalStateException if the platform lacks the algorithm (a broken JDK)
   */
  public static KeyPair generate(Secret.KeyType type, SecureRandom random) {
    try {
      KeyPairGenerator generator =
          switch (type) {
            case P256 -> ec("secp256r1", random);
            case P384 -> ec("secp384r1", random);
            case ED25519 -> {
              KeyPairGenerator g = KeyPairGenerator.getInstance("Ed25519");
              g.initialize(255, random);
              yield g;
            }
            case RSA_3072 -> {
              KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
              g.initialize(new RSAKeyGenParameterSpec(3072, RSAKeyGenParameterSpec.F4), random);
              yield g;
            }
          };
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot generate a " + type.yamlName() + " key pair", e);
    }
  }

  private static KeyPairGenerator ec(String curve, SecureRandom random)
      throws GeneralSecurityException {
    KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
    g.initialize(new ECGenParameterSpec(curve), random);
    return g;
  }
}
