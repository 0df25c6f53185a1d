package io.coffer.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.coffer.cli.command.ExitCode;
import io.coffer.cli.testing.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code coffer demo --json} end to end: an embedded CAS, every stakeholder's step as a {@code
 * coffer} process, the three workloads under {@code coffer run}, the operator's refusals, the
 * auditor's offline verification; the summary says what happened.
 */
class DemoCommandTest {

  /** The accuracy the example's model reaches on its synthetic data is about 0.89. */
  static final double ACCURACY_FLOOR = 0.85;

  @TempDir Path dir;

  @Test
  void demo_runsTheWholeStory_andItsSummaryShowsEveryStepRefusalAndTheVerifiedLog()
      throws Exception {
    Path kept = dir.resolve("kept");

    CliRun run = CliRun.run("demo", "--json", "--keep", kept.toString());

    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.OK);
    JsonNode s = new ObjectMapper().readTree(run.out());
    assertThat(s.get("simulation").asBoolean()).isTrue();
    assertThat(s.get("ok").asBoolean()).isTrue();
    assertThat(s.get("steps")).hasSize(ReadmissionDemo.STEPS);
    for (JsonNode step : s.get("steps")) {
      assertThat(step.get("ok").asBoolean()).as(step.toString()).isTrue();
    }
    assertThat(s.at("/metrics/accuracy").asDouble()).isGreaterThanOrEqualTo(ACCURACY_FLOOR);
    assertThat(s.at("/metrics/test_rows").asInt()).isEqualTo(400);
    assertThat(s.get("predictions")).isNotEmpty();
    List<String> attempts = new ArrayList<>();
    for (JsonNode r : s.get("refusals")) {
      assertThat(r.get("in_ledger").asBoolean()).as(r.toString()).isTrue();
      assertThat(r.get("exit_code").asInt()).isEqualTo(ExitCode.NO);
      attempts.add(r.get("attempt").asText());
    }
    assertThat(attempts)
        .containsExactly(
            "read the dataset",
            "read the model",
            "read the metrics key",
            "read the hospital's policy");
    assertThat(s.at("/ledger/verified").asBoolean()).isTrue();
    assertThat(s.at("/ledger/size").asLong()).isGreaterThan(10);
    assertThat(s.at("/events/attestation.succeeded").asInt()).isEqualTo(3);
    assertThat(s.at("/events/attestation.failed").asInt()).isEqualTo(2);
    assertThat(s.at("/events/access.denied").asInt()).isGreaterThanOrEqualTo(2);
    assertThat(s.at("/events/volume.tag.updated").asInt()).isEqualTo(2);
    assertThat(run.err()).contains("SIMULATION MODE").contains("[18/18]");
    // The operator's side of the disk holds no plaintext of the assets: only sealed trees and
    // the metrics' ciphertext.
    assertThat(Files.readString(kept.resolve("out/metrics").toFile().listFiles()[0].toPath()))
        .contains("\"alg\":\"A256GCM\"")
        .doesNotContain("accuracy");
    assertThat(kept.resolve("stakeholders/hospital/image")).doesNotExist();
    assertThat(kept.resolve("work/train")).isEmptyDirectory();
  }
}
