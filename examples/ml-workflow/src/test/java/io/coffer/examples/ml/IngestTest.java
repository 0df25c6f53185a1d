package io.coffer.examples.ml;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IngestTest {

  @TempDir Path dir;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int ingest(Path source, Path destination) {
    return Ingest.run(
        source,
        destination,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @Test
  void run_validDataset_copiedExactly_printsOnlyTheRowCount() throws Exception {
    Path source = DatasetGenerator.write(Files.createDirectories(dir.resolve("image")));
    Path volume = Files.createDirectories(dir.resolve("volume"));

    int code = ingest(source, volume);

    assertThat(code).as(err.toString()).isZero();
    assertThat(Files.readAllBytes(volume.resolve("dataset.csv")))
        .isEqualTo(Files.readAllBytes(source));
    assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("ingested 2000 rows\n");
    try (var s = Files.list(volume)) {
      assertThat(s.toList()).hasSize(1);
    }
  }

  @Test
  void run_invalidDataset_refused_nothingWritten_noValueShown() throws Exception {
    Path source =
        Files.writeString(
            dir.resolve("bad.csv"),
            PatientCsv.labelledHeader()
                + "\n68,2,6,11,7.1,140.0,29.0,2,yes\n68,2,6,11,SECRET7,140.0,29.0,2,no\n");
    Path volume = Files.createDirectories(dir.resolve("volume"));

    int code = ingest(source, volume);

    assertThat(code).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("NOT_A_NUMBER", "bad.csv:3: hba1c_percent")
        .doesNotContain("SECRET7");
    assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    try (var s = Files.list(volume)) {
      assertThat(s.toList()).isEmpty();
    }
  }

  @Test
  void run_missingSource_failsAsIo() throws Exception {
    int code = ingest(dir.resolve("absent.csv"), Files.createDirectories(dir.resolve("v")));

    assertThat(code).isEqualTo(2);
  }
}
