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
import io.coffer.attestation.VerifiedClaims;
import io.coffer.attestation.verifier.AttestationVerifier;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Every single-byte change to a vector report is refused with an {@link AttestationException},
 * never anything else: every byte of a report is signed, reserved or the signature itself. For an
 * HCL report only its zero padding after the report size may change. Several random changes at once
 * (flips, truncation, inserted and removed bytes), verified through the facade with the report's
 * type and with its type detected, give claims only for a report whose signed and bound bytes are
 * unchanged, and otherwise the library's exception.
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
    int version =
        (mutated[4] & 0xff)
            | (mutated[5] & 0xff) << 8
            | (mutated[6] & 0xff) << 16
            | (mutated[7] & 0xff) << 24;
    // The header is unmeasured: another supported version (1 <-> 2) is as good as the original.
    boolean unused =
        index >= 0x04 && index < 0x08 && (version == 1 || version == 2)
            || index >= 0x0C && index < 0x10
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

  private static final AttestationVerifier FACADE =
      AttestationVerifier.create(TrustAnchors.defaults());

  /** One change: its kind (0 flip, 1 truncate, 2 insert, 3 remove), a position and a byte. */
  record Change(int kind, int position, byte value) {}

  @Provide
  Arbitrary<Change> changes() {
    return net.jqwik.api.Combinators.combine(
            Arbitraries.integers().between(0, 3),
            Arbitraries.integers().between(0, 2599),
            Arbitraries.bytes())
        .as(Change::new);
  }

  @Property(tries = 400)
  void anyVector_anyChanges_giveClaimsOnlyForTheSameContent_orTheLibrarysException(
      @ForAll @IntRange(max = 3) int vector,
      @ForAll @Size(min = 1, max = 6) List<@From("changes") Change> changes)
      throws Exception {
    SnpVectors.Case v = SnpVectors.cases().get(vector);
    byte[] original = v.reportBytes();
    byte[] changed = original;
    for (Change c : changes) {
      changed = apply(changed, c);
    }
    Collateral collateral = v.loadCollateral();
    VerificationOptions options = VerificationOptions.at(v.at());
    for (boolean detect : List.of(false, true)) {
      try {
        VerifiedClaims claims =
            detect
                ? FACADE.verify(changed, collateral, options)
                : FACADE.verify(new Evidence(v.type(), changed), collateral, options);
        assertThat(claims.evidenceType()).isEqualTo(v.type());
        assertThat(signedContent(v.type(), changed)).isEqualTo(signedContent(v.type(), original));
      } catch (AttestationException expected) {
        // The one failure the verifier may report.
      }
    }
  }

  private static byte[] apply(byte[] b, Change c) {
    int at = b.length == 0 ? 0 : c.position() % b.length;
    return switch (c.kind()) {
      case 0 -> {
        byte[] out = b.clone();
        if (out.length > 0) {
          out[at] ^= c.value() == 0 ? 1 : c.value();
        }
        yield out;
      }
      case 1 -> Arrays.copyOf(b, at);
      case 2 -> {
        byte[] out = new byte[b.length + 1];
        System.arraycopy(b, 0, out, 0, at);
        out[at] = c.value();
        System.arraycopy(b, at, out, at + 1, b.length - at);
        yield out;
      }
      default -> {
        if (b.length == 0) {
          yield b;
        }
        byte[] out = new byte[b.length - 1];
        System.arraycopy(b, 0, out, 0, at);
        System.arraycopy(b, at + 1, out, at, b.length - at - 1);
        yield out;
      }
    };
  }

  /**
   * What the signature and the HCL binding cover: the SNP report's signed bytes, and for an HCL
   * report also its variable data (the SNP report's signed bytes have a fixed length, so the
   * concatenation is unambiguous). The signature itself may take its other valid form.
   */
  private static byte[] signedContent(EvidenceType type, byte[] evidence)
      throws AttestationException {
    if (type == EvidenceType.SNP) {
      return SnpReport.parse(evidence).signedBytes();
    }
    HclReport hcl = HclReport.parse(evidence);
    byte[] signed = SnpReport.parse(hcl.snpReport()).signedBytes();
    byte[] bound = hcl.variableData();
    byte[] both = Arrays.copyOf(signed, signed.length + bound.length);
    System.arraycopy(bound, 0, both, signed.length, bound.length);
    return both;
  }
}
