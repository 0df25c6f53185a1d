package io.coffer.cas.provision;

import io.coffer.cas.provision.EarException.Reason;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a signed EAR's claims set (draft-ietf-rats-ear-03 §3, §3.1) into a {@link VerifiedEar},
 * strictly for the claims it defines and ignoring others (§4: "A receiver MUST ignore any unknown
 * claim"). Times and the nonce are read here and judged by {@link EarVerifier}.
 */
final class EarClaimsReader {

  static final int MAX_SUBMODULES = 64;

  private static final Set<String> APPRAISAL_CLAIMS =
      Set.of(
          EarClaims.STATUS,
          EarClaims.TRUSTWORTHINESS_VECTOR,
          EarClaims.APPRAISAL_POLICY_IDS,
          EarClaims.EAT_PROFILE);

  private EarClaimsReader() {}

  static VerifiedEar read(Map<String, Object> claims) throws EarException {
    Instant issuedAt = time(claims, "iat");
    if (!claims.containsKey("exp")) {
      throw new EarException(Reason.EXPIRED, "exp is missing: the token never expires");
    }
    Instant expiresAt = time(claims, "exp");
    String issuer = text(claims, "iss", "iss");
    Optional<String> subject =
        claims.containsKey("sub") ? Optional.of(text(claims, "sub", "sub")) : Optional.empty();
    Map<String, Object> verifierId = map(claims, EarClaims.VERIFIER_ID, EarClaims.VERIFIER_ID);
    String developer = text(verifierId, "developer", "ear_verifier_id.developer");
    String build = text(verifierId, "build", "ear_verifier_id.build");
    Map<String, Object> submods = map(claims, EarClaims.SUBMODS, EarClaims.SUBMODS);
    if (submods.isEmpty() || submods.size() > MAX_SUBMODULES) {
      throw invalid("submods: 1 to " + MAX_SUBMODULES + " entries (§3)");
    }
    Map<String, VerifiedEar.Appraisal> appraisals = new LinkedHashMap<>();
    TrustTier worst = TrustTier.NONE;
    for (Map.Entry<String, Object> e : submods.entrySet()) {
      VerifiedEar.Appraisal a = appraisal(e.getKey(), e.getValue());
      appraisals.put(e.getKey(), a);
      worst = worst.worse(a.status());
    }
    TrustTier status = worst;
    if (claims.containsKey(EarClaims.STATUS)) {
      status = tier(claims.get(EarClaims.STATUS), EarClaims.STATUS);
      // §3: no higher trust than the worst submodule.
      if (status.compareTo(worst) < 0) {
        throw invalid(
            "ear_status " + status.json() + " is better than a submodule's " + worst.json());
      }
    }
    return new VerifiedEar(
        issuer,
        subject,
        issuedAt,
        expiresAt,
        developer,
        build,
        status,
        appraisals,
        nonce(claims),
        jkt(claims));
  }

  private static VerifiedEar.Appraisal appraisal(String label, Object value) throws EarException {
    String path = "submods." + label;
    if (!(value instanceof Map<?, ?> raw)) {
      throw invalid(path + ": not an object");
    }
    Map<String, Object> m = stringKeys(raw, path);
    if (!m.containsKey(EarClaims.STATUS)) {
      throw invalid(path + ".ear_status is missing (§3.1)");
    }
    TrustTier status = tier(m.get(EarClaims.STATUS), path + ".ear_status");
    TrustworthinessVector vector = new TrustworthinessVector(Map.of());
    if (m.containsKey(EarClaims.TRUSTWORTHINESS_VECTOR)) {
      vector = vector(map(m, EarClaims.TRUSTWORTHINESS_VECTOR, path), path);
    }
    // §3.1: no higher trust than the worst claim of the vector.
    if (status.compareTo(vector.status()) < 0) {
      throw invalid(path + ".ear_status is better than its trustworthiness vector allows");
    }
    List<String> policyIds = new ArrayList<>();
    if (m.containsKey(EarClaims.APPRAISAL_POLICY_IDS)) {
      if (!(m.get(EarClaims.APPRAISAL_POLICY_IDS) instanceof List<?> ids) || ids.isEmpty()) {
        throw invalid(path + ".ear_appraisal_policy_ids: not a non-empty array (§3.1)");
      }
      for (Object id : ids) {
        if (!(id instanceof String s)) {
          throw invalid(path + ".ear_appraisal_policy_ids: an entry is not a string");
        }
        policyIds.add(s);
      }
    }
    Map<String, Object> extensions = new LinkedHashMap<>();
    m.forEach((k, v) -> {
      if (!APPRAISAL_CLAIMS.contains(k) && v != null) {
        extensions.put(k, v);
      }
    });
    return new VerifiedEar.Appraisal(status, vector, policyIds, extensions);
  }

  private static TrustworthinessVector vector(Map<String, Object> json, String path)
      throws EarException {
    EnumMap<TrustClaim, Integer> values = new EnumMap<>(TrustClaim.class);
    for (Map.Entry<String, Object> e : json.entrySet()) {
      Optional<TrustClaim> claim = TrustClaim.fromJson(e.getKey());
      if (claim.isEmpty()) {
        continue; // a claim defined after this code: ignored (§4)
      }
      if (!(e.getValue() instanceof Long l) || l < -128 || l > 127) {
        throw invalid(
            path + ".ear_trustworthiness_vector." + e.getKey() + ": not a signed 8-bit integer");
      }
      values.put(claim.get(), l.intValue());
    }
    return new TrustworthinessVector(values);
  }

  private static Optional<byte[]> nonce(Map<String, Object> claims) throws EarException {
    if (!claims.containsKey(EarClaims.EAT_NONCE)) {
      return Optional.empty();
    }
    String text = text(claims, EarClaims.EAT_NONCE, EarClaims.EAT_NONCE);
    byte[] nonce;
    try {
      nonce = Base64.getUrlDecoder().decode(text);
    } catch (IllegalArgumentException e) {
      throw invalid("eat_nonce: not base64url");
    }
    if (text.indexOf('=') >= 0
        || nonce.length < EarAppraisal.MIN_NONCE_BYTES
        || nonce.length > EarAppraisal.MAX_NONCE_BYTES) {
      throw invalid("eat_nonce: not 8 to 64 bytes in unpadded base64url (RFC 9711 §4.1)");
    }
    return Optional.of(nonce);
  }

  private static Optional<KeyThumbprint> jkt(Map<String, Object> claims) throws EarException {
    if (!claims.containsKey(EarClaims.CNF)) {
      return Optional.empty();
    }
    Map<String, Object> cnf = map(claims, EarClaims.CNF, EarClaims.CNF);
    if (!cnf.containsKey(EarClaims.JKT)) {
      return Optional.empty();
    }
    String text = text(cnf, EarClaims.JKT, "cnf.jkt");
    try {
      byte[] digest = Base64.getUrlDecoder().decode(text);
      if (text.indexOf('=') >= 0 || digest.length != KeyThumbprint.LENGTH) {
        throw invalid("cnf.jkt: not a SHA-256 thumbprint in unpadded base64url");
      }
      return Optional.of(new KeyThumbprint(digest));
    } catch (IllegalArgumentException e) {
      throw invalid("cnf.jkt: not base64url");
    }
  }

  // §3: NumericDate as an integer; a floating-point iat or exp is an error.
  private static Instant time(Map<String, Object> claims, String name) throws EarException {
    if (!(claims.get(name) instanceof Long seconds)) {
      throw invalid(name + ": missing or not an integer NumericDate");
    }
    try {
      return Instant.ofEpochSecond(seconds);
    } catch (DateTimeException e) {
      throw invalid(name + ": " + seconds + " is out of the range of time");
    }
  }

  private static TrustTier tier(Object value, String path) throws EarException {
    if (value instanceof String s) {
      Optional<TrustTier> t = TrustTier.fromJson(s);
      if (t.isPresent()) {
        return t.get();
      }
    }
    throw invalid(path + ": not one of none, affirming, warning, contraindicated");
  }

  private static String text(Map<String, Object> m, String key, String path) throws EarException {
    if (!(m.get(key) instanceof String s) || s.isEmpty()) {
      throw invalid(path + ": missing or not a non-empty string");
    }
    return s;
  }

  private static Map<String, Object> map(Map<String, Object> m, String key, String path)
      throws EarException {
    if (!(m.get(key) instanceof Map<?, ?> raw)) {
      throw invalid(path + ": missing or not an object");
    }
    return stringKeys(raw, path);
  }

  private static Map<String, Object> stringKeys(Map<?, ?> raw, String path) throws EarException {
    Map<String, Object> m = new LinkedHashMap<>();
    for (Map.Entry<?, ?> e : raw.entrySet()) {
      if (!(e.getKey() instanceof String k)) {
        throw invalid(path + ": a key is not a string");
      }
      m.put(k, e.getValue());
    }
    return m;
  }

  private static EarException invalid(String message) {
    return new EarException(Reason.INVALID_CLAIMS, message);
  }
}
