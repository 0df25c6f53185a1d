package io.coffer.cas.witness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coffer.ledger.note.CosignatureSigner;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WitnessKeyFileTest {

  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

  @TempDir Path dir;

  private CosignatureSigner load(Optional<String> name) throws Exception {
    return WitnessKeyFile.loadOrCreate(dir, name, new SecureRandom(), CLOCK);
  }

  @Test
  void loadOrCreate_createsAnOwnerOnlyKey_andLoadsTheSameKeyAgain() throws Exception {
    CosignatureSigner created = load(Optional.of("witness.example/w1"));

    Path file = dir.resolve(WitnessKeyFile.FILE_NAME);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    CosignatureSigner loaded = load(Optional.empty());
    assertThat(loaded.verifier()).isEqualTo(created.verifier());
    assertThat(loaded.keyName()).isEqualTo("witness.example/w1");
    try (var files = Files.list(dir)) {
      assertThat(files).containsExactly(file);
    }
  }

  @Test
  void loadOrCreate_withAnotherName_refusesToRenameTheWitness() throws Exception {
    load(Optional.of("witness.example/w1"));

    assertThatThrownBy(() -> load(Optional.of("witness.example/w2")))
        .isInstanceOf(WitnessKeyException.class)
        .hasMessageContaining("\"witness.example/w1\", not \"witness.example/w2\"");
  }

  @Test
  void loadOrCreate_withoutFileOrName_fails() {
    assertThatThrownBy(() -> load(Optional.empty()))
        .isInstanceOf(WitnessKeyException.class)
        .hasMessageContaining("give a name");
  }

  @Test
  void loadOrCreate_withAnInvalidName_createsNothing() {
    assertThatThrownBy(() -> load(Optional.of("two words")))
        .isInstanceOf(WitnessKeyException.class);
    assertThat(dir.resolve(WitnessKeyFile.FILE_NAME)).doesNotExist();
  }

  @Test
  void load_aKeyReadableByOthers_isRefused() throws Exception {
    load(Optional.of("witness.example/w1"));
    Files.setPosixFilePermissions(
        dir.resolve(WitnessKeyFile.FILE_NAME), PosixFilePermissions.fromString("rw-r--r--"));

    assertThatThrownBy(() -> load(Optional.empty()))
        .isInstanceOf(WitnessKeyException.class)
        .hasMessageContaining("make it 0600");
  }

  @Test
  void load_aMalformedFile_namesTheLine_withoutQuotingTheSeed() throws Exception {
    Path file = dir.resolve(WitnessKeyFile.FILE_NAME);
    Files.writeString(
        file, "coffer-witness-key v1\nname w\nseed c2VjcmV0LXNob3J0\n", StandardCharsets.UTF_8);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));

    assertThatThrownBy(() -> load(Optional.empty()))
        .isInstanceOf(WitnessKeyException.class)
        .hasMessageContaining("line 3: the seed is not 32 bytes")
        .hasMessageNotContaining("c2VjcmV0LXNob3J0");
  }

  @Test
  void load_aFileWithAnotherHeader_fails() throws Exception {
    Path file = dir.resolve(WitnessKeyFile.FILE_NAME);
    Files.writeString(file, "PRIVATE+KEY+w+01020304+AAAA\n", StandardCharsets.UTF_8);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));

    assertThatThrownBy(() -> load(Optional.empty()))
        .isInstanceOf(WitnessKeyException.class)
        .hasMessageContaining("expected three lines");
  }

  @Test
  void load_aSymbolicLink_isRefused() throws Exception {
    Path elsewhere = Files.createDirectory(dir.resolve("elsewhere"));
    WitnessKeyFile.loadOrCreate(elsewhere, Optional.of("w"), new SecureRandom(), CLOCK);
    Files.createSymbolicLink(
        dir.resolve(WitnessKeyFile.FILE_NAME), elsewhere.resolve(WitnessKeyFile.FILE_NAME));

    assertThatThrownBy(() -> load(Optional.empty()))
        .isInstanceOf(WitnessKeyException.class)
        .hasMessageContaining("not a regular file");
  }
}
