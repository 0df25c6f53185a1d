package io.coffer.attestation.amd;

import static io.coffer.attestation.amd.SnpVectors.AZURE;
import static io.coffer.attestation.amd.SnpVectors.GSG;
import static io.coffer.attestation.amd.SnpVectors.TRUSTEE_VCEK;
import static io.coffer.attestation.amd.SnpVectors.TRUSTEE_VLEK;
import static io.coffer.attestation.amd.SnpVectors.VCEK_TIME;
import static io.coffer.attestation.amd.SnpVectors.VLEK_TIME;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coffer.attestation.AttestationException;
import io.coffer.attestation.Collateral;
import io.coffer.attestation.Evidence;
import io.coffer.attestation.EvidenceType;
import io.coffer.attestation.TrustAnchors;
import io.coffer.attestation.VerificationOptions;
import java.time.Instant;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * Every single-byte change to a vector report is refused with an {@link AttestationException},
 * never anything else: every byte of a report is signed, reserved or the signature itself. For an
 * HCL report only its zero padding after the report size may change.
 */
class SnpReportPropertiesTest {

  private static final SnpVerifier SNP = new SnpVerifier(TrustAnchors.defaults());
  private static final AzureHclVerifier HCL = new AzureHclVerifier(SNP);

  private static final byte[] GSG_REPORT = SnpVectors.bytes(GSG + "attestation.bin");
  private static final byte[] TRUSTEE_REPORT = SnpVectors.bytes(TRUSTEE_VCEK + "test-report.bin");
  private static final byte[] VLEK_REPORT = SnpVectors.bytes(TRUSTEE_VLEK + "test-vlek-report.bin");
  private static final byte[] HCL_REPORT = SnpVectors.bytes(AZURE + "hcl-report.bin");

  private static Collateral collateral(String... paths) {
    try {
      return SnpVectors.collateral(paths);
    } catch (AttestationException e) {
      throw new IllegalStateException(e);
    }
  }

  private static final Collateral GSG_COLLATERAL = collateral(GSG + "vcek.testcer");
  private static final Collateral TRUSTEE_COLLATERAL = collateral(TRUSTEE_VCEK + "test-vcek.der");
  private static final Collateral VLEK_COLLATERAL = collateral(TRUSTEE_VLEK + "test-vlek.der");
  private static final Collateral HCL_COLLATERAL = collateral(AZURE + "vcek.pem");

  private static byte[] mutate(byte[] original, int index, int mask) {
    byte[] b = original.clone();
    b[index] ^= (byte) mask;
    return b;
  }

  private static void refused(EvidenceType type, byte[] report, Collateral collateral, Instant at) {
    assertThatThrownBy(
            () -> {
              SnpReport.parse(report);
              (type == EvidenceType.SNP ? SNP : HCL)
                  .verify(new Evidence(type, report), collateral, VerificationOptions.at(at));
            })
        .isInstanceOf(AttestationException.class);
  }

  @Property(tries = 300)
  void goSevGuestReport_anyByteChanged_isRefused(
      @ForAll @IntRange(max = SnpReport.SIZE - 1) int index,
      @ForAll @IntRange(min = 1, max = 255) int mask) {
    refused(EvidenceType.SNP, mutate(GSG_REPORT, index, mask), GSG_COLLATERAL, VCEK_TIME);
  }

  @Property(tries = 300)
  void trusteeVcekReport_anyByteChanged_isRefused(
      @ForAll @IntRange(max = SnpReport.SIZE - 1) int index,
      @ForAll @IntRange(min = 1, max = 255) int mask) {
    refused(EvidenceType.SNP, mutate(TRUSTEE_REPORT, index, mask), TRUSTEE_COLLATERAL, VCEK_TIME);
  }

  @Property(tries = 300)
  void trusteeVlekReport_anyByteChanged_isRefused(
      @ForAll @IntRange(max = SnpReport.SIZE - 1) int index,
      @ForAll @IntRange(min = 1, max = 255) int mask) {
    refused(EvidenceType.SNP, mutate(VLEK_REPORT, index, mask), VLEK_COLLATERAL, VLEK_TIME);
  }

  @Property(tries = 300)
  void hclReport_anyByteChanged_isRefusedUnlessItIsPadding(
      @ForAll @IntRange(max = 2599) int index, @ForAll @IntRange(min = 1, max = 255) int mask)
      throws Exception {
    byte[] mutated = mutate(HCL_REPORT, index, mask);
    Evidence evidence = new Evidence(EvidenceType.SNP_AZURE_HCL, mutated);
    boolean unused =
        index >= 0x0C && index < 0x10
            || index >= 0x10 && index < 0x20
            || index >= 0x4C4 && index < 0x4C8
            || index >= 0x92A;
    if (unused) {
      assertThat(HCL.verify(evidence, HCL_COLLATERAL, VerificationOptions.at(VCEK_TIME)))
          .isNotNull();
    } else {
      assertThatThrownBy(
              () -> HCL.verify(evidence, HCL_COLLATERAL, VerificationOptions.at(VCEK_TIME)))
          .isInstanceOf(AttestationException.class);
    }
  }

  @Property(tries = 300)
  void anyBytes_parseOrThrowTheCheckedException(@ForAll byte[] bytes) {
    try {
      SnpReport.parse(bytes);
    } catch (AttestationException expected) {
      // The one allowed failure.
    }
    try {
      HclReport.parse(bytes);
    } catch (AttestationException expected) {
      // The one allowed failure.
    }
  }
}
