package io.coffer.cas.seal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Making a Shamir seal and writing its share files. */
class ShamirSealTest {

  private static final SecureRandom RANDOM = new SecureRandom();

  @TempDir Path dir;

  @Test
  void generate_makesDistinctIndexedShares() {
    ShamirSeal seal = ShamirSeal.generate("cas-1", 5, 3, RANDOM);
    assertThat(seal.shares()).extracting(ShamirShare::index).containsExactly(1, 2, 3, 4, 5);
    assertThat(seal.shares()).allSatisfy(s -> assertThat(s.sealId()).isEqualTo(seal.sealId()));
    assertThat(seal.shares().stream().map(s -> List.of(s.digest())).distinct()).hasSize(5);
  }

  @Test
  void generate_thresholdAboveShares_isRefused() {
    assertThatThrownBy(() -> ShamirSeal.generate("cas-1", 2, 3, RANDOM))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("threshold 3 of 2");
    assertThatThrownBy(() -> ShamirSeal.generate("cas-1", 256, 2, RANDOM))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ShamirSeal.generate("cas-1", 2, 0, RANDOM))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void seal_recordsEveryShareDigest() {
    ShamirSeal seal = ShamirSeal.generate("cas-1", 3, 2, RANDOM);
    SealedDataKey sealed = seal.seal(DataKey.generate());
    assertThat(sealed.type()).isEqualTo(SealType.SHAMIR);
    assertThat(sealed.shareDigests())
        .containsExactlyElementsOf(seal.shares().stream().map(ShamirShare::digest).toList());
  }

  @Test
  void writeShares_writesOwnerOnlyFilesThatParse() throws Exception {
    ShamirSeal seal = ShamirSeal.generate("cas-1", 3, 2, RANDOM);
    List<Path> files = seal.writeShares(dir);
    assertThat(files).hasSize(3);
    for (int i = 0; i < 3; i++) {
      Path file = files.get(i);
      assertThat(file.getFileName().toString())
          .isEqualTo("share-" + seal.sealId().hex() + "-" + (i + 1) + ".json");
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
          .isEqualTo("rw-------");
      assertThat(ShamirShare.parse(Files.readAllBytes(file))).isEqualTo(seal.shares().get(i));
    }
  }

  @Test
  void writeShares_twice_neverReplacesAFile() throws Exception {
    ShamirSeal seal = ShamirSeal.generate("cas-1", 2, 2, RANDOM);
    seal.writeShares(dir);
    assertThatThrownBy(() -> seal.writeShares(dir))
        .isInstanceOf(SealException.class)
        .hasMessageContaining("exists already");
  }

  @Test
  void destroy_thenSeal_isRefused() {
    ShamirSeal seal = ShamirSeal.generate("cas-1", 2, 2, RANDOM);
    seal.destroy();
    assertThatThrownBy(() -> seal.seal(DataKey.generate()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("destroyed");
  }

  @Test
  void toString_showsNoShare() {
    ShamirSeal seal = ShamirSeal.generate("cas-1", 2, 2, RANDOM);
    assertThat(seal.toString()).isEqualTo("ShamirSeal[seal " + seal.sealId() + ", 2 of 2]");
  }
}
