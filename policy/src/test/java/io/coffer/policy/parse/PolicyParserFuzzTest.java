package io.coffer.policy.parse;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.coffer.policy.PolicyException;
import io.coffer.policy.canonical.PolicyHash;
import io.coffer.policy.model.Policy;

/**
 * Feeds the YAML front end and the validator arbitrary bytes: nothing may escape but {@link
 * PolicyException}, and every accepted policy has a canonical form and hash, and parses again from
 * the same bytes to an equal policy. Runs the seeds under {@code PolicyParserFuzzTestInputs/} in
 * the normal test suite; {@code JAZZER_FUZZ=1} fuzzes (see docs/fuzzing.md).
 */
class PolicyParserFuzzTest {

  @FuzzTest(maxDuration = "10s")
  void parserAcceptsOrRefusesAnyText(byte[] input) {
    Policy policy;
    try {
      policy = PolicyParser.parse("fuzz.yaml", input);
    } catch (PolicyException expected) {
      if (expected.problems().isEmpty()) {
        throw new IllegalStateException("a policy exception without problems");
      }
      return;
    }
    String hash = PolicyHash.of(policy);
    try {
      if (!PolicyParser.parse("again.yaml", input).equals(policy)
          || !PolicyHash.of(PolicyParser.parse("again.yaml", input)).equals(hash)) {
        throw new IllegalStateException("the same bytes parsed to another policy");
      }
    } catch (PolicyException e) {
      throw new IllegalStateException("the same bytes were refused the second time", e);
    }
  }
}
