package io.coffer.bench.cas;

import io.coffer.attestation.EvidenceType;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What the CAS verifies for each attestation of the attest mix. The workload's evidence is always
 * simulated, since it must bind the challenge's nonce and the workload's fresh key. With {@link
 * #SGX} or {@link #TDX} the CAS also verifies one published DCAP quote per attestation ({@link
 * RealQuoteCheck}): the cost of a real quote on top of the flow.
 */
public enum EvidenceKind {
  /** Simulated evidence only. */
  SIMULATION(Optional.empty()),
  /** Simulated flow + the published SGX quote {@code sgx/dcap-qvl-sgx-v3} verified each time. */
  SGX(
      Optional.of(
          new QuoteVector(
              EvidenceType.SGX,
              "sgx/dcap-qvl-sgx-v3/sgx_quote",
              "sgx/dcap-qvl-sgx-v3/sgx_quote_collateral.json",
              Instant.ofEpochSecond(1752919277L)))),
  /** Simulated flow + the published TDX quote {@code tdx/dcap-qvl-tdx-v4} verified each time. */
  TDX(
      Optional.of(
          new QuoteVector(
              EvidenceType.TDX,
              "tdx/dcap-qvl-tdx-v4/tdx_quote",
              "tdx/dcap-qvl-tdx-v4/tdx_quote_collateral.json",
              Instant.ofEpochSecond(1752919234L))));

  private final Optional<QuoteVector> realQuote;

  EvidenceKind(Optional<QuoteVector> realQuote) {
    this.realQuote = realQuote;
  }

  /** The published quote verified along with each attestation; empty for simulation only. */
  public Optional<QuoteVector> realQuote() {
    return realQuote;
  }

  /** The option's spelling: {@code simulation}, {@code sgx}, {@code tdx}. */
  public String cliName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** What a report says the CAS verified for each attestation. */
  public String describe() {
    return realQuote.isEmpty()
        ? "simulated evidence"
        : "simulated flow + one real " + name() + " quote verified per attestation";
  }

  /** The kind an option names; an unknown name is an error. */
  public static EvidenceKind parse(String text) {
    for (EvidenceKind k : values()) {
      if (k.cliName().equals(text)) {
        return k;
      }
    }
    throw new IllegalArgumentException(
        "--evidence: expected one of "
            + Arrays.stream(values()).map(EvidenceKind::cliName).toList()
            + ", got \""
            + text
            + "\"");
  }
}
