package io.coffer.attestation.intel;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.attestation.AttestationException;
import io.coffer.attestation.Collateral;
import io.coffer.attestation.Evidence;
import io.coffer.attestation.EvidenceType;
import io.coffer.attestation.VerificationOptions;
import io.coffer.attestation.VerifiedClaims;
import io.coffer.attestation.testing.Vectors;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple3;

/**
 * Random changes to every published SGX and TDX quote, verified with and without collateral:
 * verification returns claims or throws {@link AttestationException}, nothing else; and a quote
 * whose signed bytes changed never verifies.
 */
class DcapMutationPropertiesTest {

  private static final List<String> QUOTES =
      List.of(
          "sgx/dcap-qvl-sgx-v3/sgx_quote",
          "sgx/zkdcap-sgx-v3/quote_v3_00906ED50000.dat",
          "sgx/trustee-occlum-sgx-v3/occlum_quote.dat",
          "sgx/mobilecoin-hw-quote-v3/hw_quote.dat",
          "sgx/intel-qvl-sampledata-sgx/quote.dat",
          "tdx/dcap-qvl-tdx-v4/tdx_quote",
          "tdx/dcap-qvl-tdx-v5-outdated/tdx_quote_outdated",
          "tdx/go-tdx-guest-v4/tdx_prod_quote_SPR_E4.dat",
          "tdx/go-tdx-guest-v5/quote_v5_sample.dat",
          "tdx/go-tdx-guest-cos113/cos-113-tdx-quote.dat",
          "tdx/zkdcap-tdx-v4/quote_tdx_00806f050000.dat",
          "tdx/trustee-tdx/tdx_quote_4.dat",
          "tdx/trustee-tdx/tdx_quote_5.dat",
          "tdx/trustee-tdx/tdx_quote_6.dat",
          "tdx/trustee-tdx/az-tdx-vtpm-td-quote.bin",
          "tdx/intel-qvl-sampledata-tdx/quote.dat");

  /** A vector, a kind of change and where. */
  @Provide
  Arbitrary<Tuple3<String, Integer, Integer>> mutations() {
    return Arbitraries.of(QUOTES)
        .flatMap(q -> {
          int length = Vectors.bytes(q).length;
          return Arbitraries.integers()
              .between(0, 3)
              .flatMap(kind ->
                  Arbitraries.integers().between(0, length - 1).map(at -> Tuple.of(q, kind, at)));
        });
  }

  @Property(tries = 400)
  void anyChange_givesClaimsOrTheLibrarysException(
      @ForAll("mutations") Tuple3<String, Integer, Integer> m, @ForAll byte value) {
    byte[] original = Vectors.bytes(m.get1());
    int at = m.get3();
    byte[] changed =
        switch (m.get2()) {
          case 0 -> flip(original, at, value == 0 ? 1 : value);
          case 1 -> Arrays.copyOf(original, at);
          case 2 -> insert(original, at, value);
          default -> remove(original, at);
        };
    EvidenceType type = m.get1().startsWith("sgx") ? EvidenceType.SGX : EvidenceType.TDX;
    for (DcapVectors.Case full : DcapVectors.verifying()) {
      if (full.quote().equals(m.get1())) {
        verify(type, changed, full, original);
      }
    }
    verify(type, changed, new DcapVectors.Case(m.get1(), List.of(), DcapVectors.GO_T5), original);
  }

  private static void verify(
      EvidenceType type, byte[] changed, DcapVectors.Case c, byte[] original) {
    try {
      Collateral collateral = c.collateral().isEmpty() ? Collateral.empty() : c.loadCollateral();
      VerificationOptions options =
          c.collateral().isEmpty()
              ? VerificationOptions.at(c.at()).signaturesOnly()
              : VerificationOptions.at(c.at());
      VerifiedClaims claims =
          DcapVectors.VERIFIER.verify(new Evidence(type, changed), collateral, options);
      assertThat(claims).isNotNull();
      assertThat(signedPart(changed)).isEqualTo(signedPart(original));
    } catch (AttestationException expected) {
      // The one failure the verifier may report.
    }
  }

  private static byte[] signedPart(byte[] quote) {
    try {
      return Quote.parse(quote).signedBytes();
    } catch (AttestationException e) {
      return new byte[0];
    }
  }

  private static byte[] flip(byte[] b, int at, byte value) {
    byte[] out = b.clone();
    out[at] ^= value;
    return out;
  }

  private static byte[] insert(byte[] b, int at, byte value) {
    byte[] out = new byte[b.length + 1];
    System.arraycopy(b, 0, out, 0, at);
    out[at] = value;
    System.arraycopy(b, at, out, at + 1, b.length - at);
    return out;
  }

  private static byte[] remove(byte[] b, int at) {
    byte[] out = new byte[b.length - 1];
    System.arraycopy(b, 0, out, 0, at);
    System.arraycopy(b, at + 1, out, at, b.length - at - 1);
    return out;
  }
}
