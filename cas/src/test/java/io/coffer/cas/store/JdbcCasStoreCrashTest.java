package io.coffer.cas.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.ledger.merkle.CompactRange;
import io.coffer.ledger.merkle.TreeHasher;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a process writing through a SQLite {@link JdbcCasStore} (SIGKILL, mid-run, concurrent
 * writers) and checks on reopening that every acknowledged write is there with its ledger entry,
 * that rows and ledger entries agree, and that the ledger's tree is the one its entries make.
 */
class JdbcCasStoreCrashTest {

  private static final int THREADS = 16;
  private static final int ACKNOWLEDGED_BEFORE_KILL = 1500;

  @TempDir Path dir;

  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void killedWriter_losesNoAcknowledgedWrite_andRowsAgreeWithTheLedger() throws Exception {
    Path file = dir.resolve("cas.db");
    Map<Long, String> acknowledged = new HashMap<>();

    for (int round = 0; round < 2; round++) {
      for (Map.Entry<Long, String> ack : runAndKill(file, round).entrySet()) {
        assertThat(acknowledged.put(ack.getKey(), ack.getValue()))
            .as("index %d acknowledged in two rounds", ack.getKey())
            .isNull();
      }

      try (JdbcCasStore store = JdbcCasStore.sqlite(file)) {
        long size = store.ledger().size();
        List<byte[]> entries = store.ledger().entries(0, (int) size);
        Set<String> logged = new HashSet<>();
        CompactRange range = CompactRange.empty();
        for (byte[] entry : entries) {
          String event = new String(entry, StandardCharsets.UTF_8);
          assertThat(logged.add(event)).as("logged twice: %s", event).isTrue();
          range.append(TreeHasher.leaf(entry), (id, h) -> {});
        }
        assertThat(store.ledger().head().root()).isEqualTo(range.root());
        for (Map.Entry<Long, String> ack : acknowledged.entrySet()) {
          assertThat(new String(entries.get(ack.getKey().intValue()), StandardCharsets.UTF_8))
              .as("entry %d", ack.getKey())
              .isEqualTo(CrashingCasWriter.event(ack.getValue()));
        }
        Set<String> rows = new HashSet<>(store.read(tx -> tx.policyNames("r", 10_000)));
        assertThat(rows).containsAll(acknowledged.values());
        Set<String> rowEvents = new HashSet<>();
        rows.forEach(name -> rowEvents.add(CrashingCasWriter.event(name)));
        assertThat(rowEvents).isEqualTo(logged);
      }
    }
  }

  /** Runs the writer until it acknowledged enough, kills it, and returns what it acknowledged. */
  private Map<Long, String> runAndKill(Path file, int round)
      throws IOException, InterruptedException {
    Path errors = dir.resolve("writer-" + round + ".err");
    Process child =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED",
                "-cp",
                System.getProperty("java.class.path"),
                CrashingCasWriter.class.getName(),
                file.toString(),
                Integer.toString(THREADS),
                Integer.toString(round))
            .redirectError(errors.toFile())
            .start();
    Map<Long, String> acknowledged = new HashMap<>();
    try (BufferedReader in = child.inputReader(StandardCharsets.UTF_8)) {
      String line;
      while (acknowledged.size() < ACKNOWLEDGED_BEFORE_KILL && (line = in.readLine()) != null) {
        record(acknowledged, line);
      }
      // SIGKILL through the process handle: Process.destroyForcibly would also close the pipe.
      assertThat(child.toHandle().destroyForcibly()).isTrue();
      assertThat(child.waitFor(20, TimeUnit.SECONDS)).isTrue();
      while ((line = in.readLine()) != null) {
        record(acknowledged, line);
      }
    } finally {
      child.destroyForcibly();
    }
    assertThat(acknowledged)
        .as("writer output; its errors: %s", Files.readString(errors))
        .hasSizeGreaterThanOrEqualTo(ACKNOWLEDGED_BEFORE_KILL);
    return acknowledged;
  }

  private static void record(Map<Long, String> acknowledged, String line) {
    int space = line.indexOf(' ');
    String previous =
        acknowledged.put(Long.parseLong(line.substring(0, space)), line.substring(space + 1));
    assertThat(previous).as("index acknowledged twice: %s", line).isNull();
  }
}
