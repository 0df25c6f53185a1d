package io.coffer.examples.ml;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InferenceTest {

  @TempDir static Path dir;

  private static Path modelDir;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @BeforeAll
  static void train() throws Exception {
    modelDir = Files.createDirectories(dir.resolve("model"));
    ReadmissionModel.save(
        Training.train(DatasetGenerator.generate(DatasetGenerator.SEED, DatasetGenerator.ROWS))
            .model(),
        modelDir);
  }

  private int infer(Path model, Path patients) {
    return Inference.run(
        model,
        patients,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @Test
  void run_builtInExamples_oneLinePerPatient() {
    int code = infer(modelDir, null);

    assertThat(code).as(err.toString()).isZero();
    String[] lines = out.toString(StandardCharsets.UTF_8).split("\n");
    assertThat(lines).hasSize(3);
    assertThat(lines[0])
        .matches(
            "patient 1: predicted no, probability 0\\.\\d{3}|patient 1: predicted no, probability 1\\.000");
    assertThat(lines[2]).startsWith("patient 3: predicted yes, probability ");
  }

  @Test
  void run_patientsFile_predictsEachRow() throws Exception {
    Path patients =
        Files.writeString(
            dir.resolve("p.csv"),
            PatientCsv.featureHeader()
                + "\n30,0,1,2,5.0,115.0,22.0,0\n90,8,25,30,11.0,180.0,35.0,9\n");

    int code = infer(modelDir, patients);

    assertThat(code).as(err.toString()).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8))
        .startsWith("patient 1: predicted no, ")
        .contains("\npatient 2: predicted yes, ");
  }

  @Test
  void run_noModel_refused() throws Exception {
    int code = infer(Files.createDirectories(dir.resolve("empty")), null);

    assertThat(code).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("UNREADABLE");
    assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
  }

  @Test
  void run_badPatientsFile_refused() throws Exception {
    Path patients = Files.writeString(dir.resolve("bad.csv"), PatientCsv.labelledHeader() + "\n");

    int code = infer(modelDir, patients);

    assertThat(code).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("WRONG_HEADER");
  }
}
