package io.coffer.cas.rollback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coffer.cas.rollback.RollbackException.Reason;
import io.coffer.ledger.note.Ed25519NoteSigner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointFileTest {

  @TempDir Path tmp;

  private CasDataDir cas;
  private byte[] note;

  @BeforeEach
  void create() throws Exception {
    cas = CasDataDir.create(tmp.resolve("data")).open();
    cas.ledger.appendAndWait(new byte[] {1, 2, 3});
    note = cas.ledger.checkpoint(cas.signer).signedNote();
  }

  @AfterEach
  void close() throws Exception {
    cas.close();
  }

  private static void assertInvalid(ThrowingCallable read, String detail) {
    assertThatThrownBy(read)
        .isInstanceOfSatisfying(
            RollbackException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.CHECKPOINT_FILE_INVALID))
        .hasMessageContaining(detail);
  }

  @Test
  void read_withoutAFile_isEmpty() throws Exception {
    assertThat(cas.file().read()).isEmpty();
  }

  @Test
  void write_thenRead_returnsTheVerifiedCheckpoint_andKeepsItOwnerOnly() throws Exception {
    cas.file().write(note);

    assertThat(cas.file().read().orElseThrow().treeHead()).isEqualTo(cas.ledger.head());
    assertThat(Files.getPosixFilePermissions(cas.file().path()))
        .hasSize(2)
        .allMatch(p -> p.name().startsWith("OWNER"));
    assertThat(
            new String(
                Files.readAllBytes(cas.file().path()),
                java.nio.charset.StandardCharsets.ISO_8859_1))
        .doesNotContain(CasDataDir.ORIGIN);
  }

  @Test
  void read_ofAFlippedByte_fails() throws Exception {
    cas.file().write(note);
    byte[] content = Files.readAllBytes(cas.file().path());
    content[content.length - 5] ^= 1;
    Files.write(cas.file().path(), content);

    assertInvalid(() -> cas.file().read(), "does not open with this CAS's data key");
  }

  @Test
  void read_ofAFileSealedForAnotherStoreInstance_fails() throws Exception {
    new CheckpointFile(cas.dir, cas.barrier, "store-2", cas.verifier()).write(note);

    assertInvalid(() -> cas.file().read(), "written for another store");
  }

  @Test
  void read_ofAFileSealedUnderAnotherDataKey_fails() throws Exception {
    new CheckpointFile(cas.dir, CasDataDir.barrier(), cas.instanceId, cas.verifier()).write(note);

    assertInvalid(() -> cas.file().read(), "does not open");
  }

  @Test
  void read_ofACheckpointSignedByAnotherKey_fails() throws Exception {
    Ed25519NoteSigner other = Ed25519NoteSigner.generate(CasDataDir.ORIGIN, new SecureRandom());
    byte[] forged =
        new io.coffer.ledger.checkpoint.CheckpointSigner(CasDataDir.ORIGIN, other)
            .sign(cas.ledger.head());
    cas.file().write(forged);

    assertInvalid(() -> cas.file().read(), "does not hold a checkpoint signed by the log's key");
  }

  @Test
  void read_ofAPlainCheckpoint_insteadOfASealedOne_fails() throws Exception {
    Files.write(cas.file().path(), note);

    assertInvalid(() -> cas.file().read(), "does not start with");
  }

  @Test
  void read_ofAnOversizedFile_failsUnread() throws Exception {
    Files.write(cas.file().path(), new byte[(1 << 20) + 8192]);

    assertInvalid(() -> cas.file().read(), "is larger than");
  }

  @Test
  void write_replacesTheFileWholly() throws Exception {
    cas.file().write(note);
    cas.ledger.appendAndWait(new byte[] {4});
    cas.file().write(cas.ledger.checkpoint(cas.signer).signedNote());

    assertThat(cas.file().read().orElseThrow().treeHead().size()).isEqualTo(2);
    try (var files = Files.list(cas.dir)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .noneMatch(name -> name.endsWith(".tmp"));
    }
  }
}
