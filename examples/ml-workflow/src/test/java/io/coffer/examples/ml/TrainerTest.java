package io.coffer.examples.ml;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainerTest {

  @TempDir static Path dir;

  private static final byte[] KEY = new byte[32];
  private static Path dataset;
  private static Path keyFile;
  private static Path model;
  private static Path out;
  private static int code;
  private static String stdout;
  private static String stderr;

  @BeforeAll
  static void trainOnce() throws Exception {
    new SecureRandom().nextBytes(KEY);
    dataset = DatasetGenerator.write(Files.createDirectories(dir.resolve("dataset")));
    keyFile =
        Files.writeString(dir.resolve("metrics.key"), Base64.getEncoder().encodeToString(KEY));
    model = Files.createDirectories(dir.resolve("model"));
    out = dir.resolve("out");
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    ByteArrayOutputStream e = new ByteArrayOutputStream();
    code =
        Trainer.run(
            dataset,
            model,
            keyFile,
            out,
            new PrintStream(o, true, StandardCharsets.UTF_8),
            new PrintStream(e, true, StandardCharsets.UTF_8));
    stdout = o.toString(StandardCharsets.UTF_8);
    stderr = e.toString(StandardCharsets.UTF_8);
  }

  @Test
  void run_writesModelAndMetrics_printsNothingSensitive() throws Exception {
    assertThat(code).as(stderr).isZero();
    assertThat(stdout).isEqualTo("trained on 1600 rows; model written\n");
    assertThat(stderr).isEmpty();
    assertThat(model.resolve("readmission.model")).isRegularFile();
    try (var s = Files.list(out)) {
      assertThat(s.toList()).containsExactly(out.resolve("metrics.enc.json"));
    }
  }

  @Test
  void run_metricsDecryptOnlyWithTheKey_andReachTheFloor() throws Exception {
    byte[] envelope = Files.readAllBytes(out.resolve(Trainer.METRICS_FILE));

    Metrics m = Metrics.decrypt(KEY, envelope);

    assertThat(m.accuracy()).isGreaterThanOrEqualTo(TrainingTest.ACCURACY_FLOOR);
    assertThat(new String(envelope, StandardCharsets.UTF_8)).doesNotContain("accuracy");
    byte[] other = KEY.clone();
    other[0] ^= 1;
    try {
      Metrics.decrypt(other, envelope);
      throw new AssertionError("opened with another key");
    } catch (MetricsException e) {
      assertThat(e.reason()).isEqualTo(MetricsException.Reason.DOES_NOT_OPEN);
    }
  }

  @Test
  void run_badKeyFile_refusedBeforeAnythingIsWritten() throws Exception {
    Path bad = Files.writeString(dir.resolve("bad.key"), "c2hvcnQ=");
    Path emptyModel = Files.createDirectories(dir.resolve("model2"));
    Path out2 = dir.resolve("out2");
    ByteArrayOutputStream e = new ByteArrayOutputStream();

    int c =
        Trainer.run(
            dataset,
            emptyModel,
            bad,
            out2,
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
            new PrintStream(e, true, StandardCharsets.UTF_8));

    assertThat(c).isEqualTo(1);
    assertThat(e.toString(StandardCharsets.UTF_8)).contains("BAD_KEY");
    try (var s = Files.list(emptyModel)) {
      assertThat(s.toList()).isEmpty();
    }
    assertThat(out2).doesNotExist();
  }
}
