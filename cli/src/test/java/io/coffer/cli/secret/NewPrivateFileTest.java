package io.coffer.cli.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coffer.cli.command.CommandException;
import io.coffer.cli.command.ExitCode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NewPrivateFileTest {

  @TempDir Path dir;

  @Test
  void write_createsTheFile_ownerOnly() throws Exception {
    Path file = dir.resolve("value");

    NewPrivateFile.write(file, "abc".getBytes(StandardCharsets.US_ASCII));

    assertThat(file).hasContent("abc");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
  }

  @Test
  void write_existingFile_isNeverReplaced() throws Exception {
    Path file = Files.writeString(dir.resolve("value"), "old");

    assertThatThrownBy(() -> NewPrivateFile.write(file, new byte[] {1}))
        .isInstanceOfSatisfying(
            CommandException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE));
    assertThat(file).hasContent("old");
  }

  @Test
  void write_danglingSymbolicLink_isNotFollowed() throws Exception {
    Path target = dir.resolve("elsewhere");
    Path link = Files.createSymbolicLink(dir.resolve("link"), target);

    assertThatThrownBy(() -> NewPrivateFile.write(link, new byte[] {1}))
        .isInstanceOf(CommandException.class);
    assertThat(target).doesNotExist();
  }

  @Test
  void requireAbsent_directory_isRefused() {
    assertThatThrownBy(() -> NewPrivateFile.requireAbsent(dir))
        .hasMessageContaining("exists already");
  }
}
