package io.coffer.ledger.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coffer.ledger.merkle.TreeHasher;
import io.coffer.ledger.merkle.TreeHead;
import io.coffer.ledger.note.Ed25519NoteSigner;
import io.coffer.ledger.note.Ed25519Seed;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Signing tree heads as C2SP checkpoints. */
class CheckpointSignerTest {

  @Test
  void sign_producesACheckpointTheVerifierAccepts() throws Exception {
    Ed25519NoteSigner key = Ed25519NoteSigner.of("example.com/log", Ed25519Seed.of(new byte[32]));
    CheckpointSigner signer = new CheckpointSigner("example.com/log", key);
    TreeHead head = new TreeHead(7, TreeHasher.leaf(new byte[] {7}));
    byte[] note = signer.sign(head);
    VerifiedCheckpoint verified =
        CheckpointVerifier.forLog("example.com/log", key.verifier(), List.of()).verify(note);
    assertThat(verified.treeHead()).isEqualTo(head);
    assertThat(new String(note, java.nio.charset.StandardCharsets.UTF_8))
        .startsWith("example.com/log\n7\n" + head.root().toBase64() + "\n\n— example.com/log ");
  }

  @Test
  void sign_flippedSizeInPublishedNote_failsVerification() throws Exception {
    Ed25519NoteSigner key = Ed25519NoteSigner.of("log", Ed25519Seed.of(new byte[32]));
    byte[] note = new CheckpointSigner("log", key).sign(new TreeHead(7, TreeHasher.emptyRoot()));
    note[4] = '8';
    assertThatThrownBy(() ->
            CheckpointVerifier.anyOf(Optional.of("log"), List.of(key.verifier())).verify(note))
        .isInstanceOfSatisfying(
            CheckpointException.class,
            e -> assertThat(e.reason()).isEqualTo(CheckpointException.Reason.SIGNATURE));
  }

  @Test
  void new_originThatCannotBeALine_isRejected() throws Exception {
    Ed25519NoteSigner key = Ed25519NoteSigner.of("log", Ed25519Seed.of(new byte[32]));
    assertThatThrownBy(() -> new CheckpointSigner("a\nb", key))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new CheckpointSigner("", key))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
