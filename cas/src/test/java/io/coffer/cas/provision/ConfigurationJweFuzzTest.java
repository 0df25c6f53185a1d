package io.coffer.cas.provision;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.crypto.impl.ConcatKDF;
import com.nimbusds.jose.crypto.impl.ECDH;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.text.ParseException;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Feeds arbitrary text to {@link ConfigurationJwe#decrypt} with a fixed P-256 key, as the compact
 * JWE a workload receives through proxies it does not trust: nothing may escape but a {@link
 * ConfigurationJweException}, and nothing opens that was not encrypted to the key. An accepted JWE
 * is checked on a second path: its header is {@code ECDH-ES} with {@code A256GCM}, its {@code epk}
 * a P-256 key, and the JDK's ECDH with the fixed key, the Concat KDF (RFC 7518 §4.6.2) and the
 * JDK's AES-GCM over the protected header (RFC 7516 §5.2) give the same plaintext.
 *
 * <p>The input is the JWE text (UTF-8). The key is a fixed test key, so that the seeds hold JWEs to
 * it and to another key. In the normal test run this replays the seeds under {@code
 * ConfigurationJweFuzzTestInputs/}; {@code JAZZER_FUZZ=1} fuzzes (see docs/fuzzing.md).
 */
class ConfigurationJweFuzzTest {

  /** The workload's attested key: a fixed test key (private scalar 32 bytes 0x57). */
  static final KeyPair KEY = FixedKeys.p256((byte) 0x57);

  @FuzzTest(maxDuration = "10s")
  void decryptOpensOnlyJwesToTheKey(byte[] input) {
    String compact = new String(input, StandardCharsets.UTF_8);
    byte[] plaintext;
    try {
      plaintext = ConfigurationJwe.decrypt(compact, KEY.getPrivate());
    } catch (ConfigurationJweException e) {
      return;
    }
    if (!Arrays.equals(plaintext, openIndependently(compact))) {
      throw new IllegalStateException("an accepted JWE opens to another plaintext on its own");
    }
  }

  /** The plaintext of a JWE to {@link #KEY}, by the JDK's ECDH and AES-GCM (RFC 7516 §5.2). */
  private static byte[] openIndependently(String compact) {
    try {
      JWEObject jwe = JWEObject.parse(compact);
      JWEHeader header = jwe.getHeader();
      if (!JWEAlgorithm.ECDH_ES.equals(header.getAlgorithm())
          || !EncryptionMethod.A256GCM.equals(header.getEncryptionMethod())
          || header.getCompressionAlgorithm() != null
          || !(header.getEphemeralPublicKey() instanceof ECKey epk)
          || !Curve.P_256.equals(epk.getCurve())) {
        throw new IllegalStateException("an accepted JWE has another algorithm or key: " + header);
      }
      KeyAgreement agreement = KeyAgreement.getInstance("ECDH");
      agreement.init(KEY.getPrivate());
      agreement.doPhase(epk.toECPublicKey(), true);
      SecretKey z = new SecretKeySpec(agreement.generateSecret(), "AES");
      SecretKey cek = ECDH.deriveSharedKey(header, z, new ConcatKDF("SHA-256"));
      byte[] ciphertext = jwe.getCipherText().decode();
      byte[] tag = jwe.getAuthTag().decode();
      byte[] sealed = Arrays.copyOf(ciphertext, ciphertext.length + tag.length);
      System.arraycopy(tag, 0, sealed, ciphertext.length, tag.length);
      Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
      gcm.init(
          Cipher.DECRYPT_MODE,
          new SecretKeySpec(cek.getEncoded(), "AES"),
          new GCMParameterSpec(128, jwe.getIV().decode()));
      gcm.updateAAD(compact.substring(0, compact.indexOf('.')).getBytes(StandardCharsets.US_ASCII));
      return gcm.doFinal(sealed);
    } catch (ParseException | JOSEException | GeneralSecurityException e) {
      throw new IllegalStateException("an accepted JWE does not open on its own", e);
    }
  }
}
