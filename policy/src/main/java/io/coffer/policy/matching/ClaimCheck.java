package io.coffer.policy.matching;

import io.coffer.attestation.ClaimValue;
import io.coffer.attestation.VerifiedClaims;
import io.coffer.policy.model.Bytes16;
import io.coffer.policy.model.FixedBytes;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Compares the conditions of one alternative with the claims, collecting a reason for each that
 * fails. A missing claim, or one of another type or length, is a reason, never an exception.
 */
final class ClaimCheck {

  /** How many accepted values a message lists before it abbreviates. */
  private static final int LISTED = 4;

  private final VerifiedClaims claims;
  private final String prefix;
  private final List<Reason> reasons = new ArrayList<>();

  /**
   * @param prefix the alternative's YAML path, {@code identity[i].<platform>}
   */
  ClaimCheck(VerifiedClaims claims, String prefix) {
    this.claims = claims;
    this.prefix = prefix;
  }

  /** The reasons found so far. */
  List<Reason> reasons() {
    return List.copyOf(reasons);
  }

  /** The claim {@code claim} must be exactly {@code expected}. */
  void equal(String field, String claim, FixedBytes expected) {
    bytes(field, claim, expected.length(), expected.hex())
        .filter(actual -> !expected.matches(actual))
        .ifPresent(actual -> mismatch(field, claim, expected.hex(), hex(actual)));
  }

  /** The claim {@code claim} must be one of {@code accepted} (not empty). */
  void oneOf(String field, String claim, List<? extends FixedBytes> accepted) {
    String expected = "one of " + list(accepted);
    bytes(field, claim, accepted.get(0).length(), expected)
        .filter(actual -> !anyMatches(accepted, actual))
        .ifPresent(actual -> mismatch(field, claim, expected, hex(actual)));
  }

  /** The number {@code claim} must be {@code expected}. */
  void equal(String field, String claim, long expected) {
    number(field, claim, Long.toString(expected))
        .filter(actual -> actual.longValue() != expected)
        .ifPresent(actual ->
            mismatch(field, claim, Long.toString(expected), Long.toUnsignedString(actual)));
  }

  /** The number {@code claim} must be at least {@code min}. */
  void atLeast(String field, String claim, long min) {
    String expected = "at least " + min;
    number(field, claim, expected)
        .filter(actual -> Long.compareUnsigned(actual, min) < 0)
        .ifPresent(actual ->
            add(
                ReasonCode.CLAIM_BELOW_MINIMUM,
                field,
                claim,
                expected,
                Long.toUnsignedString(actual),
                ""));
  }

  /** The number {@code claim} must be at most {@code max}. */
  void atMost(String field, String claim, long max) {
    String expected = "at most " + max;
    number(field, claim, expected)
        .filter(actual -> Long.compareUnsigned(actual, max) > 0)
        .ifPresent(actual ->
            add(
                ReasonCode.CLAIM_ABOVE_MAXIMUM,
                field,
                claim,
                expected,
                Long.toUnsignedString(actual),
                ""));
  }

  /** Each byte of {@code claim}, unsigned, must be at least the same byte of {@code min}. */
  void eachByteAtLeast(String field, String claim, Bytes16 min) {
    String expected = "at least " + min.hex() + " byte by byte";
    Optional<byte[]> value = bytes(field, claim, Bytes16.LENGTH, expected);
    if (value.isEmpty()) {
      return;
    }
    byte[] actual = value.get();
    byte[] minimum = min.value();
    List<String> below = new ArrayList<>();
    for (int i = 0; i < actual.length; i++) {
      if (Byte.toUnsignedInt(actual[i]) < Byte.toUnsignedInt(minimum[i])) {
        below.add(
            "byte "
                + i
                + ": "
                + Byte.toUnsignedInt(actual[i])
                + " < "
                + Byte.toUnsignedInt(minimum[i]));
      }
    }
    if (!below.isEmpty()) {
      add(
          ReasonCode.CLAIM_BELOW_MINIMUM,
          field,
          claim,
          expected,
          hex(actual),
          String.join(", ", below));
    }
  }

  /** The bytes of {@code claim}, or empty after adding the reason it is missing or malformed. */
  private Optional<byte[]> bytes(String field, String claim, int length, String expected) {
    Optional<ClaimValue> value = claims.claim(claim);
    if (value.isEmpty()) {
      missing(field, claim, expected);
      return Optional.empty();
    }
    if (!(value.get() instanceof ClaimValue.Bytes b)) {
      malformed(field, claim, expected, value.get(), length + " bytes");
      return Optional.empty();
    }
    byte[] actual = b.value();
    if (actual.length != length) {
      malformed(field, claim, expected, value.get(), length + " bytes");
      return Optional.empty();
    }
    return Optional.of(actual);
  }

  /** The number {@code claim}, or empty after adding the reason it is missing or malformed. */
  private Optional<Long> number(String field, String claim, String expected) {
    Optional<ClaimValue> value = claims.claim(claim);
    if (value.isEmpty()) {
      missing(field, claim, expected);
      return Optional.empty();
    }
    if (!(value.get() instanceof ClaimValue.Number n)) {
      malformed(field, claim, expected, value.get(), "a number");
      return Optional.empty();
    }
    return Optional.of(n.value());
  }

  private void missing(String field, String claim, String expected) {
    add(ReasonCode.CLAIM_MISSING, field, claim, expected, "absent", "the evidence has no " + claim);
  }

  private void malformed(
      String field, String claim, String expected, ClaimValue actual, String wanted) {
    String type =
        switch (actual) {
          case ClaimValue.Bytes b -> b.value().length + " bytes";
          case ClaimValue.Number n -> "a number";
          case ClaimValue.Flag f -> "a flag";
          case ClaimValue.Text t -> "text";
        };
    add(
        ReasonCode.CLAIM_MALFORMED,
        field,
        claim,
        expected,
        type,
        "the claim is " + type + " where the condition compares " + wanted);
  }

  private void mismatch(String field, String claim, String expected, String actual) {
    add(ReasonCode.CLAIM_MISMATCH, field, claim, expected, actual, "");
  }

  private void add(
      ReasonCode code, String field, String claim, String expected, String actual, String note) {
    reasons.add(Reason.of(code, prefix + "." + field, claim, expected, actual, note));
  }

  /** Compares with every accepted value, so the time taken does not tell which one matched. */
  private static boolean anyMatches(List<? extends FixedBytes> accepted, byte[] actual) {
    boolean found = false;
    for (FixedBytes candidate : accepted) {
      found |= candidate.matches(actual);
    }
    return found;
  }

  private static String list(List<? extends FixedBytes> values) {
    String shown =
        values.stream().limit(LISTED).map(FixedBytes::hex).collect(Collectors.joining(", "));
    return values.size() <= LISTED
        ? "[" + shown + "]"
        : "[" + shown + ", and " + (values.size() - LISTED) + " more]";
  }

  private static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }
}
