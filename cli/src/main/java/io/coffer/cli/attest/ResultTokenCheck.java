package io.coffer.cli.attest;

import io.coffer.cas.provision.AttestedKey;
import io.coffer.cas.provision.EarException;
import io.coffer.cas.provision.EarVerifier;
import io.coffer.cas.provision.VerifiedEar;
import io.coffer.cli.command.CommandException;
import java.security.PublicKey;
import java.time.Instant;
import java.util.Optional;

/**
 * Checks the attestation result token of an admitted workload as a relying party would: with the
 * pinned CAS's {@code GET /v1/attest/verify-key} key set ({@link EarVerifier}), and that its {@code
 * cnf.jkt} names the workload's own key.
 *
 * <p>Not checked: {@code eat_nonce}, which is SHA-256 of a nonce the workload side does not keep.
 */
final class ResultTokenCheck {

  private ResultTokenCheck() {}

  /**
   * The verified token.
   *
   * @throws CommandException a definite no (exit 1) when the token does not verify or is for
   *     another key
   */
  static VerifiedEar verify(String token, String keySet, Instant now, PublicKey workloadKey) {
    VerifiedEar ear;
    try {
      ear = EarVerifier.verify(token, keySet, now, Optional.empty());
    } catch (EarException e) {
      throw CommandException.no(
          "the attestation result token does not verify with the CAS's verify-key: "
              + e.reason()
              + ": "
              + e.getMessage(),
          e);
    }
    if (!ear.attestedKey().equals(Optional.of(AttestedKey.of(workloadKey).thumbprint()))) {
      throw CommandException.no(
          "the attestation result token's cnf.jkt is not the thumbprint of this workload's key");
    }
    return ear;
  }
}
