package io.coffer.cli.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.coffer.cli.command.CofferHome;
import io.coffer.examples.ml.DatasetGenerator;
import io.coffer.examples.ml.Metrics;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The story of {@code coffer demo}: a hospital, a vendor and a model owner train and use a
 * readmission model together on a CAS run by an operator who holds no key, and an auditor checks
 * the log afterwards. Every stakeholder acts through {@code coffer} commands in processes of their
 * own, as in {@code docs/tutorial.md}; the workloads run under {@code coffer run}. Each step's
 * outcome is checked: a refusal that does not happen is a failure of the demo.
 */
final class ReadmissionDemo {
  static final String CAS = "demo";
  static final String HOSPITAL = "hospital/readmission-data";
  static final String VENDOR = "vendor/readmission-trainer";
  static final String MODEL_OWNER = "model-owner/readmission-model";
  static final List<String> PEOPLE =
      List.of("hospital", "vendor", "model-owner", "auditor", "operator");
  static final int STEPS = 18;

  /** One refusal the demo provokes. */
  record Refusal(String actor, String attempt, int exitCode, String reason, String ledgerEvent) {}

  private final Workspace ws;
  private final Path app;
  private final Narrator narrator;
  private final ChildCoffer coffer;
  private final ObjectMapper json = new ObjectMapper();
  private final Map<String, String> identities = new ConcurrentHashMap<>();
  private final Map<String, String> fill = new LinkedHashMap<>();
  private final Map<String, Path> sealed = new LinkedHashMap<>();
  private EmbeddedCas cas;

  // What the story produced, for the summary.
  Metrics metrics;
  final List<String> predictions = new ArrayList<>();
  final List<Refusal> refusals = new ArrayList<>();
  final Map<String, Integer> events = new TreeMap<>();
  JsonNode ledger;

  ReadmissionDemo(Workspace ws, Path app, Narrator narrator) {
    this.ws = ws;
    this.app = app;
    this.narrator = narrator;
    this.coffer = new ChildCoffer(ws.home());
  }

  void run() {
    try {
      narrator.step(
          "start an embedded CAS (SQLite, simulation TEE) run by the operator",
          () -> {
            Files.createDirectories(ws.home());
            cas = EmbeddedCas.start(ws.casData(), new CofferHome(ws.home()));
            return cas.url().toString();
          });
      narrator.step("every stakeholder verifies the CAS and pins its keys", this::pin);
      narrator.step("create an identity for each stakeholder and the operator", this::identities);
      narrator.step(
          "vendor: seal the training code and measure it", () -> sealCode("vendor", "TRAINER"));
      narrator.step(
          "model owner: seal the inference code and measure it",
          () -> sealCode("model-owner", "INFER"));
      narrator.step("hospital: generate the dataset (synthetic) and seal it", this::sealDataset);
      narrator.step(
          "vendor: create its policy (training service, code pinned)", this::vendorPolicy);
      narrator.step(
          "model owner: review the vendor's policy, create its own pinning its hash",
          () -> createPolicy("model-owner", "model-owner.yaml", MODEL_OWNER));
      narrator.step(
          "hospital: create its policy: dataset and metrics key only for that vendor version",
          () -> createPolicy("hospital", "hospital.yaml", HOSPITAL));
      narrator.step(
          "operator: run the hospital's ingest with coffer run",
          () -> runService(HOSPITAL, "ingest", "hospital", "ingested 2000 rows"));
      narrator.step(
          "operator: run the vendor's training with coffer run",
          () -> runService(VENDOR, "train", "vendor", "trained on 1600 rows"));
      narrator.step("operator: run the model owner's inference with coffer run", this::infer);
      narrator.step("hospital: read its metrics key and decrypt the metrics", this::metrics);
      narrator.step(
          "operator: try to read the dataset by running its own code as the trainer",
          () -> impersonate(VENDOR, "train", "vendor", "read the dataset"));
      narrator.step(
          "operator: try to read the model by running its own code as the inference",
          () -> impersonate(MODEL_OWNER, "infer", "model-owner", "read the model"));
      narrator.step(
          "operator: try to read the metrics key and the hospital's policy", this::operatorReads);
      narrator.step("auditor: fetch the log and verify it offline", this::audit);
      narrator.step("auditor: list the events that tell the story", this::listEvents);
    } finally {
      if (cas != null) {
        cas.close();
      }
    }
  }

