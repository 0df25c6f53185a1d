package io.coffer.attestation.amd;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.coffer.attestation.AttestationException;
import io.coffer.attestation.Collateral;
import io.coffer.attestation.Evidence;
import io.coffer.attestation.EvidenceType;
import io.coffer.attestation.TrustAnchors;
import io.coffer.attestation.VerificationOptions;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * Feeds the SEV-SNP and Azure HCL verifiers arbitrary reports and changed published reports:
 * nothing may escape but {@link AttestationException}, and no changed report may verify unless the
 * change left every signed or bound byte as it was (an ECDSA signature has a second valid form, so
 * the signature bytes themselves are not compared).
 *
 * <p>Input: byte 0 picks the target. 0 verifies the rest of the input as an SNP report and as an
 * HCL report, with the collateral of every vector. 1 to 4 take one of the published reports (three
 * SNP reports, one HCL report) with its VCEK or VLEK and apply the rest of the input as edits,
 * three bytes each: a little-endian offset into the report and a value to XOR there (an offset past
 * the end truncates the report there instead). Runs the seeds under {@code
 * SnpReportFuzzTestInputs/} in the normal test suite; {@code JAZZER_FUZZ=1} fuzzes (see
 * docs/fuzzing.md).
 */
class SnpReportFuzzTest {

  private record Base(EvidenceType type, byte[] report, Collateral collateral, Instant at) {}

  private static final SnpVerifier SNP = new SnpVerifier(TrustAnchors.defaults());
  private static final AzureHclVerifier HCL = new AzureHclVerifier(SNP);

  private static final List<Base> BASES = bases();

  private static final Collateral ALL = all();

  private static List<Base> bases() {
    try {
      return List.of(
          new Base(
              EvidenceType.SNP,
              SnpVectors.bytes(SnpVectors.GSG + "attestation.bin"),
              SnpVectors.collateral(SnpVectors.GSG + "vcek.testcer"),
              SnpVectors.VCEK_TIME),
          new Base(
              EvidenceType.SNP,
              SnpVectors.bytes(SnpVectors.TRUSTEE_VCEK + "test-report.bin"),
              SnpVectors.collateral(SnpVectors.TRUSTEE_VCEK + "test-vcek.der"),
              SnpVectors.VCEK_TIME),
          new Base(
              EvidenceType.SNP,
              SnpVectors.bytes(SnpVectors.TRUSTEE_VLEK + "test-vlek-report.bin"),
              SnpVectors.collateral(SnpVectors.TRUSTEE_VLEK + "test-vlek.der"),
              SnpVectors.VLEK_TIME),
          new Base(
              EvidenceType.SNP_AZURE_HCL,
              SnpVectors.bytes(SnpVectors.AZURE + "hcl-report.bin"),
              SnpVectors.collateral(SnpVectors.AZURE + "vcek.pem"),
              SnpVectors.VCEK_TIME));
    } catch (AttestationException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Collateral all() {
    Collateral c = Collateral.empty();
    for (Base b : BASES) {
      c = c.plus(b.collateral());
    }
    return c;
  }

  private static void verify(Evidence evidence, Collateral collateral, Instant at)
      throws AttestationException {
    VerificationOptions options = VerificationOptions.at(at);
    if (evidence.type() == EvidenceType.SNP) {
      SNP.verify(evidence, collateral, options);
    } else {
      HCL.verify(evidence, collateral, options);
    }
  }

  @FuzzTest(maxDuration = "10s")
  void reportAcceptsOrRefusesAnyBytes(byte[] input) throws AttestationException {
    if (input.length == 0) {
      return;
    }
    int target = (input[0] & 0xff) % (BASES.size() + 1);
    byte[] rest = Arrays.copyOfRange(input, 1, input.length);
    if (target == 0) {
      for (EvidenceType type : List.of(EvidenceType.SNP, EvidenceType.SNP_AZURE_HCL)) {
        try {
          verify(new Evidence(type, rest), ALL, SnpVectors.VCEK_TIME);
        } catch (AttestationException expected) {
          // The one failure the verifier may report.
        } catch (IllegalArgumentException tooLarge) {
          // Evidence refuses more than its maximum size before any verifier sees it.
        }
      }
      return;
    }
    Base base = BASES.get(target - 1);
    byte[] report = base.report().clone();
    for (int i = 0; i + 2 < rest.length; i += 3) {
      int offset = (rest[i] & 0xff) | (rest[i + 1] & 0xff) << 8;
      if (offset >= report.length) {
        report = Arrays.copyOf(report, report.length / 2);
      } else {
        report[offset] ^= rest[i + 2];
      }
    }
    boolean changed = !Arrays.equals(report, base.report());
    try {
      verify(new Evidence(base.type(), report), base.collateral(), base.at());
      if (changed && !sameContent(base, report)) {
        throw new IllegalStateException("a changed report verified");
      }
    } catch (AttestationException expected) {
      if (!changed) {
        throw expected;
      }
    }
  }

  /**
   * Whether a changed report says the same as the original: the same signed bytes of the SNP report
   * (its reserved bytes must be zero, so only the signature can differ, and only in its other valid
   * ECDSA form (r, n - s)); for an HCL report also the same variable data (its header's other
   * fields and the padding are not bound).
   */
  private static boolean sameContent(Base base, byte[] changed) throws AttestationException {
    if (base.type() == EvidenceType.SNP) {
      return Arrays.equals(
          SnpReport.parse(base.report()).signedBytes(), SnpReport.parse(changed).signedBytes());
    }
    HclReport a = HclReport.parse(base.report());
    HclReport b = HclReport.parse(changed);
    return Arrays.equals(
            SnpReport.parse(a.snpReport()).signedBytes(),
            SnpReport.parse(b.snpReport()).signedBytes())
        && Arrays.equals(a.variableData(), b.variableData());
  }
}
