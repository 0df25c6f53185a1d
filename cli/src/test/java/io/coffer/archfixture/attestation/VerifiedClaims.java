package io.coffer.archfixture.attestation;

/** Stands for the real claims type: only attestation's verifiers may build one. */
public final class VerifiedClaims {

  private VerifiedClaims() {}

  /** The builder only verifiers may call. */
  public static VerifiedClaims builder() {
    return new VerifiedClaims();
  }

  /** A verifier inside attestation builds claims: allowed. */
  static VerifiedClaims fromAVerifier() {
    return builder();
  }
}
