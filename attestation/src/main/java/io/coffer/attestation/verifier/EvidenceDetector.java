package io.coffer.attestation.verifier;

import io.coffer.attestation.AttestationException;
import io.coffer.attestation.AttestationException.Reason;
import io.coffer.attestation.EvidenceType;
import io.coffer.attestation.simulation.SimulatedEvidence;
import java.nio.charset.StandardCharsets;

/**
 * Recognises the format of evidence from its first bytes: Coffer simulation magic, an Azure HCL
 * report ({@code HCLA}), an Intel DCAP quote (version 3/4/5 with attestation key type 2; TDX by TEE
 * type 0x81 or body type 2/3), or an AMD SEV-SNP report (1184 bytes, version 2 or later, signature
 * algorithm 1).
 */
public final class EvidenceDetector {

  /** The size of an SEV-SNP attestation report. */
  static final int SNP_REPORT_SIZE = 0x4A0;

  private EvidenceDetector() {}

  /**
   * The type of {@code evidence}.
   *
   * @throws AttestationException {@code MALFORMED_EVIDENCE} when it is none of the known formats
   */
  public static EvidenceType detect(byte[] evidence) throws AttestationException {
    if (SimulatedEvidence.looksLike(evidence)) {
      return EvidenceType.SIMULATION;
    }
    if (evidence.length >= 4
        && new String(evidence, 0, 4, StandardCharsets.US_ASCII).equals("HCLA")) {
      return EvidenceType.SNP_AZURE_HCL;
    }
    if (evidence.length >= 56) {
      int version = u16(evidence, 0);
      int keyType = u16(evidence, 2);
      long teeType = u16(evidence, 4) | (long) u16(evidence, 6) << 16;
      if (keyType == 2 && version >= 3 && version <= 5) {
        if (version == 3) {
          return EvidenceType.SGX;
        }
        if (version == 5) {
          int bodyType = u16(evidence, 48);
          return bodyType == 1 ? EvidenceType.SGX : EvidenceType.TDX;
        }
        return teeType == 0x81 ? EvidenceType.TDX : EvidenceType.SGX;
      }
    }
    if (evidence.length >= SNP_REPORT_SIZE) {
      long version = u16(evidence, 0) | (long) u16(evidence, 2) << 16;
      long algorithm = u16(evidence, 0x34) | (long) u16(evidence, 0x36) << 16;
      if (version >= 2 && version <= 255 && algorithm == 1) {
        return EvidenceType.SNP;
      }
    }
    throw new AttestationException(
        Reason.MALFORMED_EVIDENCE,
        "not recognised as an SGX or TDX quote, an SEV-SNP report, an Azure HCL report or"
            + " simulated evidence");
  }

  private static int u16(byte[] b, int offset) {
    return (b[offset] & 0xff) | (b[offset + 1] & 0xff) << 8;
  }
}
