package io.coffer.bench.cas;

import io.coffer.attestation.AttestationException;
import io.coffer.attestation.Collateral;
import io.coffer.attestation.Evidence;
import io.coffer.attestation.TrustAnchors;
import io.coffer.attestation.VerificationOptions;
import io.coffer.attestation.collateral.CollateralParser;
import io.coffer.attestation.testing.Vectors;
import io.coffer.attestation.verifier.AttestationVerifier;
import io.coffer.cas.attest.EvidenceCheck;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * A bench-only wrapper of the CAS's evidence check: every call first verifies one published DCAP
 * quote with the CAS's own verifier (so through its collateral cache), with the quote's collateral
 * at the quote's verification instant, and then the workload's evidence. A failure of either is the
 * check's failure, so a quote that stops verifying fails the run.
 *
 * <p>Why: a published quote's report data cannot bind the bench's nonce and key, so the workload
 * still proves itself with simulated evidence; the real quote adds what verifying one costs to each
 * attestation, which is what the measurement is for.
 *
 * <p>Restrictions: for measurements only. The quote's claims are discarded; they admit nothing.
 */
final class RealQuoteCheck implements UnaryOperator<EvidenceCheck> {

  private final Evidence quote;
  private final Collateral collateral;
  private final VerificationOptions options;

  private RealQuoteCheck(Evidence quote, Collateral collateral, VerificationOptions options) {
    this.quote = quote;
    this.collateral = collateral;
    this.options = options;
  }

  /**
   * Reads {@code vector} and verifies it once with a verifier of its own.
   *
   * @throws AttestationException if the collateral does not parse or the quote does not verify
   */
  static RealQuoteCheck load(QuoteVector vector) throws AttestationException {
    Evidence quote = new Evidence(vector.type(), Vectors.bytes(vector.quoteFile()));
    Collateral collateral =
        CollateralParser.parse(vector.collateralFile(), Vectors.bytes(vector.collateralFile()));
    VerificationOptions options = VerificationOptions.at(vector.verifiedAt());
    AttestationVerifier.create(TrustAnchors.defaults()).verify(quote, collateral, options);
    return new RealQuoteCheck(quote, collateral, options);
  }

  /** The wrapper for {@code kind}: none for simulation only. */
  static UnaryOperator<EvidenceCheck> forKind(EvidenceKind kind) throws AttestationException {
    if (kind.realQuote().isEmpty()) {
      return UnaryOperator.identity();
    }
    return load(kind.realQuote().get());
  }

  @Override
  public EvidenceCheck apply(EvidenceCheck check) {
    Objects.requireNonNull(check, "check");
    return (evidence, workloadCollateral, workloadOptions) -> {
      // Its claims admit nothing: only the work of verifying it counts.
      check.verify(quote, collateral, options);
      return check.verify(evidence, workloadCollateral, workloadOptions);
    };
  }
}
