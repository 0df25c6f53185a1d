package io.coffer.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.coffer.fsshield.TreeKey;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ConfigurationJsonTest {

  private static RunException refusal(byte[] doc) {
    try {
      ConfigurationJson.parse(doc);
    } catch (RunException e) {
      assertThat(e.reason()).isEqualTo(RunException.Reason.CONFIGURATION_INVALID);
      return e;
    }
    throw new AssertionError("accepted");
  }

  @Test
  void parse_ownVolume_ownerIsThePolicyAndTheVolume() throws Exception {
    RunConfiguration c =
        ConfigurationJson.parse(
            TestConfiguration.shell("true")
                .volume("data", "/coffer/data", false, TreeKey.generate(), null, 0)
                .bytes());

    assertThat(c.volumes().get(0).ownerPolicy()).isEqualTo("apps/web");
    assertThat(c.volumes().get(0).ownerVolume()).isEqualTo("data");
  }

  @Test
  void parse_importedVolume_readsItsOwner() throws Exception {
    TestConfiguration t =
        TestConfiguration.shell("true")
            .volume("shared", "/coffer/s", false, TreeKey.generate(), null, 0);
    ObjectNode v = (ObjectNode) t.root.get("volumes").get(0);
    v.put("owner_policy", "acme/models");
    v.put("owner_volume", "weights");

    RunConfiguration c = ConfigurationJson.parse(t.bytes());

    assertThat(c.volumes().get(0).ownerPolicy()).isEqualTo("acme/models");
    assertThat(c.volumes().get(0).ownerVolume()).isEqualTo("weights");
  }

  @Test
  void parse_ownerPolicyWithDotDotSegment_refused() {
    TestConfiguration t =
        TestConfiguration.shell("true")
            .volume("shared", "/coffer/s", false, TreeKey.generate(), null, 0);
    ((ObjectNode) t.root.get("volumes").get(0)).put("owner_policy", "acme/../../etc");

    assertThat(refusal(t.bytes())).hasMessageContaining("volumes/0/owner_policy");
  }

  @Test
  void parse_unknownMember_refusedByPath() {
    TestConfiguration t = TestConfiguration.shell("true");
    t.root.put("surprise", 1);

    assertThat(refusal(t.bytes())).hasMessage("configuration: surprise: unknown member");
  }

  @Test
  void parse_shortVolumeKey_refused_withoutQuotingIt() {
    TestConfiguration t =
        TestConfiguration.shell("true")
            .volume("data", "/coffer/data", false, TreeKey.generate(), null, 0);
    ((ObjectNode) t.root.get("volumes").get(0)).put("key", "c2VjcmV0");

    assertThat(refusal(t.bytes()))
        .hasMessage("configuration: volumes/0/key: not 32 bytes")
        .hasMessageNotContaining("c2VjcmV0");
  }

  @Test
  void parse_tagWithoutGeneration_refused() {
    TestConfiguration t =
        TestConfiguration.shell("true")
            .volume("data", "/coffer/data", false, TreeKey.generate(), null, 3);

    assertThat(refusal(t.bytes())).hasMessageContaining("volumes/0/generation");
  }

  @Test
  void parse_otherVersion_refused() {
    TestConfiguration t = TestConfiguration.shell("true");
    t.root.put("version", 2);

    assertThat(refusal(t.bytes())).hasMessage("configuration: version: not 1");
  }

  @Test
  void parse_duplicateMember_refused() {
    String doc =
        new String(TestConfiguration.shell("true").bytes(), StandardCharsets.UTF_8)
            .replaceFirst("\\{", "{\"pwd\":null,");

    refusal(doc.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void parse_modeAbove0777_refused() {
    TestConfiguration t = TestConfiguration.shell("true").file("/coffer/f", 04755, "x");

    assertThat(refusal(t.bytes())).hasMessageContaining("files/0/mode");
  }

  @Test
  void toString_showsNoValue() throws Exception {
    RunConfiguration c =
        ConfigurationJson.parse(
            TestConfiguration.shell("echo cmd-secret")
                .env("K", "env-secret")
                .file("/coffer/f", 0600, "file-secret")
                .bytes());

    assertThat(c.toString() + c.files())
        .doesNotContain("cmd-secret")
        .doesNotContain("env-secret")
        .doesNotContain("file-secret");
  }

  @Test
  void parse_notJson_refused() {
    refusal("{".getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void parse_emptyCommand_refused() {
    TestConfiguration t = TestConfiguration.shell("true");
    t.root.putArray("command");

    assertThat(refusal(t.bytes())).hasMessage("configuration: command: empty");
  }

  @Test
  void parse_invalidEmptyThrowsNothingElse() {
    assertThatThrownBy(() -> ConfigurationJson.parse(new byte[0])).isInstanceOf(RunException.class);
  }
}
