package io.coffer.examples.ml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coffer.policy.PolicyException;
import io.coffer.policy.canonical.PolicyHash;
import io.coffer.policy.governance.Identity;
import io.coffer.policy.model.Export;
import io.coffer.policy.model.Policy;
import io.coffer.policy.model.Secret;
import io.coffer.policy.model.Service;
import io.coffer.policy.model.Tolerance;
import io.coffer.policy.model.Volume;
import io.coffer.policy.parse.PolicyParser;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The policy templates, filled as README.md says and in its order (the vendor's first, then the
 * hospital's and the model owner's, which pin the vendor's hash), parse with the policy module's
 * parser and say what the story says.
 */
class PolicyTemplatesTest {

  private static final Path POLICIES = Path.of("policies");
  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z_]+)}");

  private static final Map<String, String> VALUES = new HashMap<>();
  private static Policy vendor;
  private static Policy hospital;
  private static Policy modelOwner;

  @BeforeAll
  static void fillInTheDocumentedOrder() throws Exception {
    VALUES.put("HOSPITAL_ID", identity());
    VALUES.put("VENDOR_ID", identity());
    VALUES.put("MODEL_OWNER_ID", identity());
    for (String m :
        List.of(
            "INGEST_MEASUREMENT",
            "TRAINER_MEASUREMENT",
            "INFER_MEASUREMENT",
            "DATASET_IMAGE_TAG",
            "TRAINER_IMAGE_TAG",
            "INFER_IMAGE_TAG")) {
      VALUES.put(m, hex32());
    }
    for (String k : List.of("HOSPITAL_IMAGE_KEY", "TRAINER_IMAGE_KEY", "MODEL_OWNER_IMAGE_KEY")) {
      VALUES.put(k, Base64.getEncoder().encodeToString(random(32)));
    }
    VALUES.put("JAVA", "/opt/java/bin/java");
    VALUES.put("WORK", "/coffer");
    VALUES.put("METRICS_OUT", "/srv/ml/metrics");

    vendor = parse("vendor.yaml");
    VALUES.put("VENDOR_POLICY_HASH", PolicyHash.of(vendor));
    hospital = parse("hospital.yaml");
    modelOwner = parse("model-owner.yaml");
  }

  private static Policy parse(String file) throws Exception {
    return PolicyParser.parse(file, fill(read(file), VALUES));
  }

  private static String read(String file) throws Exception {
    return Files.readString(POLICIES.resolve(file), StandardCharsets.UTF_8);
  }

  /** Replaces every ${NAME}; a placeholder without a value is an error. */
  static String fill(String template, Map<String, String> values) {
    Matcher m = PLACEHOLDER.matcher(template);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = values.get(m.group(1));
      if (value == null) {
        throw new IllegalArgumentException("no value for ${" + m.group(1) + "}");
      }
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    return m.appendTail(out).toString();
  }

  @Test
  void everyTemplate_documentsExactlyThePlaceholdersItUses() throws Exception {
    for (String file : List.of("hospital.yaml", "vendor.yaml", "model-owner.yaml")) {
      String text = read(file);
      int body = text.indexOf("\nname: ");
      assertThat(placeholders(text.substring(body)))
          .as(file)
          .isEqualTo(placeholders(documented(text.substring(0, body))));
    }
  }

  private static String documented(String header) {
    StringBuilder out = new StringBuilder();
    for (String line : header.split("\n")) {
      if (line.matches("#\\s+\\$\\{[A-Z_]+}\\s.*")) {
        out.append(line.substring(0, line.indexOf('}') + 1));
      }
    }
    return out.toString();
  }

  private static Set<String> placeholders(String text) {
    Set<String> names = new TreeSet<>();
    Matcher m = PLACEHOLDER.matcher(text);
    while (m.find()) {
      names.add(m.group(1));
    }
    return names;
  }

  @Test
  void unfilledTemplate_isNotAValidPolicy() {
    assertThatThrownBy(() -> PolicyParser.parse("vendor.yaml", read("vendor.yaml")))
        .isInstanceOf(PolicyException.class);
  }

  @Test
  void vendor_trainService_measuredShieldedCode_importsDatasetKeyAndModel() {
    Service train = vendor.service("train").orElseThrow();

    assertThat(train.fsShield()).isPresent();
    assertThat(train.fsShield().get().tag()).isEqualTo(VALUES.get("TRAINER_IMAGE_TAG"));
    assertThat(train.identity().toString()).contains(VALUES.get("TRAINER_MEASUREMENT"));
    assertThat(train.command())
        .startsWith(
            "/opt/java/bin/java", "-cp", "/coffer/app/lib/*", "io.coffer.examples.ml.Trainer")
        .endsWith("/srv/ml/metrics");
    assertThat(train.files())
        .singleElement()
        .satisfies(f -> {
          assertThat(f.content()).isEqualTo("$$COFFER:metrics-key:base64$$");
          assertThat(f.mode()).isEqualTo(0600);
        });
    assertThat(train.volumes())
        .extracting(v -> v.name() + (v.readOnly() ? ":ro" : ":rw"))
        .containsExactly("dataset:ro", "model:rw");
    assertThat(
            vendor.secret("metrics-key").orElseThrow().importFrom().orElseThrow().policy().value())
        .isEqualTo("hospital/readmission-data");
    assertThat(vendor.volumes())
        .extracting(v -> v.name() + "<-" + v.importFrom().orElseThrow().policy().value())
        .containsExactlyInAnyOrder(
            "dataset<-hospital/readmission-data", "model<-model-owner/readmission-model");
  }

  @Test
  void hospital_sharesDatasetAndMetricsKey_onlyWithThePinnedVendorTrainService() {
    Volume dataset = only(hospital.volumes(), "dataset");
    Secret key = hospital.secret("metrics-key").orElseThrow();

    assertPinnedToVendorTrain(dataset.export());
    assertPinnedToVendorTrain(key.export());
    assertThat(key.kind()).isEqualTo(Secret.Kind.BINARY);
    assertThat(key.size().getAsInt()).isEqualTo(32);
    assertThat(key.revealTo())
        .extracting(Identity::toString)
        .containsExactly(VALUES.get("HOSPITAL_ID"));
    Service ingest = hospital.service("ingest").orElseThrow();
    assertThat(ingest.fsShield().orElseThrow().tag()).isEqualTo(VALUES.get("DATASET_IMAGE_TAG"));
    assertThat(ingest.volumes()).singleElement().satisfies(v -> assertThat(v.readOnly()).isFalse());
    assertThat(hospital.secret("image-key").orElseThrow().revealTo()).isEmpty();
  }

  @Test
  void modelOwner_sharesModelOnlyWithThePinnedVendorTrainService_infersReadOnly() {
    assertPinnedToVendorTrain(only(modelOwner.volumes(), "model").export());
    Service infer = modelOwner.service("infer").orElseThrow();

    assertThat(infer.volumes()).singleElement().satisfies(v -> assertThat(v.readOnly()).isTrue());
    assertThat(infer.fsShield().orElseThrow().tag()).isEqualTo(VALUES.get("INFER_IMAGE_TAG"));
  }

  @Test
  void everyPolicy_toleratesSimulation_andIsUpdatedByItsOwnerOnly() {
    Map<Policy, String> owners =
        Map.of(hospital, "HOSPITAL_ID", vendor, "VENDOR_ID", modelOwner, "MODEL_OWNER_ID");
    owners.forEach((policy, owner) -> {
      assertThat(policy.security().tolerate()).containsExactly(Tolerance.SIMULATION);
      assertThat(policy.access().update().toString()).isEqualTo(VALUES.get(owner));
      assertThat(policy.access().read().toString()).isEqualTo(VALUES.get(owner));
    });
  }

  @Test
  void vendorChanged_hashChanges_soThePinnedExportsNoLongerMatch() throws Exception {
    Map<String, String> other = new HashMap<>(VALUES);
    other.put("TRAINER_MEASUREMENT", hex32());

    Policy changed = PolicyParser.parse("vendor.yaml", fill(read("vendor.yaml"), other));

    assertThat(PolicyHash.of(changed)).isNotEqualTo(VALUES.get("VENDOR_POLICY_HASH"));
  }

  private static void assertPinnedToVendorTrain(List<Export> exports) {
    assertThat(exports)
        .singleElement()
        .satisfies(e -> {
          assertThat(e.policy().value()).isEqualTo("vendor/readmission-trainer");
          assertThat(e.policyHash()).contains(VALUES.get("VENDOR_POLICY_HASH"));
          assertThat(e.services()).containsExactly("train");
        });
  }

  private static Volume only(List<Volume> volumes, String name) {
    assertThat(volumes).extracting(Volume::name).containsExactly(name);
    return volumes.get(0);
  }

  private static String identity() throws Exception {
    return Identity.of(KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPublic())
        .toString();
  }

  private static String hex32() {
    return HexFormat.of().formatHex(random(32));
  }

  private static byte[] random(int n) {
    byte[] b = new byte[n];
    new SecureRandom().nextBytes(b);
    return b;
  }
}
