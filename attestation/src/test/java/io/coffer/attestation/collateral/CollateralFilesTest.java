package io.coffer.attestation.collateral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coffer.attestation.AttestationException;
import io.coffer.attestation.AttestationException.Reason;
import io.coffer.attestation.Collateral;
import io.coffer.attestation.Collateral.JsonKind;
import io.coffer.attestation.testing.Vectors;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CollateralFilesTest {

  private static final String ZK = "sgx/zkdcap-sgx-v3/";

  @TempDir Path dir;

  private Path copy(String vector, Path to) throws Exception {
    Files.createDirectories(to.getParent());
    return Files.write(to, Vectors.bytes(vector));
  }

  @Test
  void load_readsFilesAndDirectories_recursively_byContent() throws Exception {
    copy(ZK + "tcbinfov3_00906ED50000.json", dir.resolve("a/one"));
    copy(ZK + "qeidentityv2_sgx.json", dir.resolve("a/nested/two"));
    copy(ZK + "intel_root_ca_crl.der", dir.resolve("a/three.bin"));
    Path single = copy(ZK + "tcb_signing_cert.pem", dir.resolve("signer"));

    Collateral c = CollateralFiles.load(List.of(dir.resolve("a"), single));

    assertThat(c.documents(JsonKind.TCB_INFO)).hasSize(1);
    assertThat(c.documents(JsonKind.ENCLAVE_IDENTITY)).hasSize(1);
    assertThat(c.crls()).hasSize(1);
    assertThat(c.certificates()).isNotEmpty();
  }

  @Test
  void load_skipsHiddenFiles_inDirectories() throws Exception {
    copy(ZK + "intel_root_ca_crl.der", dir.resolve("d/crl"));
    Files.writeString(dir.resolve("d/.DS_Store"), "junk");

    assertThat(CollateralFiles.load(List.of(dir.resolve("d"))).crls()).hasSize(1);
  }

  @Test
  void load_aFileThatIsNoCollateral_isRefused_namingIt() throws Exception {
    copy(ZK + "intel_root_ca_crl.der", dir.resolve("d/crl"));
    Path junk = Files.writeString(dir.resolve("d/notes.txt"), "hello");

    assertThatThrownBy(() -> CollateralFiles.load(List.of(dir.resolve("d"))))
        .isInstanceOfSatisfying(
            AttestationException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(Reason.COLLATERAL_MALFORMED);
              assertThat(e.getMessage()).contains(junk.toString());
            });
  }

  @Test
  void load_aMissingPath_isRefused_namingIt() {
    Path missing = dir.resolve("nope.json");

    assertThatThrownBy(() -> CollateralFiles.load(List.of(missing)))
        .isInstanceOfSatisfying(
            AttestationException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(Reason.COLLATERAL_MALFORMED);
              assertThat(e.getMessage()).contains(missing.toString());
            });
  }

  @Test
  void load_aFileLargerThanAnyCollateral_isRefused_withoutReadingItAll() throws Exception {
    Path big = dir.resolve("big");
    Files.write(big, new byte[CollateralParser.MAX_FILE_BYTES + 1]);

    assertThatThrownBy(() -> CollateralFiles.load(List.of(big)))
        .isInstanceOfSatisfying(
            AttestationException.class,
            e -> assertThat(e.getMessage()).contains(big.toString()).contains("larger"));
  }

  @Test
  void load_aDirectoryOfTooManyFiles_isRefused() throws Exception {
    Path many = Files.createDirectory(dir.resolve("many"));
    for (int i = 0; i <= CollateralFiles.MAX_FILES; i++) {
      Files.writeString(many.resolve("f" + i), "");
    }

    assertThatThrownBy(() -> CollateralFiles.load(List.of(many)))
        .isInstanceOfSatisfying(
            AttestationException.class,
            e -> assertThat(e.getMessage()).contains("more than " + CollateralFiles.MAX_FILES));
  }

  @Test
  void load_ofNothing_isEmpty() throws Exception {
    assertThat(CollateralFiles.load(List.of()).isEmpty()).isTrue();
  }
}
