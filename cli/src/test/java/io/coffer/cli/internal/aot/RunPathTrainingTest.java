package io.coffer.cli.internal.aot;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.runtime.RunOutcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunPathTrainingTest {

  @Test
  void train_reachesTheProgramStart_andEmptiesTheWorkDirectory(@TempDir Path dir) throws Exception {
    RunOutcome outcome = RunPathTraining.train(dir);

    assertThat(outcome.exitStatus()).isZero();
    assertThat(dir.resolve("sealed")).isDirectory();
    assertThat(dir.resolve("work")).isEmptyDirectory();
  }

  @Test
  void run_leavesNothingBehind(@TempDir Path parent) throws IOException {
    RunPathTraining.run(parent);

    try (Stream<Path> left = Files.list(parent)) {
      assertThat(left).isEmpty();
    }
  }
}
