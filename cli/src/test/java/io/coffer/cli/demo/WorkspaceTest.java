package io.coffer.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkspaceTest {

  @TempDir Path dir;

  @Test
  void temporary_isDeletedAtClose_keptStays() throws Exception {
    Workspace temp = Workspace.create(Optional.empty());
    Files.createDirectories(temp.work("train"));
    Files.writeString(temp.root().resolve("x"), "y");
    temp.close();
    assertThat(temp.root()).doesNotExist();

    Workspace kept = Workspace.create(Optional.of(dir.resolve("keep")));
    Files.writeString(kept.root().resolve("x"), "y");
    kept.close();
    assertThat(kept.root().resolve("x")).exists();
  }

  @Test
  void keep_nonEmptyDirectory_isRefusedAndUntouched() throws Exception {
    Files.writeString(dir.resolve("mine"), "precious");

    assertThatThrownBy(() -> Workspace.create(Optional.of(dir)))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("not empty");
    assertThat(dir.resolve("mine")).hasContent("precious");
  }
}