  // ---- steps ----

  private String pin() {
    ChildCoffer.Result r =
        ok(
            coffer.run(
                List.of(
                    "cas",
                    "attest",
                    "--url",
                    cas.url().toString(),
                    "--name",
                    CAS,
                    "--tolerate",
                    "simulation")));
    return "pinned as '" + CAS + "', TLS key sha256:" + cas.fingerprint().substring(0, 16) + "…";
  }

  private String identities() throws InterruptedException, IOException {
    List<Thread> threads = new ArrayList<>();
    List<RuntimeException> failures = new ArrayList<>();
    for (String who : PEOPLE) {
      threads.add(
          Thread.ofPlatform()
              .start(() -> {
                try {
                  ChildCoffer.Result r =
                      ok(
                          coffer.run(
                              List.of(
                                  "identity",
                                  "create",
                                  "--out",
                                  ws.identity(who).toString(),
                                  "--name",
                                  who,
                                  "--json")));
                  identities.put(who, json.readTree(r.out()).get("identity").asText());
                } catch (IOException | RuntimeException e) {
                  synchronized (failures) {
                    failures.add(new IllegalStateException(who + ": " + e.getMessage(), e));
                  }
                }
              }));
    }
    for (Thread t : threads) {
      t.join();
    }
    if (!failures.isEmpty()) {
      throw failures.getFirst();
    }
    fill.put("HOSPITAL_ID", identities.get("hospital"));
    fill.put("VENDOR_ID", identities.get("vendor"));
    fill.put("MODEL_OWNER_ID", identities.get("model-owner"));
    fill.put("JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString());
    fill.put("METRICS_OUT", ws.out().resolve("metrics").toString());
    Files.createDirectories(ws.out().resolve("metrics"));
    return String.join(", ", PEOPLE);
  }

  /** Copies the programs into a stakeholder's tree, seals it, measures it. */
  private String sealCode(String who, String prefix) throws IOException {
    Path image = ws.stakeholder(who).resolve("image");
    DemoFiles.copyTree(app, image.resolve("app"));
    String tag = seal(who, image);
    fill.put(prefix + "_MEASUREMENT", measure(who));
    fill.put(prefix + "_IMAGE_TAG", tag);
    fill.put(("TRAINER".equals(prefix) ? "TRAINER" : "MODEL_OWNER") + "_IMAGE_KEY", keyBase64(who));
    DemoFiles.deleteTree(image);
    return "tag " + tag.substring(0, 16) + "…, plaintext deleted";
  }

  private String sealDataset() throws IOException {
    Path image = ws.stakeholder("hospital").resolve("image");
    DemoFiles.copyTree(app, image.resolve("app"));
    Path csv = DatasetGenerator.write(Files.createDirectories(image.resolve("input")));
    long rows = Files.readAllLines(csv).size() - 1;
    String tag = seal("hospital", image);
    fill.put("INGEST_MEASUREMENT", measure("hospital"));
    fill.put("DATASET_IMAGE_TAG", tag);
    fill.put("HOSPITAL_IMAGE_KEY", keyBase64("hospital"));
    DemoFiles.deleteTree(image);
    return rows
        + " synthetic rows (seed "
        + DatasetGenerator.SEED
        + "), tag "
        + tag.substring(0, 16)
        + "…";
  }

  private String seal(String who, Path image) throws IOException {
    Path out = ws.stakeholder(who).resolve("image.sealed");
    ChildCoffer.Result r =
        ok(
            coffer.run(
                List.of(
                    "fs",
                    "seal",
                    image.toString(),
                    out.toString(),
                    "--key-out",
                    ws.stakeholder(who).resolve("image.key").toString(),
                    "--json")));
    sealed.put(who, out);
    return json.readTree(r.out()).get("tag").asText();
  }

  private String measure(String who) {
    return ok(coffer.run(List.of("attest", "measure", sealed.get(who).toString()))).out().strip();
  }

  private String keyBase64(String who) throws IOException {
    return Files.readString(ws.stakeholder(who).resolve("image.key")).strip();
  }

  private String vendorPolicy() throws IOException {
    String detail = createPolicy("vendor", "vendor.yaml", VENDOR);
    Path file = ws.policies().resolve("vendor.yaml");
    String hash = ok(coffer.run(List.of("policy", "hash", file.toString()))).out().strip();
    fill.put("VENDOR_POLICY_HASH", hash);
    return detail + ", hash " + hash.substring(0, 16) + "…";
  }

  private String createPolicy(String who, String template, String name) throws IOException {
    Map<String, String> values = new LinkedHashMap<>(fill);
    values.put("WORK", ws.work(serviceOf(name)).toString());
    String text = PolicyTemplate.filled(template, values);
    Files.createDirectories(ws.policies());
    Path file = ws.policies().resolve(template);
    Files.writeString(file, text, StandardCharsets.UTF_8);
    ok(
        coffer.run(
            List.of(
                "policy",
                "create",
                "--cas",
                CAS,
                "--identity",
                ws.identity(who).toString(),
                file.toString())));
    return name + " version 1, approved by its owner";
  }

  private static String serviceOf(String policy) {
    return switch (policy) {
      case HOSPITAL -> "ingest";
      case VENDOR -> "train";
      default -> "infer";
    };
  }

  private List<String> runArgs(String policy, String service, Path measured) {
    return new ArrayList<>(
        List.of(
            "run",
            "--cas",
            CAS,
            "--policy",
            policy,
            "--service",
            service,
            "--tee",
            "simulation",
            "--measure",
            measured.toString(),
            "--fs",
            sealed.get(ownerOf(policy)).toString(),
            "--work",
            ws.work(service).toString(),
            "--volumes",
            ws.volumes().toString(),
            "--quiet"));
  }

  private static String ownerOf(String policy) {
    return switch (policy) {
      case HOSPITAL -> "hospital";
      case VENDOR -> "vendor";
      default -> "model-owner";
    };
  }

  private String runService(String policy, String service, String who, String expected) {
    ChildCoffer.Result r = ok(coffer.run(runArgs(policy, service, sealed.get(who))));
    if (!r.out().contains(expected)) {
      throw new IllegalStateException(
          "coffer run " + service + ": expected '" + expected + "' from the program");
    }
    return r.out().strip().lines().reduce((a, b) -> b).orElse("");
  }

  private String infer() {
    ChildCoffer.Result r = ok(coffer.run(runArgs(MODEL_OWNER, "infer", sealed.get("model-owner"))));
    r.out().lines().filter(l -> l.startsWith("patient ")).forEach(predictions::add);
    if (predictions.isEmpty()) {
      throw new IllegalStateException("the inference service printed no prediction");
    }
    return predictions.size() + " predictions, e.g. " + predictions.getFirst();
  }

  private String metrics() throws Exception {
    ChildCoffer.Result r =
        ok(
            coffer.run(
                List.of(
                    "secret",
                    "reveal",
                    "--cas",
                    CAS,
                    "--identity",
                    ws.identity("hospital").toString(),
                    "--policy",
                    HOSPITAL,
                    "--secret",
                    "metrics-key",
                    "--format",
                    "base64")));
    byte[] key = Base64.getDecoder().decode(r.out().strip());
    Path envelope;
    try (Stream<Path> s = Files.list(ws.out().resolve("metrics"))) {
      envelope = s.findFirst().orElseThrow(() -> new IllegalStateException("no metrics written"));
    }
    metrics = Metrics.decrypt(key, Files.readAllBytes(envelope));
    java.util.Arrays.fill(key, (byte) 0);
    return String.format(
        java.util.Locale.ROOT,
        "accuracy %.3f on %d test rows (the operator saw only %s, ciphertext)",
        metrics.accuracy(),
        metrics.testRows(),
        envelope.getFileName());
  }

  /** The operator runs code of its own under a stakeholder's service: the CAS must refuse it. */
  private String impersonate(String policy, String service, String owner, String attempt)
      throws IOException {
    Path own = ws.stakeholder("operator").resolve(service + "-dump");
    Files.createDirectories(own);
    Files.writeString(
        own.resolve("dump.sh"), "#!/bin/sh\ncat /coffer/*/dataset/* /coffer/*/model/*\n");
    ChildCoffer.Result r = coffer.run(runArgs(policy, service, own));
    if (r.exitCode() != 1 || !r.err().contains("wrong-measurement")) {
      throw new IllegalStateException(
          "the CAS was expected to refuse the operator's code as "
              + service
              + " (exit "
              + r.exitCode()
              + ")");
    }
    refusals.add(
        new Refusal("operator", attempt, r.exitCode(), "wrong-measurement", "attestation.failed"));
    return "refused: wrong-measurement; the program never started";
  }

  private String operatorReads() {
    ChildCoffer.Result secret =
        coffer.run(
            List.of(
                "secret",
                "reveal",
                "--cas",
                CAS,
                "--identity",
                ws.identity("operator").toString(),
                "--policy",
                HOSPITAL,
                "--secret",
                "metrics-key"));
    if (secret.exitCode() != 1) {
      throw new IllegalStateException("the operator was expected to be refused the metrics key");
    }
    refusals.add(
        new Refusal("operator", "read the metrics key", 1, "not in reveal_to", "access.denied"));
    ChildCoffer.Result policy =
        coffer.run(
            List.of(
                "policy",
                "read",
                "--cas",
                CAS,
                "--identity",
                ws.identity("operator").toString(),
                HOSPITAL));
    if (policy.exitCode() != 1) {
      throw new IllegalStateException(
          "the operator was expected to be refused the hospital's policy");
    }
    refusals.add(
        new Refusal(
            "operator", "read the hospital's policy", 1, "not its read rule", "access.denied"));
    return "both refused: access.denied";
  }

  private String audit() throws IOException {
    ok(coffer.run(List.of("audit", "fetch", "--cas", CAS, "--out", ws.audit().toString())));
    ChildCoffer.Result r =
        ok(
            coffer.run(
                List.of(
                    "audit",
                    "verify",
                    "--log",
                    ws.audit().toString(),
                    "--key",
                    Files.readString(ws.audit().resolve("vkey")).strip(),
                    "--json")));
    ledger = json.readTree(r.out());
    return JsonNodeText.of(ledger).summary();
  }

  private String listEvents() throws IOException {
    ChildCoffer.Result r =
        ok(coffer.run(List.of("audit", "events", "--log", ws.audit().toString(), "--json")));
    for (JsonNode e : json.readTree(r.out())) {
      events.merge(e.get("type").asText(), 1, Integer::sum);
    }
    for (Refusal refusal : refusals) {
      if (!events.containsKey(refusal.ledgerEvent())) {
        throw new IllegalStateException("no " + refusal.ledgerEvent() + " in the log");
      }
    }
    if (events.getOrDefault("attestation.succeeded", 0) < 3
        || events.getOrDefault("attestation.failed", 0) < 2
        || events.getOrDefault("access.denied", 0) < 2
        || events.getOrDefault("secret.released", 0) < 1
        || events.getOrDefault("volume.tag.updated", 0) < 2) {
      throw new IllegalStateException("the log does not tell the whole story: " + events);
    }
    return events.toString();
  }

  // ---- helpers ----

  private static ChildCoffer.Result ok(ChildCoffer.Result r) {
    if (!r.ok()) {
      String err = r.err().strip().lines().reduce((a, b) -> b).orElse("");
      throw new IllegalStateException(r.commandLine() + " exited " + r.exitCode() + ": " + err);
    }
    return r;
  }
}
