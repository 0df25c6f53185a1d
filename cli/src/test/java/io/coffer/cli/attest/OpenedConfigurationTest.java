package io.coffer.cli.attest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class OpenedConfigurationTest {

  private static OpenedConfiguration parse(String json) {
    return OpenedConfiguration.parse(json.replace('\'', '"').getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void redacted_replacesEveryNamedValue_byItsLength() {
    OpenedConfiguration c =
        parse(
            "{'command':['/bin/a','s3cret'],'environment':{'A/B~C':'pw','MODE':'x'},"
                + "'volumes':[{'key':'a2V5'}],"
                + "'secret_bearing':['/command/1','/environment/A~1B~0C','/volumes/0/key']}");

    assertThat(c.redacted().toString())
        .isEqualTo(
            "{\"command\":[\"/bin/a\",\"<secret: 6 chars>\"],"
                + "\"environment\":{\"A/B~C\":\"<secret: 2 chars>\",\"MODE\":\"x\"},"
                + "\"volumes\":[{\"key\":\"<secret: 4 chars>\"}],"
                + "\"secret_bearing\":[\"/command/1\",\"/environment/A~1B~0C\",\"/volumes/0/key\"]}");
    assertThat(c.shown(true).at("/command/1").asText()).isEqualTo("s3cret");
    assertThat(c.shown(false).at("/command/1").asText()).isEqualTo("<secret: 6 chars>");
  }

  @Test
  void redacted_pointerListedTwice_keepsTheValuesLength() {
    OpenedConfiguration c =
        parse("{'environment':{'A':'pw'},'secret_bearing':['/environment/A','/environment/A']}");

    assertThat(c.redacted().at("/environment/A").asText()).isEqualTo("<secret: 2 chars>");
  }

  @Test
  void redacted_isACopy_thatCallersCannotUseToUnredact() {
    OpenedConfiguration c = parse("{'environment':{'A':'pw'},'secret_bearing':['/environment/A']}");

    ((com.fasterxml.jackson.databind.node.ObjectNode) c.redacted().get("environment"))
        .put("A", "changed");

    assertThat(c.redacted().at("/environment/A").asText()).isEqualTo("<secret: 2 chars>");
  }

  @Test
  void parse_withoutSecretBearing_fails() {
    assertThatThrownBy(() -> parse("{'environment':{'A':'pw'}}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no secret_bearing array");
  }

  @Test
  void parse_pointerToNothing_failsRatherThanShowAnything() {
    assertThatThrownBy(() -> parse("{'environment':{},'secret_bearing':['/environment/A']}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("/environment/A")
        .hasMessageContaining("does not name a string value");
  }

  @Test
  void parse_pointerToAnObject_fails() {
    assertThatThrownBy(() -> parse("{'environment':{'A':'pw'},'secret_bearing':['/environment']}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("does not name a string value");
  }

  @Test
  void parse_notAPointer_fails() {
    assertThatThrownBy(() -> parse("{'a':'pw','secret_bearing':['a']}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a JSON pointer");
    assertThatThrownBy(() -> parse("{'a':'pw','secret_bearing':[1]}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a JSON pointer");
  }

  @Test
  void parse_notAnObject_fails() {
    assertThatThrownBy(() -> parse("['secret_bearing']"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a JSON object");
    assertThatThrownBy(() -> parse("{"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not JSON");
  }

  @Test
  void attestationResult_missing_fails() {
    assertThatThrownBy(() -> parse("{'secret_bearing':[]}").attestationResult())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("attestation_result");
  }

  @Test
  void toString_showsNoValue() {
    OpenedConfiguration c =
        parse(
            "{'policy':'p','service':'s','environment':{'A':'pw-value'},"
                + "'secret_bearing':['/environment/A']}");

    assertThat(c.toString()).isEqualTo("OpenedConfiguration[p/s, values redacted]");
  }
}
