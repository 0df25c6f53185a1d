package io.coffer.cas.provision;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.util.Base64;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.util.Date;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Issues EAT Attestation Results (EAR, draft-ietf-rats-ear-03) for admitted workloads, as JWTs
 * signed with ES256 (RFC 7518 §3.4) by the CAS's TLS key (ECDSA P-256), with {@code kid} the RFC
 * 7638 thumbprint of that key and {@code typ} {@code application/eat+jwt; eat_profile="..."} (RFC
 * 9782, EAR §5).
 *
 * <p>The claims set (EAR §3): {@code eat_profile}; {@code iat} and {@code exp} (integers, RFC 7519
 * §4.1.6 and §4.1.4); {@code iss}, the CAS's name; {@code sub}, the workload's SPIFFE ID (RFC 7519
 * §4.1.2); {@code ear_verifier_id} {developer, build} (AR4SI §3.3); {@code eat_nonce}, the
 * challenge nonce in base64url (RFC 9711 §4.1); {@code ear_status}, the overall status; {@code cnf}
 * {@code {jkt}}, the attested key's thumbprint (RFC 7800 §3.1, RFC 9449 §6.1); and {@code submods}
 * with one appraisal labelled {@code <policy>/<service>}, carrying (§3.1) {@code eat_profile}
 * {@value EarClaims#APPRAISAL_PROFILE}, {@code ear_status}, {@code ear_trustworthiness_vector}
 * ({@link TrustworthinessVector}, whose description has the mapping), {@code
 * ear_appraisal_policy_ids} {@code ["policy:<name>@<hash>"]}, and the extension {@value
 * EarClaims#COFFER} (§4.1): {@code policy}, {@code policy-hash}, {@code service}, {@code platform}
 * ({@code sgx}, {@code tdx}, {@code snp}, {@code simulation}), {@code simulated}, {@code debug},
 * {@code tcb-status} (Intel's names), {@code advisory-ids} and {@code measurements} (claim name to
 * lower-case hex).
 *
 * <p>Thread-safe; the signer, header and key set are made once, so an EAR costs one ECDSA signature
 * and the JSON of its claims.
 */
public final class EarIssuer {

  private final JWSHeader header;
  private final ECDSASigner signer;
  private final String issuer;
  private final Map<String, Object> verifierId;
  private final String verificationKeys;

  /**
   * An issuer signing with {@code signingKey}, whose public key is in {@code signingCert}.
   *
   * @param issuer the CAS's name, for {@code iss}
   * @param verifierBuild the CAS's build, for {@code ear_verifier_id.build}
   * @throws IllegalArgumentException unless the key is an ECDSA P-256 private key and the
   *     certificate holds its public key
   */
  public EarIssuer(
      PrivateKey signingKey, X509Certificate signingCert, String issuer, String verifierBuild) {
    Objects.requireNonNull(signingKey, "signingKey");
    Objects.requireNonNull(signingCert, "signingCert");
    this.issuer = requireText("issuer", issuer);
    requireText("verifierBuild", verifierBuild);
    if (!(signingKey instanceof ECPrivateKey ecPrivate)
        || !Curve.P_256.equals(Curve.forECParameterSpec(ecPrivate.getParams()))) {
      throw new IllegalArgumentException("the EAR signing key must be an ECDSA P-256 private key");
    }
    if (!(signingCert.getPublicKey() instanceof ECPublicKey ecPublic)
        || !Curve.P_256.equals(Curve.forECParameterSpec(ecPublic.getParams()))) {
      throw new IllegalArgumentException("the EAR signing certificate must hold a P-256 key");
    }
    ECKey publicJwk;
    try {
      String kid = new ECKey.Builder(Curve.P_256, ecPublic).build().computeThumbprint().toString();
      publicJwk =
          new ECKey.Builder(Curve.P_256, ecPublic)
              .keyUse(KeyUse.SIGNATURE)
              .algorithm(JWSAlgorithm.ES256)
              .keyID(kid)
              .x509CertChain(List.of(Base64.encode(signingCert.getEncoded())))
              .build();
      this.signer = new ECDSASigner(ecPrivate);
      checkPair(signer, new ECDSAVerifier(ecPublic));
    } catch (JOSEException | CertificateEncodingException e) {
      throw new IllegalArgumentException(
          "the EAR signing key cannot be used: " + e.getMessage(), e);
    }
    this.header =
        new JWSHeader.Builder(JWSAlgorithm.ES256)
            .type(new JOSEObjectType(EarClaims.TYPE))
            .keyID(publicJwk.getKeyID())
            .build();
    Map<String, Object> id = new LinkedHashMap<>();
    id.put("developer", EarClaims.DEVELOPER);
    id.put("build", verifierBuild);
    this.verifierId = Map.copyOf(id);
    this.verificationKeys = new JWKSet(publicJwk).toString(true);
  }

  /** The signed EAR for {@code appraisal}, in compact serialisation. */
  public String issue(EarAppraisal appraisal) {
    Objects.requireNonNull(appraisal, "appraisal");
    TrustworthinessVector vector = TrustworthinessVector.of(appraisal);
    TrustTier status = vector.status();
    Map<String, Object> submodule = new LinkedHashMap<>();
    submodule.put(EarClaims.EAT_PROFILE, EarClaims.APPRAISAL_PROFILE);
    submodule.put(EarClaims.STATUS, status.json());
    submodule.put(EarClaims.TRUSTWORTHINESS_VECTOR, vector.toJson());
    submodule.put(
        EarClaims.APPRAISAL_POLICY_IDS,
        List.of("policy:" + appraisal.policy() + "@" + appraisal.policyHash()));
    submodule.put(EarClaims.COFFER, extension(appraisal));
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .claim(EarClaims.EAT_PROFILE, EarClaims.PROFILE)
            .issueTime(Date.from(appraisal.issuedAt()))
            .expirationTime(Date.from(appraisal.expiresAt()))
            .issuer(issuer)
            .subject(appraisal.subject())
            .claim(EarClaims.VERIFIER_ID, verifierId)
            .claim(EarClaims.EAT_NONCE, Base64URL.encode(appraisal.nonce()).toString())
            .claim(EarClaims.STATUS, status.json())
            .claim(EarClaims.CNF, Map.of(EarClaims.JKT, appraisal.attestedKey().base64Url()))
            .claim(EarClaims.SUBMODS, Map.of(appraisal.submoduleLabel(), submodule))
            .build();
    SignedJWT jwt = new SignedJWT(header, claims);
    try {
      jwt.sign(signer);
    } catch (JOSEException e) {
      throw new IllegalStateException("ES256 signing failed with a checked key", e);
    }
    return jwt.serialize();
  }

  /**
   * The JWK Set (RFC 7517 §5) of the public key that verifies this issuer's EARs: {@code kty}
   * {@code EC}, {@code crv} {@code P-256}, {@code use} {@code sig}, {@code alg} {@code ES256},
   * {@code kid}, and {@code x5c} with the CAS's certificate. For {@code GET /v1/attest/verify-key}.
   */
  public String verificationKeys() {
    return verificationKeys;
  }

  private static Map<String, Object> extension(EarAppraisal a) {
    HexFormat hex = HexFormat.of();
    Map<String, Object> measurements = new LinkedHashMap<>();
    a.measurements().forEach((name, value) -> measurements.put(name, hex.formatHex(value)));
    Map<String, Object> ext = new LinkedHashMap<>();
    ext.put("policy", a.policy());
    ext.put("policy-hash", a.policyHash());
    ext.put("service", a.service());
    ext.put("platform", a.platform().name().toLowerCase(java.util.Locale.ROOT));
    ext.put("simulated", a.simulated());
    ext.put("debug", a.debug());
    ext.put("tcb-status", a.tcbStatus().text());
    ext.put("advisory-ids", a.advisoryIds());
    ext.put("measurements", measurements);
    return ext;
  }

  // The certificate must hold the signing key's public key: sign once and verify.
  private static void checkPair(ECDSASigner signer, ECDSAVerifier verifier) throws JOSEException {
    JWSHeader h = new JWSHeader(JWSAlgorithm.ES256);
    byte[] input = "coffer EAR key check".getBytes(StandardCharsets.US_ASCII);
    Base64URL signature = signer.sign(h, input);
    if (!verifier.verify(h, input, signature)) {
      throw new IllegalArgumentException(
          "the certificate does not hold the signing key's public key");
    }
  }

  private static String requireText(String field, String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(field + " must not be empty");
    }
    return value;
  }
}
