package io.coffer.cas.provision;

import com.nimbusds.jose.Header;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.SignedJWT;
import io.coffer.cas.provision.EarException.Reason;
import java.security.MessageDigest;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Verifies an EAR for a relying party, offline, with the CAS's published key set ({@link
 * EarIssuer#verificationKeys()}). In order: the header's {@code alg} is ES256 (so {@code none},
 * HMAC with the public key as secret, and RSA are refused before anything else, RFC 8725 §3.1);
 * {@code typ} is the EAR type; the {@code kid} names an EC P-256 key of the set usable for ES256
 * signatures; the signature verifies; then the claims: {@code eat_profile} is the EAR profile
 * (draft-ietf-rats-ear-03 §3), {@code iat} and {@code exp} are integers (§3: a floating-point time
 * is an error), {@code exp} is present and after {@code now}, {@code iat} is not more than {@link
 * #CLOCK_SKEW} after {@code now}, the structure of §3 and §3.1 holds (no status better than its
 * vector or submodules allow), and the nonce is the expected one.
 *
 * <p>Not checked: what the status and vector mean for the relying party (its policy), and whether
 * the CAS is the one it should trust (the key set is the trust anchor: fetch it from a pinned CAS).
 */
public final class EarVerifier {

  /** How far in the future an {@code iat} may be, for clocks that disagree. */
  public static final Duration CLOCK_SKEW = Duration.ofSeconds(60);

  /** The largest token read, in characters. */
  public static final int MAX_TOKEN_CHARS = 64 * 1024;

  private static final JOSEObjectType TYPE = new JOSEObjectType(EarClaims.TYPE);

  // RFC 7515 §7.1 and §2: three base64url parts, without padding or any other character.
  private static final Pattern COMPACT = Pattern.compile("[A-Za-z0-9_-]*(\\.[A-Za-z0-9_-]*){2}");

  private EarVerifier() {}

  /**
   * The verified EAR in {@code token}.
   *
   * @param jwkSetJson the issuer's JWK Set (RFC 7517 §5)
   * @param now the verification time
   * @param expectedNonce the nonce the relying party expects in {@code eat_nonce}, if it sent one
   * @throws EarException when anything above does not hold; the reason says what
   */
  public static VerifiedEar verify(
      String token, String jwkSetJson, Instant now, Optional<byte[]> expectedNonce)
      throws EarException {
    Objects.requireNonNull(token, "token");
    Objects.requireNonNull(jwkSetJson, "jwkSetJson");
    Objects.requireNonNull(now, "now");
    Objects.requireNonNull(expectedNonce, "expectedNonce");
    SignedJWT jwt = parse(token);
    ECKey key = keyFor(jwt.getHeader(), jwkSetJson);
    try {
      if (!jwt.verify(new ECDSAVerifier(key))) {
        throw new EarException(Reason.BAD_SIGNATURE, "the ES256 signature does not verify");
      }
    } catch (JOSEException e) {
      throw new EarException(Reason.BAD_SIGNATURE, "the signature cannot be verified", e);
    }
    Map<String, Object> claims = jwt.getPayload().toJSONObject();
    if (claims == null) {
      throw new EarException(Reason.MALFORMED, "the payload is not a JSON object");
    }
    if (!EarClaims.PROFILE.equals(claims.get(EarClaims.EAT_PROFILE))) {
      throw new EarException(
          Reason.WRONG_PROFILE,
          "eat_profile is " + claims.get(EarClaims.EAT_PROFILE) + ", not " + EarClaims.PROFILE);
    }
    VerifiedEar ear = EarClaimsReader.read(claims);
    if (!now.isBefore(ear.expiresAt())) {
      throw new EarException(Reason.EXPIRED, "expired at " + ear.expiresAt());
    }
    if (ear.issuedAt().isAfter(now.plus(CLOCK_SKEW))) {
      throw new EarException(Reason.NOT_YET_VALID, "issued in the future, at " + ear.issuedAt());
    }
    if (expectedNonce.isPresent()) {
      byte[] expected = expectedNonce.get();
      if (ear.nonce().isEmpty() || !MessageDigest.isEqual(expected, ear.nonce().get())) {
        throw new EarException(Reason.NONCE_MISMATCH, "eat_nonce is not the expected nonce");
      }
    }
    return ear;
  }

  private static SignedJWT parse(String token) throws EarException {
    if (token.length() > MAX_TOKEN_CHARS) {
      throw new EarException(
          Reason.MALFORMED, "the token has more than " + MAX_TOKEN_CHARS + " characters");
    }
    int dot = token.indexOf('.');
    if (dot <= 0) {
      throw new EarException(Reason.MALFORMED, "not a compact JWS");
    }
    Header header;
    try {
      header = Header.parse(new Base64URL(token.substring(0, dot)));
    } catch (ParseException e) {
      throw new EarException(Reason.MALFORMED, "the header cannot be read: " + e.getMessage(), e);
    }
    // RFC 8725 §3.1: the algorithm is ours to choose, not the token's.
    if (!JWSAlgorithm.ES256.equals(header.getAlgorithm())) {
      throw new EarException(
          Reason.UNSUPPORTED_ALGORITHM,
          "header alg is " + header.getAlgorithm() + "; only ES256 is accepted");
    }
    // Nimbus skips characters outside the alphabet and trailing bits when it decodes: refuse them,
    // so that one signature has one token text.
    if (!COMPACT.matcher(token).matches()) {
      throw new EarException(
          Reason.MALFORMED, "not three base64url parts without other characters (RFC 7515 §7.1)");
    }
    SignedJWT jwt;
    try {
      jwt = SignedJWT.parse(token);
    } catch (ParseException e) {
      throw new EarException(Reason.MALFORMED, "not a compact JWS: " + e.getMessage(), e);
    }
    if (!Base64URL.encode(jwt.getSignature().decode()).equals(jwt.getSignature())) {
      throw new EarException(Reason.MALFORMED, "the signature is not canonical base64url");
    }
    if (!TYPE.equals(jwt.getHeader().getType())) {
      throw new EarException(
          Reason.WRONG_TYPE, "header typ is " + jwt.getHeader().getType() + ", not an EAR");
    }
    if (jwt.getHeader().getCriticalParams() != null) {
      throw new EarException(
          Reason.MALFORMED,
          "header crit " + jwt.getHeader().getCriticalParams() + " not understood");
    }
    return jwt;
  }

  private static ECKey keyFor(JWSHeader header, String jwkSetJson) throws EarException {
    JWKSet set;
    try {
      set = JWKSet.parse(jwkSetJson);
    } catch (ParseException e) {
      throw new EarException(
          Reason.KEY_SET_INVALID, "the key set cannot be read: " + e.getMessage(), e);
    }
    String kid = header.getKeyID();
    if (kid == null) {
      throw new EarException(Reason.UNKNOWN_KEY, "the token names no key (kid)");
    }
    JWK jwk = set.getKeyByKeyId(kid);
    if (!(jwk instanceof ECKey ec)
        || !Curve.P_256.equals(ec.getCurve())
        || (jwk.getKeyUse() != null && !KeyUse.SIGNATURE.equals(jwk.getKeyUse()))
        || (jwk.getAlgorithm() != null && !JWSAlgorithm.ES256.equals(jwk.getAlgorithm()))) {
      throw new EarException(
          Reason.UNKNOWN_KEY, "no ES256 P-256 signing key with kid '" + kid + "' in the key set");
    }
    return ec;
  }
}
