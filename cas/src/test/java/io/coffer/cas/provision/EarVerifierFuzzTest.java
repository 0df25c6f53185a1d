package io.coffer.cas.provision;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DERSequence;

/**
 * Feeds arbitrary tokens to {@link EarVerifier#verify} with a fixed issuer's key set, as the EARs a
 * relying party is handed: nothing may escape but an {@link EarException}, and nothing verifies
 * that the issuer did not sign. An accepted token is checked on a second path: three parts, an
 * ES256 header, and the JDK's {@code SHA256withECDSA} with the issuer's public key verifies its
 * signature (RFC 7518 §3.4, in canonical base64url) over its signing input (RFC 7515 §5.2); its
 * claims are not expired, not issued in the future, and carry the expected nonce.
 *
 * <p>Input: the low bit of byte 0 picks the target. {@code 0}: the rest is the token (UTF-8).
 * {@code 1}: the rest is the claims set, signed here by the issuer's key under the EAR header, so
 * that the claims reader behind the signature check sees it. The issuer's key is a fixed test key,
 * so that the seeds hold genuine tokens. In the normal test run this replays the seeds under {@code
 * EarVerifierFuzzTestInputs/}; {@code JAZZER_FUZZ=1} fuzzes (see docs/fuzzing.md).
 */
class EarVerifierFuzzTest {

  /** The CAS's EAR signing key: a fixed test key (private scalar 32 bytes 0x45). */
  static final KeyPair ISSUER_KEY = FixedKeys.p256((byte) 0x45);

  /** The relying party's clock: what the seeds were issued for. */
  static final Instant NOW = Instant.parse("2026-05-01T10:00:00Z");

  /** The nonce the relying party sent: bytes 0 to 31. */
  static final byte[] NONCE = nonce();

  /** The key set the relying party fetched from the pinned CAS. */
  static final String KEY_SET = keySet();

  private static final JWSHeader HEADER = header();

  private static byte[] nonce() {
    byte[] nonce = new byte[32];
    for (int i = 0; i < nonce.length; i++) {
      nonce[i] = (byte) i;
    }
    return nonce;
  }

  private static ECKey publicJwk() {
    try {
      ECKey key = new ECKey.Builder(Curve.P_256, (ECPublicKey) ISSUER_KEY.getPublic()).build();
      return new ECKey.Builder(key)
          .keyUse(com.nimbusds.jose.jwk.KeyUse.SIGNATURE)
          .algorithm(JWSAlgorithm.ES256)
          .keyID(key.computeThumbprint().toString())
          .build();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String keySet() {
    return new com.nimbusds.jose.jwk.JWKSet(publicJwk()).toString(true);
  }

  private static JWSHeader header() {
    return new JWSHeader.Builder(JWSAlgorithm.ES256)
        .type(new JOSEObjectType(EarClaims.TYPE))
        .keyID(publicJwk().getKeyID())
        .build();
  }

  /** {@code claims} signed by the issuer's key under the EAR header, in compact form. */
  static String signed(byte[] claims) {
    JWSObject jws = new JWSObject(HEADER, new Payload(claims));
    try {
      jws.sign(new ECDSASigner((ECPrivateKey) ISSUER_KEY.getPrivate()));
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
    return jws.serialize();
  }

  @FuzzTest(maxDuration = "10s")
  void verifyAcceptsOnlyTheIssuersTokens(byte[] input) {
    if (input.length < 1) {
      return;
    }
    byte[] rest = Arrays.copyOfRange(input, 1, input.length);
    String token = (input[0] & 1) == 0 ? new String(rest, StandardCharsets.UTF_8) : signed(rest);
    VerifiedEar ear;
    try {
      ear = EarVerifier.verify(token, KEY_SET, NOW, Optional.of(NONCE));
    } catch (EarException e) {
      return;
    }
    if (!signedByTheIssuer(token)) {
      throw new IllegalStateException("a token the issuer did not sign verified");
    }
    if (!NOW.isBefore(ear.expiresAt())
        || ear.issuedAt().isAfter(NOW.plus(EarVerifier.CLOCK_SKEW))
        || ear.nonce().map(n -> !Arrays.equals(n, NONCE)).orElse(true)) {
      throw new IllegalStateException("an expired, future or unbound token verified");
    }
  }

  /** RFC 7515 §5.2 with the JDK: the signature of the three parts' signing input verifies. */
  private static boolean signedByTheIssuer(String token) {
    String[] parts = token.split("\\.", -1);
    if (parts.length != 3) {
      return false;
    }
    try {
      String header = new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8);
      if (!JWSHeader.parse(header).getAlgorithm().equals(JWSAlgorithm.ES256)) {
        return false;
      }
      byte[] raw = Base64.getUrlDecoder().decode(parts[2]);
      if (raw.length != 64
          || !Base64.getUrlEncoder().withoutPadding().encodeToString(raw).equals(parts[2])) {
        return false;
      }
      ASN1EncodableVector rs = new ASN1EncodableVector();
      rs.add(new ASN1Integer(new BigInteger(1, Arrays.copyOfRange(raw, 0, 32))));
      rs.add(new ASN1Integer(new BigInteger(1, Arrays.copyOfRange(raw, 32, 64))));
      Signature verifier = Signature.getInstance("SHA256withECDSA");
      verifier.initVerify(ISSUER_KEY.getPublic());
      verifier.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
      return verifier.verify(new DERSequence(rs).getEncoded());
    } catch (java.text.ParseException
        | java.io.IOException
        | GeneralSecurityException
        | IllegalArgumentException e) {
      return false;
    }
  }
}
