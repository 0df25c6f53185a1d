package io.coffer.cas.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.coffer.cas.client.AttestedWorkload;
import io.coffer.cas.client.CasClientException;
import io.coffer.cas.client.ClientIdentity;
import io.coffer.cas.events.AttestationFailed;
import io.coffer.cas.events.SecretReleased;
import io.coffer.cas.http.TestTls;
import io.coffer.policy.governance.Identity;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The key and expected tag of a service's protected image tree ({@code fs_shield}) in the
 * configuration of an admitted workload, end to end: the code owner reads the key through {@code
 * reveal_to}, seals the tree, and pins the tag in the next policy version; the workload receives
 * the same 32 bytes and that tag.
 */
class FsShieldProvisioningTest {

  @TempDir static Path dir;

  private static final ClientIdentity OWNER = TestTls.identity(Identity.Type.ED25519, "owner");
  private static final ClientIdentity OTHER = TestTls.identity(Identity.Type.P256, "other");
  private static final byte[] APP = LoopbackCas.measurement(21);
  private static final String TAG =
      "5d41402abc4b2a76b9719d911017c592ae5d41402abc4b2a76b9719d911017c5";
  private static final AtomicInteger NAMES = new AtomicInteger();
  private static LoopbackCas cas;

  @BeforeAll
  static void start() throws Exception {
    cas = LoopbackCas.start(dir);
  }

  @AfterAll
  static void stop() {
    cas.close();
  }

  private static String fresh() {
    return "fs" + NAMES.incrementAndGet() + "/app";
  }

  /** A policy of one service {@code app}, with {@code fsShield} and {@code secrets} as given. */
  private static String policy(String name, String fsShield, String secrets) {
    return "name: "
        + name
        + "\nversion: 1\nservices:\n"
        + "  - name: app\n"
        + "    identity:\n"
        + "      - simulation:\n"
        + "          measurement: "
        + LoopbackCas.hex(APP)
        + "\n"
        + "    command: [/bin/app]\n"
        + fsShield
        + "secrets:\n"
        + secrets
        + "security:\n  tolerate: [simulation]\n";
  }

  private static String fsShield(String key, String tag) {
    return "    fs_shield:\n      key: " + key + "\n      tag: " + tag + "\n";
  }

  private static String imageKey(String size) {
    return "  - name: image-key\n    kind: binary\n    size: "
        + size
        + "\n    reveal_to:\n      - "
        + OWNER.key().identity()
        + "\n";
  }

  private static JsonNode configuration(AttestedWorkload w) throws Exception {
    return new ObjectMapper().readTree(w.configuration());
  }

  private static List<String> refusal(String policy) {
    try {
      cas.attest(policy, "app", APP);
    } catch (CasClientException e) {
      assertThat(e.slug()).isEqualTo("attestation-failed");
      return e.reasons();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
    throw new AssertionError(policy + " was admitted");
  }

  @Test
  void admitted_receivesTheKeyRevealToGaveTheOwner_andThePinnedTag() throws Exception {
    String name = fresh();
    // Version 1 declares the key; its owner reads it, seals the tree, and pins the tag in version
    // 2.
    cas.create(OWNER, policy(name, "", imageKey("32")));
    String revealed = cas.as(OWNER).reveal(name, "image-key").get("value");
    cas.update(OWNER, name, policy(name, fsShield("image-key", TAG), imageKey("32")));

    AttestedWorkload w = cas.attest(name, "app", APP);

    JsonNode config = configuration(w);
    byte[] key = Base64.getDecoder().decode(config.at("/fs_shield/key").asText());
    assertThat(key).hasSize(32).isEqualTo(HexFormat.of().parseHex(revealed));
    assertThat(config.at("/fs_shield/tag").asText()).isEqualTo(TAG);
    assertThat(config.get("secret_bearing"))
        .extracting(JsonNode::asText)
        .contains("/fs_shield/key");
    List<SecretReleased> toWorkloads =
        cas.audit().of(SecretReleased.class).stream()
            .map(LedgerAudit.Indexed::event)
            .filter(e -> e.policy().equals(name) && e.service().isPresent())
            .toList();
    assertThat(toWorkloads).hasSize(1);
    assertThat(toWorkloads.get(0).secrets())
        .extracting(SecretReleased.Released::name)
        .containsExactly("image-key");
  }

  @Test
  void serviceWithoutFsShield_getsNull_andReleasesNothing() throws Exception {
    String name = fresh();
    cas.create(OWNER, policy(name, "", imageKey("32")));

    JsonNode config = configuration(cas.attest(name, "app", APP));

    assertThat(config.get("fs_shield").isNull()).isTrue();
    assertThat(config.get("secret_bearing")).isEmpty();
    assertThat(cas.audit().of(SecretReleased.class))
        .noneMatch(i -> i.event().policy().equals(name) && i.event().service().isPresent());
  }

  @Test
  void importedKeyNotShared_isRefused_secretUnavailable() throws Exception {
    String exporter = fresh();
    String importer = fresh();
    cas.create(OTHER, policy(exporter, "", "  - name: image\n    kind: binary\n    size: 32\n"));
    String imported =
        "  - name: image-key\n    kind: binary\n    import: {policy: "
            + exporter
            + ", secret: image}\n";
    cas.create(OWNER, policy(importer, fsShield("image-key", TAG), imported));

    assertThat(refusal(importer)).containsExactly("secret-unavailable");
  }

  @Test
  void importedKeyOfAnotherSize_isRefused_withoutReleasingIt() throws Exception {
    String exporter = fresh();
    String importer = fresh();
    cas.create(
        OTHER,
        policy(
            exporter,
            "",
            "  - name: image\n    kind: binary\n    size: 16\n    export:\n      - policy: "
                + importer
                + "\n    reveal_to:\n      - "
                + OTHER.key().identity()
                + "\n"));
    byte[] value = HexFormat.of().parseHex(cas.as(OTHER).reveal(exporter, "image").get("value"));
    String imported =
        "  - name: image-key\n    kind: binary\n    import: {policy: "
            + exporter
            + ", secret: image}\n";
    cas.create(OWNER, policy(importer, fsShield("image-key", TAG), imported));

    CasClientException refused = null;
    try {
      cas.attest(importer, "app", APP);
    } catch (CasClientException e) {
      refused = e;
    }

    assertThat(refused).isNotNull();
    assertThat(refused.reasons()).containsExactly("secret-unavailable");
    assertThat(refused.getMessage())
        .contains("image-key")
        .contains("32 bytes")
        .doesNotContain(HexFormat.of().formatHex(value))
        .doesNotContain(Base64.getEncoder().encodeToString(value));
    LedgerAudit audit = cas.audit();
    assertThat(audit.of(AttestationFailed.class))
        .filteredOn(i -> i.event().policy().equals(importer))
        .extracting(i -> i.event().reasons())
        .containsExactly(List.of(AttestationFailed.Reason.SECRET_UNAVAILABLE));
    assertThat(audit.of(SecretReleased.class)).noneMatch(i -> i.event().policy().equals(importer));
  }
}
