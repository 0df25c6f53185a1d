package io.coffer.policy.canonical;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.policy.model.Policy;
import io.coffer.policy.parse.PolicyParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PolicyJsonTest {

  private static final String TAG =
      "5d41402abc4b2a76b9719d911017c592ae5d41402abc4b2a76b9719d911017c5";

  /** The trainer of the lab's policy, given a protected image tree keyed by its result key. */
  private static String withFsShield(String tag) {
    String original = PolicyHashPropertiesTest.example("lab-training.yaml");
    String anchor = "    allow_host_env: [OMP_NUM_THREADS]\n";
    assertThat(original).contains(anchor);
    return original.replace(
        anchor, anchor + "    fs_shield:\n      key: result-key\n      tag: " + tag + "\n");
  }

  private static Policy parse(String text) throws Exception {
    return PolicyParser.parse("p.yaml", text);
  }

  /**
   * The hashes of the examples as computed before services could have {@code fs_shield}: a policy
   * that has none must keep the hash it was approved under.
   */
  @ParameterizedTest
  @CsvSource({
    "hospital-patients.yaml, 3887576812e4a34dfe6a9f997e6993db025fa337d64854afbc8f9c2ad9b545aa",
    "acme-model.yaml, 9fe8055adabe8f88cfa5f1e659091ec0f369ee07b31fc8aacae252d696749a83",
    "lab-training.yaml, bb4f28701eec3514c9f4e31ff1e08834e10e352d556da496da68e38505ae132f",
  })
  void policyWithoutFsShield_keepsItsEarlierHash(String example, String hash) throws Exception {
    Policy p = parse(PolicyHashPropertiesTest.example(example));

    assertThat(PolicyHash.of(p)).isEqualTo(hash);
    assertThat(PolicyHash.canonicalText(p)).doesNotContain("fs_shield");
  }

  @Test
  void addingFsShield_changesTheHash() throws Exception {
    Policy without = parse(PolicyHashPropertiesTest.example("lab-training.yaml"));
    Policy with = parse(withFsShield(TAG));

    assertThat(PolicyHash.of(with)).isNotEqualTo(PolicyHash.of(without));
    assertThat(PolicyHash.canonicalText(with))
        .contains("\"fs_shield\":{\"key\":\"result-key\",\"tag\":\"" + TAG + "\"}");
  }

  @Test
  void changingTheTag_changesTheHash() throws Exception {
    String older = TAG.substring(0, 63) + "6";

    assertThat(PolicyHash.of(parse(withFsShield(older))))
        .isNotEqualTo(PolicyHash.of(parse(withFsShield(TAG))));
  }

  @Test
  void tagCase_doesNotChangeTheHash() throws Exception {
    String upper = TAG.toUpperCase(java.util.Locale.ROOT);

    assertThat(PolicyHash.of(parse(withFsShield(upper))))
        .isEqualTo(PolicyHash.of(parse(withFsShield(TAG))));
  }
}
