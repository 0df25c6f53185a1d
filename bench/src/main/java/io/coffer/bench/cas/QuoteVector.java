package io.coffer.bench.cas;

import io.coffer.attestation.EvidenceType;
import java.time.Instant;
import java.util.Objects;

/**
 * A published quote among the attestation module's test vectors, with its collateral and the
 * instant its source verified it at (the collateral has expired since).
 *
 * @param type SGX or TDX
 * @param quoteFile the quote, relative to the vectors' folder
 * @param collateralFile its collateral (JSON), relative to the same folder
 * @param verifiedAt when it is verified
 */
public record QuoteVector(
    EvidenceType type, String quoteFile, String collateralFile, Instant verifiedAt) {

  public QuoteVector {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(quoteFile, "quoteFile");
    Objects.requireNonNull(collateralFile, "collateralFile");
    Objects.requireNonNull(verifiedAt, "verifiedAt");
  }
}
