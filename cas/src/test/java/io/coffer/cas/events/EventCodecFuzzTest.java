package io.coffer.cas.events;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Arrays;

/**
 * Feeds arbitrary bytes to {@link EventCodec#parse}, as an auditor reads entries from an untrusted
 * log: nothing may escape but {@link EventFormatException}, and an accepted entry is the canonical
 * encoding of its event, byte for byte (events are JCS canonical, so there is exactly one).
 *
 * <p>In the normal test run this replays the seeds under {@code EventCodecFuzzTestInputs/}; {@code
 * JAZZER_FUZZ=1} fuzzes (see docs/fuzzing.md).
 */
class EventCodecFuzzTest {

  @FuzzTest(maxDuration = "10s")
  void parseAcceptsOrRefusesAnyEntry(byte[] input) {
    CasEvent event;
    try {
      event = EventCodec.parse(input);
    } catch (EventFormatException e) {
      if (e.reason() == null) {
        throw new IllegalStateException("an event format exception without a reason", e);
      }
      return;
    }
    byte[] encoded = EventCodec.encode(event);
    if (!Arrays.equals(encoded, input)) {
      throw new IllegalStateException("an accepted entry is not the encoding of its event");
    }
    try {
      if (!EventCodec.parse(encoded).equals(event)) {
        throw new IllegalStateException("the same entry parsed to another event");
      }
    } catch (EventFormatException e) {
      throw new IllegalStateException("the same entry was refused the second time", e);
    }
  }
}
