package io.coffer.cas.provision;

/**
 * The names an EAR uses: draft-ietf-rats-ear-03 §3 (claims set) and §3.1 (appraisal), RFC 9711
 * (EAT), RFC 7519 (JWT), RFC 7800 (cnf), and Coffer's extension (§4.1: a collision-resistant public
 * claim name, RFC 7519 §4.2).
 */
final class EarClaims {

  /** §3: {@code eat_profile} MUST be this tag URI. */
  static final String PROFILE = "tag:ietf.org,2026:rats/ear#03";

  /**
   * The JWS {@code typ}: the EAT JWT media type (RFC 9782) with the EAR profile (§5). Kept with its
   * {@code application/} prefix: the profile contains a '/' (RFC 7515 §4.1.9).
   */
  static final String TYPE = "application/eat+jwt; eat_profile=\"" + PROFILE + "\"";

  /** The profile of Coffer's appraisals, which carry the extension (§3.1 {@code eat_profile}). */
  static final String APPRAISAL_PROFILE = "tag:coffer.dev,2026:ear-appraisal#1";

  /** Who develops the verifier, in {@code ear_verifier_id} (draft-ietf-rats-ar4si §3.3). */
  static final String DEVELOPER = "https://coffer.dev";

  static final String EAT_PROFILE = "eat_profile";
  static final String EAT_NONCE = "eat_nonce";
  static final String STATUS = "ear_status";
  static final String VERIFIER_ID = "ear_verifier_id";
  static final String SUBMODS = "submods";
  static final String TRUSTWORTHINESS_VECTOR = "ear_trustworthiness_vector";
  static final String APPRAISAL_POLICY_IDS = "ear_appraisal_policy_ids";
  static final String CNF = "cnf";
  static final String JKT = "jkt";

  /** Coffer's appraisal extension (§3.1 {@code $$ear-appraisal-extension}), a map. */
  static final String COFFER = "https://coffer.dev/ear/appraisal";

  private EarClaims() {}
}
