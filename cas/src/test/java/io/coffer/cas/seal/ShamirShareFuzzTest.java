package io.coffer.cas.seal;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Base64;
import java.util.Optional;

/**
 * Feeds arbitrary bytes to {@link ShamirShare#parse}, as a share file a stakeholder hands in:
 * nothing may escape but a {@link SealException} with reason {@code MALFORMED}, its message never
 * quotes the file's share, and an accepted file's share encodes to a file that parses to the same
 * share.
 *
 * <p>In the normal test run this replays the seeds under {@code ShamirShareFuzzTestInputs/}; {@code
 * JAZZER_FUZZ=1} fuzzes (see docs/fuzzing.md).
 */
class ShamirShareFuzzTest {

  /** Shorter share values are not checked: a few characters may occur in any message. */
  private static final int MIN_QUOTED_CHARS = 8;

  private static final ObjectMapper LENIENT = new ObjectMapper();

  @FuzzTest(maxDuration = "10s")
  void parseAcceptsOrRefusesAnyFile(byte[] input) {
    ShamirShare share;
    try {
      share = ShamirShare.parse(input);
    } catch (SealException e) {
      if (e.reason() != SealException.Reason.MALFORMED) {
        throw new IllegalStateException("parsing failed for another reason than MALFORMED", e);
      }
      shareValue(input)
          .filter(value -> e.getMessage().contains(value))
          .ifPresent(value -> {
            throw new IllegalStateException("an error message quotes the share", e);
          });
      return;
    }
    try {
      ShamirShare again = ShamirShare.parse(share.encode());
      if (!again.equals(share) || !again.digest().equals(share.digest())) {
        throw new IllegalStateException("an accepted share encodes to another share");
      }
    } catch (SealException e) {
      throw new IllegalStateException("an accepted share encodes to a refused file", e);
    }
    if (share.toString().contains(Base64.getEncoder().encodeToString(share.share()))) {
      throw new IllegalStateException("a share's toString shows the share");
    }
  }

  /** The {@code share} member's text, if the input is a JSON object with one worth looking for. */
  private static Optional<String> shareValue(byte[] input) {
    JsonNode root;
    try {
      root = LENIENT.readTree(input);
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
    if (root == null || !root.isObject() || !root.path("share").isTextual()) {
      return Optional.empty();
    }
    String value = root.get("share").textValue();
    return value.length() < MIN_QUOTED_CHARS ? Optional.empty() : Optional.of(value);
  }
}
