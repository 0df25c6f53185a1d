package io.coffer.bench.cas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChildJvmTest {

  private static final String KEPT = "; its log is kept at ";

  @TempDir Path dir;

  private ChildJvm start(Class<?> main, List<String> args) throws Exception {
    return ChildJvm.start(
        "the CAS process",
        main,
        args,
        Map.of(),
        dir.resolve("child.log"),
        line -> line.startsWith("starting"));
  }

  private static CasProcessException failure(ThrowingCallable call) {
    CasProcessException e = catchThrowableOfType(CasProcessException.class, call);
    assertThat(e).as("a CasProcessException").isNotNull();
    return e;
  }

  /** The kept log the failure names, read and then deleted. */
  private static String keptLog(CasProcessException e) throws Exception {
    String message = e.getMessage();
    assertThat(message).contains(KEPT);
    Path kept = Path.of(message.substring(message.indexOf(KEPT) + KEPT.length()));
    try {
      return Files.readString(kept);
    } finally {
      Files.delete(kept);
    }
  }

  @Test
  void awaitReady_returnsTheReadyLine_andCloseStopsTheChildByClosingItsInput() throws Exception {
    ChildJvm child = start(Mute.class, List.of());

    assertThat(child.awaitReady(Duration.ofSeconds(60))).isEqualTo("starting, or so it says");
    ProcessHandle handle = child.handle();
    assertThat(handle.isAlive()).isTrue();
    child.close();

    assertThat(handle.isAlive()).isFalse();
  }

  @Test
  void awaitReady_aChildThatExits_failsWithItsStatus_andKeepsItsLog() throws Exception {
    ChildJvm child = start(CasProcess.class, List.of("--store", "mysql"));

    CasProcessException e = failure(() -> child.awaitReady(Duration.ofSeconds(60)));

    assertThat(e.getMessage())
        .startsWith("the CAS process exited with status 2 before serving; its log is kept at ");
    assertThat(keptLog(e)).contains("CasProcess: --store: expected sqlite or postgres");
    child.close(); // already stopped: nothing more to say
  }

  @Test
  void awaitReady_aChildThatNeverSaysItIsReady_timesOut_andIsStopped() throws Exception {
    ChildJvm child =
        ChildJvm.start(
            "the CAS process",
            Mute.class,
            List.of(),
            Map.of(),
            dir.resolve("child.log"),
            l -> false);

    CasProcessException e = failure(() -> child.awaitReady(Duration.ofSeconds(1)));

    assertThat(e.getMessage()).startsWith("the CAS process did not start serving within 1 s");
    assertThat(child.handle().isAlive()).isFalse();
    keptLog(e);
  }

  @Test
  void close_aChildThatDiedDuringTheRun_fails_andKeepsItsLog() throws Exception {
    ChildJvm child = start(Mute.class, List.of());
    child.awaitReady(Duration.ofSeconds(60));
    child.handle().destroyForcibly();
    child.handle().onExit().get();

    CasProcessException e = failure(child::close);

    assertThat(e.getMessage()).startsWith("the CAS process exited with status 137 during the run");
    keptLog(e);
  }

  @Test
  void start_setsAndRemovesVariables_inTheInheritedEnvironment() throws Exception {
    ChildJvm child =
        ChildJvm.start(
            "the CAS process",
            PrintsEnvironment.class,
            List.of("COFFER_BENCH_SET", "PATH"),
            Map.of("COFFER_BENCH_SET", Optional.of("yes"), "PATH", Optional.empty()),
            dir.resolve("child.log"),
            line -> line.startsWith("COFFER_BENCH_SET="));

    String line = child.awaitReady(Duration.ofSeconds(60));
    child.close();

    assertThat(line).isEqualTo("COFFER_BENCH_SET=yes PATH=null");
  }

  @Test
  void start_aMainThatIsNotThere_failsBeforeServing() throws Exception {
    ChildJvm child = start(ChildJvmTest.class, List.of());

    CasProcessException e = failure(() -> child.awaitReady(Duration.ofSeconds(60)));

    assertThat(e.getMessage()).startsWith("the CAS process exited with status 1 before serving");
    assertThat(keptLog(e)).contains("main method");
  }
}
