package io.coffer.fsshield;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coffer.fsshield.FsShieldException.Reason;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TreeKeyTest {

  @TempDir Path dir;

  @Test
  void write_thenRead_givesTheSameKey_inAnOwnerOnlyFile() throws Exception {
    TreeKey k = TreeKey.generate();
    Path f = dir.resolve("tree.key");

    k.write(f);

    assertThat(TreeKey.read(f)).isEqualTo(k);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f)))
        .isEqualTo("rw-------");
    assertThat(Files.readString(f).strip())
        .isEqualTo(Base64.getEncoder().encodeToString(k.bytes()));
  }

  @Test
  void write_existingFile_failsAndKeepsIt() throws Exception {
    Path f = dir.resolve("tree.key");
    Files.writeString(f, "precious");

    assertThatThrownBy(() -> TreeKey.generate().write(f))
        .isInstanceOfSatisfying(
            FsShieldException.class, e -> assertThat(e.reason()).isEqualTo(Reason.BAD_KEY_FILE));
    assertThat(f).hasContent("precious");
  }

  @Test
  void read_hexOrRawBytes_isTheSameKey() throws Exception {
    TreeKey k = TreeKey.generate();
    Files.writeString(dir.resolve("hex"), java.util.HexFormat.of().formatHex(k.bytes()) + "\n");
    Files.write(dir.resolve("raw"), k.bytes());

    assertThat(TreeKey.read(dir.resolve("hex"))).isEqualTo(k);
    assertThat(TreeKey.read(dir.resolve("raw"))).isEqualTo(k);
  }

  @Test
  void read_notAKey_failsNamingTheFile() throws Exception {
    Path f = dir.resolve("bad.key");
    Files.writeString(f, Base64.getEncoder().encodeToString(new byte[31]));
    assertThatThrownBy(() -> TreeKey.read(f))
        .isInstanceOfSatisfying(
            FsShieldException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(Reason.BAD_KEY_FILE);
              assertThat(e.getMessage()).contains(f.toString()).contains("32 bytes as base64");
            });
    Files.writeString(f, "not base64 !!");
    assertThatThrownBy(() -> TreeKey.read(f)).isInstanceOf(FsShieldException.class);
    assertThatThrownBy(() -> TreeKey.read(dir.resolve("missing")))
        .isInstanceOf(FsShieldException.class);
  }

  @Test
  void toString_neverShowsTheKey() {
    TreeKey k = TreeKey.of(new byte[32]);
    assertThat(k.toString()).isEqualTo("TreeKey[redacted]");
    assertThat(k.toString()).doesNotContain(Base64.getEncoder().encodeToString(k.bytes()));
    assertThatThrownBy(() -> TreeKey.of(new byte[16])).isInstanceOf(IllegalArgumentException.class);
  }
}
