package io.coffer.attestation.amd;

import java.util.Objects;

/**
 * An SEV-SNP report whose signature, certificate chain and TCB and chip binding were verified.
 *
 * @param report the report
 * @param chain the verified chain of the key that signed it
 * @param tcbs its TCB_VERSION fields, decoded with the chain's product line
 */
record VerifiedReport(SnpReport report, VerifiedChain chain, SnpReport.Tcbs tcbs) {

  VerifiedReport {
    Objects.requireNonNull(report, "report");
    Objects.requireNonNull(chain, "chain");
    Objects.requireNonNull(tcbs, "tcbs");
  }
}
