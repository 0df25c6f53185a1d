package io.coffer.attestation.intel;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.coffer.attestation.AttestationException;
import io.coffer.attestation.Collateral;
import io.coffer.attestation.Evidence;
import io.coffer.attestation.EvidenceType;
import io.coffer.attestation.VerificationOptions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Feeds the DCAP verifier arbitrary quotes and changed published quotes: nothing may escape but
 * {@link AttestationException}, and no changed quote may verify.
 *
 * <p>Input: byte 0 picks the target. 0 verifies the rest of the input as an SGX and as a TDX quote
 * without collateral. 1 to 4 take one of the four published quotes with full collateral and apply
 * the rest of the input as edits, three bytes each: a little-endian offset into the quote and a
 * value to XOR there (an offset past the end truncates the quote there instead). Runs the seeds
 * under {@code DcapQuoteFuzzTestInputs/} in the normal test suite; {@code JAZZER_FUZZ=1} fuzzes
 * (see docs/fuzzing.md).
 */
class DcapQuoteFuzzTest {

  private record Base(DcapVectors.Case vector, byte[] quote, Collateral collateral) {}

  private static final List<Base> BASES = bases();

  private static List<Base> bases() {
    List<Base> out = new ArrayList<>();
    for (DcapVectors.Case v : DcapVectors.verifying()) {
      try {
        out.add(new Base(v, v.quoteBytes(), v.loadCollateral()));
      } catch (AttestationException e) {
        throw new IllegalStateException(e);
      }
    }
    return out;
  }

  @FuzzTest(maxDuration = "10s")
  void quoteAcceptsOrRefusesAnyBytes(byte[] input) throws AttestationException {
    if (input.length == 0) {
      return;
    }
    int target = (input[0] & 0xff) % (BASES.size() + 1);
    byte[] rest = Arrays.copyOfRange(input, 1, input.length);
    if (target == 0) {
      for (EvidenceType type : List.of(EvidenceType.SGX, EvidenceType.TDX)) {
        try {
          DcapVectors.VERIFIER.verify(
              new Evidence(type, rest),
              Collateral.empty(),
              VerificationOptions.at(DcapVectors.GO_T0).signaturesOnly());
        } catch (AttestationException expected) {
          // The one failure the verifier may report.
        } catch (IllegalArgumentException tooLarge) {
          // Evidence refuses more than its maximum size before any verifier sees it.
        }
      }
      return;
    }
    Base base = BASES.get(target - 1);
    byte[] quote = base.quote().clone();
    for (int i = 0; i + 2 < rest.length; i += 3) {
      int offset = (rest[i] & 0xff) | (rest[i + 1] & 0xff) << 8;
      if (offset >= quote.length) {
        quote = Arrays.copyOf(quote, quote.length / 2);
      } else {
        quote[offset] ^= rest[i + 2];
      }
    }
    boolean changed = !Arrays.equals(quote, base.quote());
    Evidence evidence = new Evidence(base.vector().evidence(base.quote()).type(), quote);
    try {
      DcapVectors.VERIFIER.verify(
          evidence, base.collateral(), VerificationOptions.at(base.vector().at()));
      if (changed && !sameContent(base.quote(), quote)) {
        throw new IllegalStateException("a changed quote verified");
      }
    } catch (AttestationException expected) {
      if (!changed) {
        throw expected;
      }
    }
  }

  /**
   * Whether two quotes say the same: the same signed bytes, signatures, keys, QE report and
   * authentication data, and the same certificates. Bytes after the signature data are not part of
   * a quote, and PEM may differ in its whitespace without changing a certificate.
   */
  private static boolean sameContent(byte[] original, byte[] changed) throws AttestationException {
    Quote a = Quote.parse(original);
    Quote b = Quote.parse(changed);
    return Arrays.equals(a.signedBytes(), b.signedBytes())
        && Arrays.equals(a.signature(), b.signature())
        && Arrays.equals(a.attestationKey(), b.attestationKey())
        && a.qeReport().equals(b.qeReport())
        && Arrays.equals(a.qeReportSignature(), b.qeReportSignature())
        && Arrays.equals(a.qeAuthData(), b.qeAuthData())
        && a.certificationDataType() == b.certificationDataType()
        && PckChain.parse(a.certificationData()).equals(PckChain.parse(b.certificationData()));
  }
}
