package io.coffer.policy.matching;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.policy.model.Policy;
import io.coffer.policy.model.Security;
import io.coffer.policy.model.Service;
import io.coffer.policy.parse.PolicyParser;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The lab's example policy, parsed from YAML, admits the published quotes its trainer pins, and
 * only with its security section.
 */
class ExamplePolicyMatchingTest {

  private static Policy lab() throws Exception {
    try (InputStream in =
        ExamplePolicyMatchingTest.class.getResourceAsStream(
            "/io/coffer/policy/examples/lab-training.yaml")) {
      return PolicyParser.parse(
          "lab-training.yaml", new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  @Test
  void trainer_admitsThePinnedSgxQuote_withThePolicysTolerances() throws Exception {
    Policy lab = lab();
    Service trainer = lab.service("trainer").orElseThrow();

    MatchResult result =
        Matcher.match(trainer.identity(), VerifiedVectors.dcapQvlSgx(), lab.security());

    assertThat(result).isEqualTo(new MatchResult.Admitted(0));
  }

  @Test
  void trainer_admitsThePinnedTdxQuote_byItsSecondAlternative() throws Exception {
    Policy lab = lab();

    MatchResult result =
        Matcher.match(
            lab.service("trainer").orElseThrow().identity(),
            VerifiedVectors.dcapQvlTdx(),
            lab.security());

    assertThat(result).isEqualTo(new MatchResult.Admitted(1));
  }

  @Test
  void withoutItsSecuritySection_theSgxQuoteIsRejected() throws Exception {
    Policy lab = lab();

    MatchResult result =
        Matcher.match(
            lab.service("trainer").orElseThrow().identity(),
            VerifiedVectors.dcapQvlSgx(),
            Security.DEFAULT);

    assertThat(result).isInstanceOf(MatchResult.Rejected.class);
    assertThat(result.reasons()).hasSize(3);
  }

  @Test
  void anSnpReport_isRejected_forWantOfAnSnpAlternative() throws Exception {
    Policy lab = lab();

    MatchResult result =
        Matcher.match(
            lab.service("trainer").orElseThrow().identity(),
            VerifiedVectors.trusteeSnp(),
            lab.security());

    assertThat(result).isInstanceOf(MatchResult.Rejected.class);
  }
}
