package io.coffer.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkAreaTest {

  @TempDir Path dir;

  private WorkArea area() {
    return new WorkArea(dir.resolve("work"));
  }

  private static RunException.Reason reasonOf(ThrowingRunnable r) {
    try {
      r.run();
    } catch (RunException e) {
      return e.reason();
    }
    throw new AssertionError("accepted");
  }

  @FunctionalInterface
  private interface ThrowingRunnable {
    void run() throws RunException;
  }

  @Test
  void inside_pathsOutsideOrEscaping_refused() {
    WorkArea w = area();
    String root = w.root().toString();
    for (String p :
        new String[] {
          "/etc/passwd", root + "/../x", root + "/a/./b", "relative/x", root + "x/y", root
        }) {
      assertThat(reasonOf(() -> w.inside(p, "files[0].path", false)))
          .as(p)
          .isEqualTo(RunException.Reason.PATH_OUTSIDE_WORK_DIRECTORY);
    }
  }

  @Test
  void inside_rootItself_allowedOnlyWhenAsked() throws Exception {
    WorkArea w = area();

    assertThat(w.inside(w.root().toString(), "pwd", true)).isEqualTo(w.root());
  }

  @Test
  void writeFile_throughASymbolicLink_refused() throws Exception {
    WorkArea w = area();
    w.create();
    Path outside = Files.createDirectories(dir.resolve("outside"));
    Files.createSymbolicLink(w.root().resolve("etc"), outside);

    assertThat(reasonOf(() -> w.writeFile(w.root().resolve("etc/x"), 0600, new byte[] {1})))
        .isEqualTo(RunException.Reason.UNSAFE_PATH);
    assertThat(outside.resolve("x")).doesNotExist();
  }

  @Test
  void writeFile_onAnExistingLink_refusedNotFollowed() throws Exception {
    WorkArea w = area();
    w.create();
    Path target = Files.writeString(dir.resolve("target"), "kept");
    Files.createSymbolicLink(w.root().resolve("f"), target);

    assertThat(reasonOf(() -> w.writeFile(w.root().resolve("f"), 0600, new byte[] {1})))
        .isEqualTo(RunException.Reason.PATH_CONFLICT);
    assertThat(Files.readString(target)).isEqualTo("kept");
  }

  @Test
  void writeFile_hasThePolicysMode() throws Exception {
    WorkArea w = area();
    w.create();

    w.writeFile(w.root().resolve("a/f"), 0640, new byte[] {1});

    assertThat(
            PosixFilePermissions.toString(Files.getPosixFilePermissions(w.root().resolve("a/f"))))
        .isEqualTo("rw-r-----");
  }

  @Test
  void clear_deletesUnwritableDirectoriesAndLinksAsLinks() throws Exception {
    WorkArea w = area();
    w.create();
    Path target = Files.writeString(dir.resolve("target"), "kept");
    w.writeFile(w.root().resolve("ro/f"), 0400, new byte[] {1});
    Files.setPosixFilePermissions(
        w.root().resolve("ro"), PosixFilePermissions.fromString("r-x------"));
    Files.createSymbolicLink(w.root().resolve("link"), target);

    w.clear();

    try (var s = Files.list(w.root())) {
      assertThat(s).isEmpty();
    }
    assertThat(target).exists();
  }

  @Test
  void requireEmpty_fileInstead_refused() throws Exception {
    Files.writeString(dir.resolve("work"), "x");

    assertThatThrownBy(() -> area().requireEmpty())
        .isInstanceOf(RunException.class)
        .hasMessageContaining("not a directory");
  }
}
