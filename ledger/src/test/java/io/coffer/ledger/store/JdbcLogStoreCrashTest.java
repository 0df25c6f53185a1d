package io.coffer.ledger.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.ledger.log.Ledger;
import io.coffer.ledger.log.LedgerOptions;
import io.coffer.ledger.merkle.CompactRange;
import io.coffer.ledger.merkle.TreeHasher;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a process that appends to a SQLite log through a {@link Ledger} (SIGKILL, mid-run) and
 * checks that every append it acknowledged survived, and that the log opens consistently.
 */
class JdbcLogStoreCrashTest {

  private static final int THREADS = 16;
  private static final int ACKNOWLEDGED_BEFORE_KILL = 4000;

  @TempDir Path dir;

  @Test
  @Timeout(value = 90, unit = TimeUnit.SECONDS)
  void killedAppender_losesNoAcknowledgedAppend_andTheLogReopens() throws Exception {
    Path file = dir.resolve("log.db");

    for (int round = 0; round < 2; round++) {
      Map<Long, String> acknowledged = runAndKill(file, round);

      assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(ACKNOWLEDGED_BEFORE_KILL);
      try (JdbcLogStore store = JdbcLogStore.sqlite(file)) {
        long size = store.size();
        long highest =
            acknowledged.keySet().stream().mapToLong(Long::longValue).max().orElseThrow();
        assertThat(size).isGreaterThan(highest);
        List<byte[]> entries = store.entries(0, (int) size);
        for (Map.Entry<Long, String> ack : acknowledged.entrySet()) {
          assertThat(new String(entries.get(ack.getKey().intValue()), StandardCharsets.UTF_8))
              .as("entry %d", ack.getKey())
              .isEqualTo(ack.getValue());
        }
        CompactRange range = CompactRange.empty();
        entries.forEach(e -> range.append(TreeHasher.leaf(e), (id, h) -> {}));
        try (Ledger ledger = Ledger.open(store, LedgerOptions.defaults())) {
          assertThat(ledger.head().size()).isEqualTo(size);
          assertThat(ledger.head().root()).isEqualTo(range.root());
        }
      }
    }
  }

  /** Runs the appender until it acknowledged enough, kills it, and returns what it acknowledged. */
  private Map<Long, String> runAndKill(Path file, int round)
      throws IOException, InterruptedException {
    Path errors = dir.resolve("appender-" + round + ".err");
    Process child =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED",
                "-cp",
                System.getProperty("java.class.path"),
                CrashingAppender.class.getName(),
                file.toString(),
                Integer.toString(THREADS))
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
      // What the appender wrote before it died is still in the pipe.
      while ((line = in.readLine()) != null) {
        record(acknowledged, line);
      }
    } finally {
      child.destroyForcibly();
    }
    assertThat(acknowledged)
        .as("appender output; its errors: %s", Files.readString(errors))
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
