package io.coffer.cas.seal;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Arrays;

/**
 * Feeds arbitrary bytes to {@link SealedDataKey#decode}, as the record read back from the store's
 * meta table: nothing may escape but a {@link SealException} with reason {@code MALFORMED}, and an
 * accepted record is the encoding of what it decodes to, byte for byte (the format has one encoding
 * per value).
 *
 * <p>In the normal test run this replays the seeds under {@code SealedDataKeyFuzzTestInputs/};
 * {@code JAZZER_FUZZ=1} fuzzes (see docs/fuzzing.md).
 */
class SealedDataKeyFuzzTest {

  @FuzzTest(maxDuration = "10s")
  void decodeAcceptsOrRefusesAnyBytes(byte[] input) {
    SealedDataKey key;
    try {
      key = SealedDataKey.decode(input);
    } catch (SealException e) {
      if (e.reason() != SealException.Reason.MALFORMED) {
        throw new IllegalStateException("decoding failed for another reason than MALFORMED", e);
      }
      return;
    }
    byte[] encoded = key.encode();
    if (!Arrays.equals(encoded, input)) {
      throw new IllegalStateException("an accepted record is not the encoding of its value");
    }
    if (key.type() == SealType.SHAMIR
        ? key.threshold() < 1 || key.threshold() > key.shareCount()
        : key.threshold() != 0 || key.shareCount() != 0) {
      throw new IllegalStateException("a record with an impossible threshold was accepted");
    }
    try {
      if (!SealedDataKey.decode(encoded).equals(key)) {
        throw new IllegalStateException("the same record decoded to another value");
      }
    } catch (SealException e) {
      throw new IllegalStateException("the same record was refused the second time", e);
    }
  }
}
