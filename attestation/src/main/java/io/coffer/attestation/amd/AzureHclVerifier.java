package io.coffer.attestation.amd;

import io.coffer.attestation.AttestationException;
import io.coffer.attestation.AttestationException.Reason;
import io.coffer.attestation.Collateral;
import io.coffer.attestation.Evidence;
import io.coffer.attestation.EvidenceType;
import io.coffer.attestation.EvidenceVerifier;
import io.coffer.attestation.TrustAnchors;
import io.coffer.attestation.VerificationOptions;
import io.coffer.attestation.VerifiedClaims;
import java.security.MessageDigest;
import java.util.Arrays;

/**
 * Verifies an Azure confidential VM's HCL report ({@link EvidenceType#SNP_AZURE_HCL}): the embedded
 * SEV-SNP report exactly as {@link SnpVerifier} does, then that its REPORT_DATA begins with the
 * digest of the HCL variable data (the runtime claims JSON) and is zero after it.
 *
 * <p>The binding rule is trustee's {@code az_snp_vtpm} check {@code REPORT_DATA[0..32] ==
 * SHA-256(variable data)}, generalised to the SHA-384 and SHA-512 hash types by digest length;
 * requiring the rest of REPORT_DATA to be zero is stricter than trustee. A mismatch is {@code
 * REPORT_SIGNATURE_INVALID}: the variable data is signed only through that digest, so data that
 * does not match it is data the VCEK did not sign — exactly what the reason says for the report.
 *
 * <p>Claims: the SNP report's ({@link SnpVerifier}; {@code reportData} is the SNP REPORT_DATA),
 * plus {@code hclVariableData} (the JSON's bytes) and, when the JSON has one, {@code hclUserData}.
 * The vTPM quote that usually travels with an HCL report is not part of this evidence and is not
 * verified; VMPL and the other policy fields are for a policy (the paravisor runs at VMPL 0).
 */
public final class AzureHclVerifier implements EvidenceVerifier {

  private final SnpVerifier snp;

  /** A verifier trusting the AMD ARKs of {@code anchors}. */
  public AzureHclVerifier(TrustAnchors anchors) {
    this(new SnpVerifier(anchors));
  }

  /** A verifier sharing {@code snp}'s cache of verified chains. */
  public AzureHclVerifier(SnpVerifier snp) {
    this.snp = snp;
  }

  @Override
  public VerifiedClaims verify(
      Evidence evidence, Collateral collateral, VerificationOptions options)
      throws AttestationException {
    if (evidence.type() != EvidenceType.SNP_AZURE_HCL) {
      throw new AttestationException(
          Reason.UNSUPPORTED_VERSION,
          "the Azure HCL verifier takes snp-azure-hcl evidence, not " + evidence.type().cliName());
    }
    HclReport hcl = HclReport.parse(evidence.bytes());
    VerifiedReport verified = snp.verifyReport(hcl.snpReport(), collateral, options.at());
    checkBinding(hcl, verified.report());
    VerifiedClaims.Builder b = SnpClaims.of(EvidenceType.SNP_AZURE_HCL, verified, options.at());
    b.bytes("hclVariableData", hcl.variableData());
    hcl.userData().ifPresent(u -> b.bytes("hclUserData", u));
    return b.build();
  }

  /**
   * REPORT_DATA must be the variable data's digest, then zeros.
   *
   * @throws AttestationException {@code REPORT_SIGNATURE_INVALID} if it is not
   */
  static void checkBinding(HclReport hcl, SnpReport report) throws AttestationException {
    byte[] digest = hcl.variableDataDigest();
    byte[] reportData = report.reportData();
    int n = digest.length;
    if (!MessageDigest.isEqual(Arrays.copyOf(reportData, n), digest)) {
      throw new AttestationException(
          Reason.REPORT_SIGNATURE_INVALID,
          "the HCL variable data's "
              + hcl.hashType()
              + " digest is not the SNP report's REPORT_DATA: the variable data is not signed");
    }
    if (LittleEndian.firstNonZero(reportData, n, reportData.length) >= 0) {
      throw new AttestationException(
          Reason.REPORT_SIGNATURE_INVALID,
          "the SNP report's REPORT_DATA has non-zero bytes after the HCL variable data's digest");
    }
  }
}
