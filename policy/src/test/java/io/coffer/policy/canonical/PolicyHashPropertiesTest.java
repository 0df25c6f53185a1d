package io.coffer.policy.canonical;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.policy.model.Policy;
import io.coffer.policy.parse.PolicyParser;
import io.coffer.policy.yaml.StrictYaml;
import io.coffer.policy.yaml.YamlNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The policy hash ignores formatting: every example, written back with random key order, quoting,
 * flow or block style and comments, parses to the same policy with the same hash.
 */
class PolicyHashPropertiesTest {

  static String example(String name) {
    try (InputStream in =
        PolicyHashPropertiesTest.class.getResourceAsStream("/io/coffer/policy/examples/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Provide
  Arbitrary<String> examples() {
    return Arbitraries.of("hospital-patients.yaml", "acme-model.yaml", "lab-training.yaml");
  }

  @Property(tries = 300)
  void rewrittenPolicy_hasTheSameHash(@ForAll("examples") String name, @ForAll long seed)
      throws Exception {
    String original = example(name);
    Policy policy = PolicyParser.parse(name, original);
    YamlNode tree = StrictYaml.read(name, original);

    String rewritten = new YamlRewriter(seed).write(tree);
    Policy again = PolicyParser.parse("rewritten", rewritten);

    assertThat(PolicyHash.of(again)).as(rewritten).isEqualTo(PolicyHash.of(policy));
    assertThat(again).isEqualTo(policy);
  }
}
