package io.coffer.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PolicyTemplateTest {

  private static Map<String, String> vendorValues() {
    Map<String, String> v = new LinkedHashMap<>();
    v.put("VENDOR_ID", "ed25519:" + "ab".repeat(32));
    v.put("TRAINER_MEASUREMENT", "cd".repeat(32));
    v.put("TRAINER_IMAGE_TAG", "ef".repeat(32));
    v.put("TRAINER_IMAGE_KEY", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=");
    v.put("JAVA", "/usr/bin/java");
    v.put("WORK", "/coffer/train");
    v.put("METRICS_OUT", "/out/metrics");
    return v;
  }

  @Test
  void filled_everyPlaceholderGiven_isThePolicyWithTheValues() throws Exception {
    String text = PolicyTemplate.filled("vendor.yaml", vendorValues());

    assertThat(text)
        .contains("name: vendor/readmission-trainer")
        .contains("tag: " + "ef".repeat(32))
        .contains("/coffer/train/dataset");
    assertThat(text.lines().filter(l -> !l.stripLeading().startsWith("#")))
        .noneMatch(l -> l.contains("${"));
  }

  @Test
  void filled_aPlaceholderMissing_isRefusedNamingTheLine() {
    Map<String, String> values = vendorValues();
    values.remove("TRAINER_IMAGE_TAG");

    assertThatThrownBy(() -> PolicyTemplate.filled("vendor.yaml", values))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("vendor.yaml")
        .hasMessageContaining("${TRAINER_IMAGE_TAG}");
  }

  @Test
  void filled_unknownTemplate_isRefused() {
    assertThatThrownBy(() -> PolicyTemplate.filled("nobody.yaml", Map.of()))
        .isInstanceOf(java.io.IOException.class)
        .hasMessageContaining("nobody.yaml");
  }
}
