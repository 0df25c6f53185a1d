package io.coffer.cas.identity;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Arrays;

/**
 * Feeds arbitrary bytes to {@link CasPin#decode}, as a pin file in the user's home that anything
 * running as the user may have written: nothing may escape but a {@link CasVerificationException}
 * with reason {@code MALFORMED_PIN}, and an accepted file's pin encodes to a file that decodes to
 * the same pin and encodes to the same bytes again.
 *
 * <p>In the normal test run this replays the seeds under {@code CasPinFuzzTestInputs/}; {@code
 * JAZZER_FUZZ=1} fuzzes (see docs/fuzzing.md).
 */
class CasPinFuzzTest {

  @FuzzTest(maxDuration = "10s")
  void decodeAcceptsOrRefusesAnyFile(byte[] input) {
    CasPin pin;
    try {
      pin = CasPin.decode(input);
    } catch (CasVerificationException e) {
      if (e.reason() != CasVerificationException.Reason.MALFORMED_PIN) {
        throw new IllegalStateException("decoding failed for another reason than MALFORMED_PIN", e);
      }
      return;
    }
    byte[] encoded = pin.encode();
    try {
      CasPin again = CasPin.decode(encoded);
      if (!again.equals(pin) || !Arrays.equals(again.encode(), encoded)) {
        throw new IllegalStateException("an accepted pin encodes to another pin");
      }
    } catch (CasVerificationException e) {
      throw new IllegalStateException("an accepted pin encodes to a refused file", e);
    }
  }
}
