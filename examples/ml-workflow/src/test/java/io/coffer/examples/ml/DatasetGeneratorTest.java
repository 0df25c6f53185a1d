package io.coffer.examples.ml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetGeneratorTest {

  @TempDir Path dir;

  @Test
  void generate_sameSeed_sameBytes() {
    String a = PatientCsv.format(DatasetGenerator.generate(DatasetGenerator.SEED, 500));
    String b = PatientCsv.format(DatasetGenerator.generate(DatasetGenerator.SEED, 500));

    assertThat(a).isEqualTo(b);
  }

  @Test
  void generate_otherSeed_otherRows() {
    assertThat(DatasetGenerator.generate(1, 50)).isNotEqualTo(DatasetGenerator.generate(2, 50));
  }

  @Test
  void write_isTheExamplesDataset_pinnedByItsDigest() throws Exception {
    Path file = DatasetGenerator.write(dir);

    byte[] bytes = Files.readAllBytes(file);
    assertThat(file.getFileName().toString()).isEqualTo("dataset.csv");
    // The dataset every run of the example trains on: a change of the generator shows here.
    assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)))
        .isEqualTo(DatasetGeneratorTest.DIGEST);
    assertThat(new String(bytes, StandardCharsets.US_ASCII))
        .startsWith(PatientCsv.labelledHeader() + "\n");
  }

  @Test
  void write_readsBackAsTheGeneratedRows_withBothOutcomesBalancedEnough() throws Exception {
    List<LabelledPatient> rows = PatientCsv.readLabelled(DatasetGenerator.write(dir));

    assertThat(rows)
        .hasSize(DatasetGenerator.ROWS)
        .isEqualTo(DatasetGenerator.generate(DatasetGenerator.SEED, DatasetGenerator.ROWS));
    long readmitted = rows.stream().filter(r -> r.outcome() == Outcome.READMITTED).count();
    assertThat(readmitted).isBetween(500L, 900L);
  }

  @Test
  void write_existingFile_refused_notReplaced() throws Exception {
    Files.writeString(dir.resolve("dataset.csv"), "mine");

    assertThatThrownBy(() -> DatasetGenerator.write(dir))
        .isInstanceOf(FileAlreadyExistsException.class);
    assertThat(Files.readString(dir.resolve("dataset.csv"))).isEqualTo("mine");
  }

  @Test
  void generate_rowsOutOfBounds_refused() {
    assertThatThrownBy(() -> DatasetGenerator.generate(1, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> DatasetGenerator.generate(1, PatientCsv.MAX_ROWS + 1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  static final String DIGEST = "ab7ef95363788b115f854cb0562f3a3014eb6648594c25ac4ba536ef1c99a63e";
}
