package io.coffer.policy.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coffer.policy.PolicyException;
import io.coffer.policy.canonical.PolicyHash;
import io.coffer.policy.governance.Rule;
import io.coffer.policy.model.Policy;
import io.coffer.policy.model.Secret;
import io.coffer.policy.model.Security;
import io.coffer.policy.model.Service;
import io.coffer.policy.model.SgxCondition;
import io.coffer.policy.model.TdxCondition;
import io.coffer.policy.model.Tolerance;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PolicyParserTest {

  static String example(String name) {
    try (InputStream in =
        PolicyParserTest.class.getResourceAsStream("/io/coffer/policy/examples/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static Policy parse(String text) throws PolicyException {
    return PolicyParser.parse("p.yaml", text);
  }

  @Test
  void threeStakeholderWorkflow_parses_withItsExportsAndImports() throws Exception {
    Policy hospital = parse(example("hospital-patients.yaml"));
    Policy acme = parse(example("acme-model.yaml"));
    Policy lab = parse(example("lab-training.yaml"));

    assertThat(hospital.volumes().get(0).export().get(0).policy().value())
        .isEqualTo("lab/training");
    assertThat(hospital.access().create()).isEqualTo(Rule.NONE);
    assertThat(acme.access().read()).isEqualTo(Rule.CREATOR);
    assertThat(acme.access().update()).isInstanceOf(Rule.RequireAtLeast.class);
    Service trainer = lab.service("trainer").orElseThrow();
    assertThat(trainer.identity().alternatives())
        .hasSize(2)
        .hasExactlyElementsOfTypes(SgxCondition.class, TdxCondition.class);
    assertThat(trainer.environment()).containsEntry("RESULT_KEY", "$$COFFER:result-key:hex$$");
    assertThat(trainer.files().get(1).mode()).isEqualTo(0600);
    assertThat(trainer.volumes())
        .extracting(Service.VolumeMount::readOnly)
        .containsExactly(true, true, false);
    Secret licence = lab.secret("licence").orElseThrow();
    assertThat(licence.importFrom().orElseThrow().policy()).isEqualTo(acme.name());
    Secret tls = lab.secret("trainer-tls").orElseThrow();
    assertThat(tls.x509().orElseThrow().issuer()).contains("lab-ca");
    assertThat(tls.x509().orElseThrow().validFor()).contains(Duration.ofDays(90));
    assertThat(tls.migrate()).isTrue();
    assertThat(lab.secret("result-key").orElseThrow().revealTo()).hasSize(1);
    assertThat(lab.security().tolerate())
        .containsExactlyInAnyOrder(Tolerance.CONFIGURATION_NEEDED, Tolerance.SW_HARDENING_NEEDED);
  }

  @Test
  void defaults_areExplicitInTheHash() throws Exception {
    String minimal = "name: a/b\nversion: 1\n";
    String explicit =
        "name: a/b\nversion: 1\naccess: {read: CREATOR, update: CREATOR, create: CREATOR}\n"
            + "services: []\nsecrets: []\nvolumes: []\nsecurity: {tolerate: [], ignore_advisories: []}\n";

    Policy a = parse(minimal);
    Policy b = parse(explicit);

    assertThat(a).isEqualTo(b);
    assertThat(PolicyHash.of(a)).isEqualTo(PolicyHash.of(b));
    assertThat(a.security()).isEqualTo(Security.DEFAULT);
  }

  @Test
  void reorderingNamedItems_keepsTheHash() throws Exception {
    String one =
        "name: a/b\nversion: 1\nsecrets:\n  - {name: x, kind: ascii, size: 8}\n"
            + "  - {name: y, kind: binary, size: 8}\n";
    String two =
        "name: a/b\nversion: 1\nsecrets:\n  - {name: y, kind: binary, size: 8}\n"
            + "  - {name: x, kind: ascii, size: 8}\n";

    assertThat(PolicyHash.of(parse(one))).isEqualTo(PolicyHash.of(parse(two)));
  }

  /** Each row changes one thing in the lab's policy; each change must change its hash. */
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "name: lab/training|name: lab/training2",
        "33d8736db756ed4997e04ba358d27833188f1932ff7b1d156904d3f560452fbb|33d8736db756ed4997e04ba358d27833188f1932ff7b1d156904d3f560452fbc",
        "isvsvn_min: 0|isvsvn_min: 1",
        "--epochs=10|--epochs=11",
        "/app/train.py, --data|/app/train.py, --verbose, --data",
        "mode: ro|mode: rw",
        "size: 32|size: 33",
        "valid_for: 90d|valid_for: 91d",
        "endpoint: server|endpoint: both",
        "migrate: true|migrate: false",
        "tolerate: [configuration-needed, sw-hardening-needed]|tolerate: [configuration-needed, sw-hardening-needed, debug]",
        "INTEL-SA-00615]|INTEL-SA-00615, INTEL-SA-00999]",
        "pwd: /app|pwd: /srv",
        "key_type: p384|key_type: p256",
        "san: [dns:trainer.lab.example, ip:10.0.0.7]|san: [ip:10.0.0.7, dns:trainer.lab.example]",
      })
  void anySemanticChange_changesTheHash(String from, String to) throws Exception {
    String original = example("lab-training.yaml");
    assertThat(original).contains(from);
    String changed = original.replaceFirst(java.util.regex.Pattern.quote(from), to);

    assertThat(PolicyHash.of(parse(changed))).isNotEqualTo(PolicyHash.of(parse(original)));
  }

  @Test
  void theHash_isSha256OfTheCanonicalJson() throws Exception {
    Policy p = parse("name: a/b\nversion: 1\n");

    assertThat(PolicyHash.canonicalText(p))
        .isEqualTo(
            "{\"access\":{\"create\":\"CREATOR\",\"read\":\"CREATOR\",\"update\":\"CREATOR\"},"
                + "\"name\":\"a/b\",\"secrets\":[],\"security\":{\"ignore_advisories\":[],"
                + "\"tolerate\":[]},\"services\":[],\"version\":1,\"volumes\":[]}");
    assertThat(PolicyHash.of(p))
        .isEqualTo(
            java.util.HexFormat.of()
                .formatHex(
                    java.security.MessageDigest.getInstance("SHA-256")
                        .digest(PolicyHash.canonical(p))));
  }

  @Test
  void aSecretsValue_neverAppearsInTheCanonicalForm_butChangesTheHash() throws Exception {
    String one =
        "name: a/b\nversion: 1\nsecrets:\n  - {name: pw, kind: ascii, value: hunter2hunter2}\n";
    String two = one.replace("hunter2hunter2", "hunter3hunter3");

    assertThat(PolicyHash.canonicalText(parse(one)))
        .doesNotContain("hunter2")
        .contains("value_sha256");
    assertThat(PolicyHash.of(parse(one))).isNotEqualTo(PolicyHash.of(parse(two)));
    assertThat(parse(one).toString()).doesNotContain("hunter2");
  }

  private static final String TREE_TAG =
      "5d41402abc4b2a76b9719d911017c592ae5d41402abc4b2a76b9719d911017c5";

  private static String withFsShield(String key, String tag, String secrets) {
    return "name: acme/app\nversion: 1\nservices:\n  - name: web\n    identity:\n"
        + "      - simulation:\n          measurement: "
        + TREE_TAG
        + "\n    command: [/app/web]\n    fs_shield:\n      key: "
        + key
        + "\n      tag: "
        + tag
        + "\nsecrets:\n"
        + secrets;
  }

  @Test
  void fsShield_withAGeneratedKeyOf32Bytes_parses() throws Exception {
    Policy p =
        parse(
            withFsShield("image-key", TREE_TAG, "  - {name: image-key, kind: binary, size: 32}\n"));

    assertThat(p.service("web").orElseThrow().fsShield())
        .contains(new Service.FsShield("image-key", TREE_TAG));
  }

  @Test
  void fsShield_withAnUpperCaseTag_isStoredInLowerCase() throws Exception {
    Policy p =
        parse(
            withFsShield(
                "image-key",
                TREE_TAG.toUpperCase(java.util.Locale.ROOT),
                "  - {name: image-key, kind: binary, size: 32}\n"));

    assertThat(p.service("web").orElseThrow().fsShield().orElseThrow().tag()).isEqualTo(TREE_TAG);
  }

  @Test
  void fsShield_withAGivenValueOf32Bytes_parses() throws Exception {
    String value = java.util.Base64.getEncoder().encodeToString(new byte[32]);

    Policy p =
        parse(
            withFsShield(
                "image-key",
                TREE_TAG,
                "  - {name: image-key, kind: binary, value: \"" + value + "\"}\n"));

    assertThat(p.service("web").orElseThrow().fsShield()).isPresent();
  }

  @Test
  void fsShield_withAnImportedBinaryKey_parses_itsSizeBeingTheExportersToCheck() throws Exception {
    Policy p =
        parse(
            withFsShield(
                "image-key",
                TREE_TAG,
                "  - name: image-key\n    kind: binary\n"
                    + "    import: {policy: acme/images, secret: web-image}\n"));

    assertThat(p.service("web").orElseThrow().fsShield().orElseThrow().key())
        .isEqualTo("image-key");
  }

  @Test
  void fsShield_withAnImportedKeyOfAnotherKind_isRefused() {
    String text =
        withFsShield(
            "image-key",
            TREE_TAG,
            "  - name: image-key\n    kind: ascii\n"
                + "    import: {policy: acme/images, secret: web-image}\n");

    assertThatThrownBy(() -> parse(text))
        .isInstanceOf(PolicyException.class)
        .hasMessageContaining(
            "services[0].fs_shield.key: 'image-key' is of kind ascii, not binary");
  }

  @Test
  void fsShield_withANonAsciiDigitInTheTag_isRefused_notThrown() {
    String tag = "\uff10" + TREE_TAG.substring(1);
    String text = withFsShield("image-key", tag, "  - {name: image-key, kind: binary, size: 32}\n");

    assertThatThrownBy(() -> parse(text))
        .isInstanceOf(PolicyException.class)
        .hasMessageContaining("services[0].fs_shield.tag: must be 64 hex characters");
  }

  @Test
  void fsShield_whoseKeyIsNoName_isRefused() {
    String text =
        withFsShield("../key", TREE_TAG, "  - {name: image-key, kind: binary, size: 32}\n");

    assertThatThrownBy(() -> parse(text))
        .isInstanceOf(PolicyException.class)
        .hasMessageContaining("services[0].fs_shield.key: '../key' is not a name");
  }

  @Test
  void notUtf8_isRefused() {
    assertThatThrownBy(() -> PolicyParser.parse("p.yaml", new byte[] {(byte) 0xff, 'a'}))
        .isInstanceOf(PolicyException.class)
        .hasMessage("p.yaml:0:0: the file is not UTF-8 text");
  }

  @Test
  void everyProblem_isReportedAtOnce_inDocumentOrder() {
    String text = "name: a//b\nversion: 3\nsecrets:\n  - {name: x, kind: nope}\nextra: 1\n";

    assertThatThrownBy(() -> parse(text))
        .isInstanceOfSatisfying(
            PolicyException.class,
            e ->
                assertThat(e.problems())
                    .extracting(io.coffer.policy.Problem::line)
                    .containsExactly(1, 2, 4, 5));
  }
}
