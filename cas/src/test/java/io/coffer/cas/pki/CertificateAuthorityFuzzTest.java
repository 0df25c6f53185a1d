package io.coffer.cas.pki;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.security.cert.CertificateEncodingException;
import java.util.Arrays;

/**
 * Feeds arbitrary bytes to {@link CertificateAuthority#decode}, as the CA record read back from the
 * store: nothing may escape but a {@link CertificateAuthorityException}, and an accepted CA encodes
 * to bytes that decode to the same certificate and private key, and encode to the same bytes again.
 *
 * <p>In the normal test run this replays the seeds under {@code
 * CertificateAuthorityFuzzTestInputs/}; {@code JAZZER_FUZZ=1} fuzzes (see docs/fuzzing.md).
 */
class CertificateAuthorityFuzzTest {

  @FuzzTest(maxDuration = "10s")
  void decodeAcceptsOrRefusesAnyRecord(byte[] input) throws CertificateEncodingException {
    CertificateAuthority ca;
    try {
      ca = CertificateAuthority.decode(input);
    } catch (CertificateAuthorityException e) {
      return;
    }
    byte[] encoded = ca.encode();
    try {
      CertificateAuthority again = CertificateAuthority.decode(encoded);
      if (!Arrays.equals(again.certificate().getEncoded(), ca.certificate().getEncoded())
          || !Arrays.equals(
              again.privateKeyForStorage().getEncoded(), ca.privateKeyForStorage().getEncoded())
          || !Arrays.equals(again.encode(), encoded)) {
        throw new IllegalStateException("an accepted CA encodes to another CA");
      }
    } catch (CertificateAuthorityException e) {
      throw new IllegalStateException("an accepted CA encodes to a refused record", e);
    }
  }
}
