package io.coffer.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coffer.fsshield.FsShield;
import io.coffer.fsshield.SealOptions;
import io.coffer.fsshield.Tag;
import io.coffer.fsshield.TreeKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfidentialRunTest {

  @TempDir Path dir;

  private Path work;
  private Path out;
  private Path store;
  private final List<String> steps = new ArrayList<>();
  private final List<String> reported = new ArrayList<>();

  @BeforeEach
  void paths() throws IOException {
    work = dir.resolve("work");
    out = Files.createDirectories(dir.resolve("out"));
    store = dir.resolve("volumes");
  }

  private RunOptions options(List<String> args, Map<String, String> env) {
    return new RunOptions(args, env, work, Optional.empty(), Optional.of(store));
  }

  private RunOutcome run(TestConfiguration c) throws RunException {
    return run(c, options(List.of(), Map.of()));
  }

  private RunOutcome run(TestConfiguration c, RunOptions o) throws RunException {
    return ConfidentialRun.run(c.bytes(), o, recordingReporter(), steps::add);
  }

  private VolumeTagReporter recordingReporter() {
    return (volume, expected, next) ->
        reported.add(volume + ":" + expected.map(Tag::hex).orElse("none") + "->" + next.hex());
  }

  private String read(String name) throws IOException {
    return Files.readString(out.resolve(name), StandardCharsets.UTF_8);
  }

  private boolean workIsEmpty() throws IOException {
    if (!Files.exists(work)) {
      return true;
    }
    try (Stream<Path> s = Files.list(work)) {
      return s.findAny().isEmpty();
    }
  }

  @Test
  void run_shellProgram_getsExactlyThePolicysEnvironmentAllowedArgumentsAndFiles()
      throws Exception {
    TestConfiguration c =
        TestConfiguration.shell(
                "printf '%s\\n' \"$@\" > "
                    + out.resolve("args")
                    + "; env | sort > "
                    + out.resolve("env")
                    + "; cat "
                    + work.resolve("app/key.pem")
                    + " > "
                    + out.resolve("file")
                    + "; stat -c %a "
                    + work.resolve("app/key.pem")
                    + " > "
                    + out.resolve("mode")
                    + "; pwd > "
                    + out.resolve("pwd"))
            .env("DB_PASSWORD", "s3cret-value")
            .env("MODE", "production")
            .pwd(work.resolve("app").toString())
            .file(work.resolve("app/key.pem").toString(), 0400, "-----KEY s3cret-file-----")
            .allowArg("--epochs=10")
            .allowEnv("OMP_NUM_THREADS");

    RunOutcome outcome =
        run(
            c,
            options(
                List.of("--epochs=10", "--evil", "--epochs=11"),
                Map.of("OMP_NUM_THREADS", "4", "LD_PRELOAD", "/tmp/evil.so", "HOME", "/root")));

    assertThat(outcome.exitStatus()).isZero();
    assertThat(read("args")).isEqualTo("--epochs=10\n");
    assertThat(read("env").lines().filter(l -> !l.startsWith("PWD=") && !l.startsWith("SHLVL=")))
        .containsExactly("DB_PASSWORD=s3cret-value", "MODE=production", "OMP_NUM_THREADS=4");
    assertThat(read("file")).isEqualTo("-----KEY s3cret-file-----");
    assertThat(read("mode").strip()).isEqualTo("400");
    assertThat(read("pwd").strip()).isEqualTo(work.resolve("app").toString());
    assertThat(steps)
        .contains(
            "2 host argument(s) dropped: the policy's allow_host_args" + " does not list them");
    assertThat(String.join("\n", steps)).doesNotContain("s3cret").doesNotContain("evil");
    assertThat(workIsEmpty()).isTrue();
  }

  @Test
  void run_javaProgram_getsThePolicysEnvironmentArgumentsAndFiles() throws Exception {
    Path source =
        Files.writeString(
            dir.resolve("Prog.java"),
            "import java.nio.file.*;\n"
                + "public class Prog { public static void main(String[] a) throws Exception {\n"
                + "  Files.writeString(Path.of(a[0]), String.join(\",\", a) + \"|\""
                + " + System.getenv(\"TOKEN\") + \"|\" + System.getenv(\"HOSTILE\") + \"|\""
                + " + Files.readString(Path.of(System.getenv(\"CONF\"))));\n"
                + "}}\n");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    TestConfiguration c =
        new TestConfiguration(List.of(java, source.toString(), out.resolve("java").toString()))
            .env("TOKEN", "tok-123")
            .env("CONF", work.resolve("etc/app.conf").toString())
            .file(work.resolve("etc/app.conf").toString(), 0600, "conf-body")
            .allowArg("--ok");

    RunOutcome outcome = run(c, options(List.of("--ok", "--no"), Map.of("HOSTILE", "x")));

    assertThat(outcome.exitStatus()).isZero();
    assertThat(read("java")).isEqualTo(out.resolve("java") + ",--ok|tok-123|null|conf-body");
  }

  @Test
  void run_programExits7_statusIs7() throws Exception {
    assertThat(run(TestConfiguration.shell("exit 7")).exitStatus()).isEqualTo(7);
  }

  @Test
  void run_programKilledBySignal9_statusIs137() throws Exception {
    assertThat(run(TestConfiguration.shell("kill -9 $$")).exitStatus()).isEqualTo(128 + 9);
  }

  @Test
  void run_sigtermToThisProcess_isForwardedToTheProgram() throws Exception {
    Path ready = out.resolve("ready");
    TestConfiguration c =
        TestConfiguration.shell(
            "trap 'exit 42' TERM; touch " + ready + "; while :; do sleep 0.05; done");
    RunOutcome[] outcome = new RunOutcome[1];
    Exception[] failure = new Exception[1];
    Thread t =
        new Thread(() -> {
          try {
            outcome[0] = run(c);
          } catch (Exception e) {
            failure[0] = e;
          }
        });
    t.start();
    while (!Files.exists(ready) && t.isAlive()) {
      Thread.onSpinWait();
      Thread.sleep(10);
    }
    SignalForwarding.send("TERM", ProcessHandle.current().pid());
    t.join();

    assertThat(failure[0]).isNull();
    assertThat(outcome[0].exitStatus()).isEqualTo(42);
  }

  @Test
  void run_policyPathOutsideWorkDirectory_refusedBeforeAnythingIsWritten() throws Exception {
    Path marker = out.resolve("started");
    TestConfiguration c =
        TestConfiguration.shell("touch " + marker)
            .file(work.resolve("ok").toString(), 0600, "fine")
            .file("/etc/coffer-evil", 0600, "x");

    assertThatThrownBy(() -> run(c))
        .isInstanceOfSatisfying(
            RunException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(RunException.Reason.PATH_OUTSIDE_WORK_DIRECTORY);
              assertThat(e.getMessage()).contains("files[1].path /etc/coffer-evil");
            });
    assertThat(marker).doesNotExist();
    assertThat(work).doesNotExist();
  }

  @Test
  void run_dotDotEscape_refused() {
    TestConfiguration c = TestConfiguration.shell("true").file(work + "/../escape", 0600, "x");

    assertThatThrownBy(() -> run(c))
        .isInstanceOfSatisfying(
            RunException.class,
            e -> assertThat(e.reason()).isEqualTo(RunException.Reason.PATH_OUTSIDE_WORK_DIRECTORY));
    assertThat(dir.resolve("escape")).doesNotExist();
  }

  @Test
  void run_leftoverInWorkDirectory_refusedAndLeftAlone() throws Exception {
    Files.createDirectories(work);
    Files.writeString(work.resolve("leftover"), "someone's plaintext");
    Path marker = out.resolve("started");

    assertThatThrownBy(() -> run(TestConfiguration.shell("touch " + marker)))
        .isInstanceOfSatisfying(
            RunException.class,
            e -> assertThat(e.reason()).isEqualTo(RunException.Reason.WORK_DIRECTORY_NOT_EMPTY));
    assertThat(marker).doesNotExist();
    assertThat(work.resolve("leftover")).exists();
  }

  @Test
  void run_commandThatDoesNotExist_notStarted_workDirectoryEmptied() throws Exception {
    TestConfiguration c =
        new TestConfiguration(List.of(dir.resolve("no-such-program").toString()))
            .file(work.resolve("secret").toString(), 0600, "x");

    assertThatThrownBy(() -> run(c))
        .isInstanceOfSatisfying(
            RunException.class,
            e -> assertThat(e.reason()).isEqualTo(RunException.Reason.PROGRAM_NOT_STARTED));
    assertThat(workIsEmpty()).isTrue();
  }

  @Test
  void run_volumeWrittenByOneRun_isReadByTheNext() throws Exception {
    TreeKey key = TreeKey.generate();
    String data = work.resolve("data").toString();
    RunOutcome first =
        run(
            TestConfiguration.shell("echo one > " + data + "/count")
                .volume("data", data, false, key, null, 0));
    Tag tag1 = first.volumes().get(0).tag().orElseThrow();
    assertThat(reported).containsExactly("data:none->" + tag1.hex());

    RunOutcome second =
        run(
            TestConfiguration.shell(
                    "cat "
                        + data
                        + "/count > "
                        + out.resolve("seen")
                        + "; echo two > "
                        + data
                        + "/count")
                .volume("data", data, false, key, tag1, 1));

    assertThat(read("seen")).isEqualTo("one\n");
    Tag tag2 = second.volumes().get(0).tag().orElseThrow();
    assertThat(reported)
        .containsExactly("data:none->" + tag1.hex(), "data:" + tag1.hex() + "->" + tag2.hex());
    Path versions = store.resolve("apps/web/data");
    assertThat(versions.resolve(tag2.hex())).isDirectory();
    assertThat(versions.resolve(tag1.hex())).doesNotExist();
    assertThat(workIsEmpty()).isTrue();
  }

  @Test
  void run_olderSealedCopyRestored_refusedAsRollback() throws Exception {
    TreeKey key = TreeKey.generate();
    String data = work.resolve("data").toString();
    Tag tag1 =
        run(TestConfiguration.shell("echo one > " + data + "/v")
                .volume("data", data, false, key, null, 0))
            .volumes()
            .get(0)
            .tag()
            .orElseThrow();
    Path old = dir.resolve("old-copy");
    copyTree(store, old);
    Tag tag2 =
        run(TestConfiguration.shell("echo two > " + data + "/v")
                .volume("data", data, false, key, tag1, 1))
            .volumes()
            .get(0)
            .tag()
            .orElseThrow();
    deleteTree(store);
    copyTree(old, store);
    Path marker = out.resolve("started");

    assertThatThrownBy(() ->
            run(
                TestConfiguration.shell("touch " + marker)
                    .volume("data", data, false, key, tag2, 2)))
        .isInstanceOfSatisfying(
            RunException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(RunException.Reason.VOLUME_ROLLBACK);
              assertThat(e.getMessage())
                  .contains("no sealed copy of volume data with the current tag " + tag2.hex());
            });
    // The older copy renamed to the current tag's name is refused as well.
    Files.move(
        store.resolve("apps/web/data").resolve(tag1.hex()),
        store.resolve("apps/web/data").resolve(tag2.hex()));
    assertThatThrownBy(() ->
            run(
                TestConfiguration.shell("touch " + marker)
                    .volume("data", data, false, key, tag2, 2)))
        .isInstanceOfSatisfying(
            RunException.class,
            e -> assertThat(e.reason()).isEqualTo(RunException.Reason.VOLUME_ROLLBACK));
    assertThat(marker).doesNotExist();
    assertThat(workIsEmpty()).isTrue();
  }

  @Test
  void run_twoWritersFromTheSameTag_theSecondIsRefusedAndTheWinnersVersionStays() throws Exception {
    TreeKey key = TreeKey.generate();
    String data = work.resolve("data").toString();
    Tag start =
        run(TestConfiguration.shell("echo base > " + data + "/v")
                .volume("data", data, false, key, null, 0))
            .volumes()
            .get(0)
            .tag()
            .orElseThrow();
    // The CAS: compare-and-set on one tag.
    Tag[] current = {start};
    VolumeTagReporter cas =
        (volume, expected, next) -> {
          synchronized (current) {
            if (!expected.equals(Optional.of(current[0]))) {
              throw new VolumeReportException(
                  VolumeReportException.Reason.STALE_TAG, "stale-tag: 409", null);
            }
            current[0] = next;
          }
        };
    Path release = out.resolve("release");
    Path paused = out.resolve("paused");
    Path secondWork = dir.resolve("work2");
    String data2 = secondWork.resolve("data").toString();
    RunOutcome[] slow = new RunOutcome[1];
    Exception[] failure = new Exception[1];
    Thread second =
        new Thread(() -> {
          try {
            slow[0] =
                ConfidentialRun.run(
                    TestConfiguration.shell(
                            "touch "
                                + paused
                                + "; while [ ! -e "
                                + release
                                + " ]; do sleep 0.05; done; echo slow > "
                                + data2
                                + "/v")
                        .volume("data", data2, false, key, start, 1)
                        .bytes(),
                    new RunOptions(
                        List.of(), Map.of(), secondWork, Optional.empty(), Optional.of(store)),
                    cas,
                    StepListener.none());
          } catch (Exception e) {
            failure[0] = e;
          }
        });
    second.start();
    while (!Files.exists(paused) && second.isAlive()) {
      Thread.sleep(10);
    }
    RunOutcome fast =
        ConfidentialRun.run(
            TestConfiguration.shell("echo fast > " + data + "/v")
                .volume("data", data, false, key, start, 1)
                .bytes(),
            options(List.of(), Map.of()),
            cas,
            StepListener.none());
    Files.createFile(release);
    second.join();

    assertThat(failure[0]).isNull();
    assertThat(fast.volumes().get(0).saved()).isTrue();
    VolumeSave refused = slow[0].volumes().get(0);
    assertThat(refused.status()).isEqualTo(VolumeSave.Status.STALE_TAG);
    assertThat(slow[0].allVolumesSaved()).isFalse();
    Tag winner = fast.volumes().get(0).tag().orElseThrow();
    assertThat(current[0]).isEqualTo(winner);
    try (Stream<Path> s = Files.list(store.resolve("apps/web/data"))) {
      assertThat(s.map(p -> p.getFileName().toString())).containsExactly(winner.hex());
    }
    run(
        TestConfiguration.shell("cat " + data + "/v > " + out.resolve("after"))
            .volume("data", data, false, key, winner, 2));
    assertThat(read("after")).isEqualTo("fast\n");
  }

  @Test
  void run_readOnlyVolume_isNotResealed() throws Exception {
    TreeKey key = TreeKey.generate();
    String data = work.resolve("data").toString();
    Tag tag =
        run(TestConfiguration.shell("echo x > " + data + "/v")
                .volume("data", data, false, key, null, 0))
            .volumes()
            .get(0)
            .tag()
            .orElseThrow();
    reported.clear();

    RunOutcome outcome =
        run(
            TestConfiguration.shell("cat " + data + "/v > " + out.resolve("ro"))
                .volume("data", data, true, key, tag, 1));

    assertThat(outcome.volumes()).isEmpty();
    assertThat(reported).isEmpty();
    assertThat(read("ro")).isEqualTo("x\n");
  }

  @Test
  void run_volumesWithoutAStore_refused() {
    TestConfiguration c =
        TestConfiguration.shell("true")
            .volume("data", work.resolve("data").toString(), false, TreeKey.generate(), null, 0);

    assertThatThrownBy(() ->
            ConfidentialRun.run(
                c.bytes(),
                new RunOptions(List.of(), Map.of(), work, Optional.empty(), Optional.empty()),
                recordingReporter(),
                StepListener.none()))
        .isInstanceOfSatisfying(
            RunException.class,
            e -> assertThat(e.reason()).isEqualTo(RunException.Reason.VOLUME_STORE_MISSING));
  }

  @Test
  void run_protectedImageTree_isReadableByTheProgram() throws Exception {
    Path plain = Files.createDirectories(dir.resolve("image/bin"));
    Files.writeString(plain.resolve("app.txt"), "from the image");
    TreeKey key = TreeKey.generate();
    Path sealed = dir.resolve("sealed");
    Tag tag = FsShield.seal(dir.resolve("image"), sealed, key, SealOptions.defaults()).tag();

    RunOutcome outcome =
        run(
            TestConfiguration.shell("cat bin/app.txt > " + out.resolve("image"))
                .pwd(work.toString())
                .image(key, tag),
            new RunOptions(List.of(), Map.of(), work, Optional.of(sealed), Optional.empty()));

    assertThat(outcome.exitStatus()).isZero();
    assertThat(read("image")).isEqualTo("from the image");
    assertThat(workIsEmpty()).isTrue();
  }

  @Test
  void run_tamperedImageTree_programNotStarted() throws Exception {
    Path plain = Files.createDirectories(dir.resolve("image"));
    Files.writeString(plain.resolve("app.txt"), "from the image");
    TreeKey key = TreeKey.generate();
    Path sealed = dir.resolve("sealed");
    Tag tag = FsShield.seal(plain, sealed, key, SealOptions.defaults()).tag();
    try (Stream<Path> s = Files.walk(sealed)) {
      Path object =
          s.filter(Files::isRegularFile)
              .filter(p -> !p.getFileName().toString().startsWith("manifest"))
              .findFirst()
              .orElseThrow();
      byte[] b = Files.readAllBytes(object);
      b[b.length / 2] ^= 1;
      Files.write(object, b);
    }
    Path marker = out.resolve("started");

    assertThatThrownBy(() ->
            run(
                TestConfiguration.shell("touch " + marker).image(key, tag),
                new RunOptions(List.of(), Map.of(), work, Optional.of(sealed), Optional.empty())))
        .isInstanceOfSatisfying(
            RunException.class,
            e -> assertThat(e.reason()).isEqualTo(RunException.Reason.IMAGE_REFUSED));
    assertThat(marker).doesNotExist();
    assertThat(workIsEmpty()).isTrue();
  }

  @Test
  void run_imageTreeOfThePolicyWithoutFsOption_refused() {
    TestConfiguration c =
        TestConfiguration.shell("true").image(TreeKey.generate(), Tag.of(new byte[32]));

    assertThatThrownBy(() -> run(c))
        .isInstanceOfSatisfying(
            RunException.class,
            e -> assertThat(e.reason()).isEqualTo(RunException.Reason.IMAGE_OPTION_MISMATCH));
  }

  @Test
  void run_fsOptionWithoutImageTreeInThePolicy_refused() {
    assertThatThrownBy(() ->
            run(
                TestConfiguration.shell("true"),
                new RunOptions(
                    List.of(), Map.of(), work, Optional.of(dir.resolve("x")), Optional.empty())))
        .isInstanceOfSatisfying(
            RunException.class,
            e -> assertThat(e.reason()).isEqualTo(RunException.Reason.IMAGE_OPTION_MISMATCH));
  }

  @Test
  void run_imageSymlinkOutOfTheWorkDirectory_policyFileThroughIt_refused() throws Exception {
    Path plain = Files.createDirectories(dir.resolve("image"));
    Files.createSymbolicLink(plain.resolve("etc"), out);
    TreeKey key = TreeKey.generate();
    Path sealed = dir.resolve("sealed");
    Tag tag = FsShield.seal(plain, sealed, key, SealOptions.defaults()).tag();

    assertThatThrownBy(() ->
            run(
                TestConfiguration.shell("true")
                    .image(key, tag)
                    .file(work.resolve("etc/passwd").toString(), 0600, "x"),
                new RunOptions(List.of(), Map.of(), work, Optional.of(sealed), Optional.empty())))
        .isInstanceOfSatisfying(
            RunException.class,
            e -> assertThat(e.reason()).isEqualTo(RunException.Reason.UNSAFE_PATH));
    assertThat(out.resolve("passwd")).doesNotExist();
  }

  @Test
  void run_fileInsideAVolume_refusedAsConflict() {
    String data = work.resolve("data").toString();
    TestConfiguration c =
        TestConfiguration.shell("true")
            .file(data + "/x", 0600, "x")
            .volume("data", data, false, TreeKey.generate(), null, 0);

    assertThatThrownBy(() -> run(c))
        .isInstanceOfSatisfying(
            RunException.class,
            e -> assertThat(e.reason()).isEqualTo(RunException.Reason.PATH_CONFLICT));
  }

  @Test
  void run_directoriesItMakes_arePrivate() throws Exception {
    run(
        TestConfiguration.shell("stat -c %a " + work.resolve("a") + " > " + out.resolve("mode"))
            .file(work.resolve("a/b/f").toString(), 0644, "x"));

    assertThat(read("mode").strip()).isEqualTo("700");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(work)))
        .isEqualTo("rwx------");
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> s = Files.walk(from)) {
      for (Path p : s.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> s = Files.walk(root)) {
      for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
