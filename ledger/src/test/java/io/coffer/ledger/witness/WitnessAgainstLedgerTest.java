package io.coffer.ledger.witness;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.ledger.checkpoint.CheckpointSigner;
import io.coffer.ledger.checkpoint.CheckpointVerifier;
import io.coffer.ledger.log.Ledger;
import io.coffer.ledger.log.LedgerOptions;
import io.coffer.ledger.merkle.Hash;
import io.coffer.ledger.note.CosignatureSigner;
import io.coffer.ledger.note.Ed25519NoteSigner;
import io.coffer.ledger.note.Ed25519Seed;
import io.coffer.ledger.note.UnverifiedNote;
import io.coffer.ledger.store.MemoryLogStore;
import io.coffer.ledger.witness.AddCheckpointResult.Outcome;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A witness in front of a real log: it follows the log as it grows, and it catches the log's
 * operator restoring an old backup (a rollback) or rewriting history (a fork), even though the log
 * signs those checkpoints with its genuine key.
 */
class WitnessAgainstLedgerTest {

  private static final String ORIGIN = "coffer.example/ledger";

  private final Ed25519NoteSigner logKey = generate("coffer.example/ledger");
  private final CheckpointSigner signer = new CheckpointSigner(ORIGIN, logKey);
  private final Witness witness =
      new Witness(
          Map.of(ORIGIN, List.of(logKey.verifier())),
          new MemoryWitnessStateStore(),
          List.of(cosigner()));
  private final List<Ledger> ledgers = new java.util.ArrayList<>();

  private static Ed25519NoteSigner generate(String name) {
    try {
      return Ed25519NoteSigner.generate(name, new SecureRandom());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static CosignatureSigner cosigner() {
    byte[] seed = new byte[Ed25519Seed.SIZE_BYTES];
    new SecureRandom().nextBytes(seed);
    try {
      return CosignatureSigner.of("witness.example/w1", Ed25519Seed.of(seed), Clock.systemUTC());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @AfterEach
  void close() {
    ledgers.forEach(Ledger::close);
  }

  private Ledger ledger(String history, int size) throws Exception {
    Ledger l = Ledger.open(new MemoryLogStore(), LedgerOptions.defaults());
    ledgers.add(l);
    grow(l, history, size);
    return l;
  }

  private static void grow(Ledger l, String history, int size) throws Exception {
    for (long i = l.size(); i < size; i++) {
      l.appendAndWait((history + " " + i).getBytes(StandardCharsets.UTF_8));
    }
  }

  /** What a log sends to its witness: the old size, a proof from it, the new signed checkpoint. */
  private AddCheckpointResult submit(Ledger l, long oldSize) throws Exception {
    byte[] checkpoint = l.checkpoint(signer).signedNote();
    List<Hash> proof = oldSize == 0 ? List.of() : l.consistencyProof(oldSize, l.size()).path();
    return witness.addCheckpoint(new AddCheckpointRequest(oldSize, proof, checkpoint).encode());
  }

  @Test
  void ledgerCheckpoint_isAVerifiableC2spCheckpointOfItsHead() throws Exception {
    Ledger l = ledger("a", 42);

    byte[] note = l.checkpoint(signer).signedNote();

    var verified = CheckpointVerifier.forLog(ORIGIN, logKey.verifier(), List.of()).verify(note);
    assertThat(verified.treeHead()).isEqualTo(l.head());
  }

  @Test
  void witness_followsAGrowingLog_andCosigns() throws Exception {
    Ledger l = ledger("a", 10);
    assertThat(submit(l, 0).outcome()).isEqualTo(Outcome.COSIGNED);

    grow(l, "a", 300);
    AddCheckpointResult grown = submit(l, 10);

    assertThat(grown.outcome()).isEqualTo(Outcome.COSIGNED);
    assertThat(grown.httpStatus()).isEqualTo(200);
    assertThat(grown.cosignatures()).hasSize(1);
    UnverifiedNote signed = UnverifiedNote.parse(l.checkpoint(signer).signedNote());
    assertThat(signed.text()).startsWith(ORIGIN + "\n300\n");
  }

  @Test
  void restoredOldBackup_isRefused_evenThoughTheLogKeySignedIt() throws Exception {
    Ledger live = ledger("a", 300);
    submit(live, 0);
    // The operator restores a backup holding the first 100 entries and signs its head.
    Ledger restored = ledger("a", 100);

    AddCheckpointResult claimsNothingChanged = submit(restored, 0);
    byte[] restoredCheckpoint = restored.checkpoint(signer).signedNote();
    AddCheckpointResult claimsGrowth =
        witness.addCheckpoint(
            new AddCheckpointRequest(300, List.of(), restoredCheckpoint).encode());

    assertThat(claimsNothingChanged.outcome()).isEqualTo(Outcome.OLD_SIZE_CONFLICT);
    assertThat(claimsNothingChanged.httpStatus()).isEqualTo(409);
    assertThat(claimsNothingChanged.body()).isEqualTo("300\n".getBytes(StandardCharsets.UTF_8));
    assertThat(claimsGrowth.outcome()).isEqualTo(Outcome.OLD_SIZE_AFTER_CHECKPOINT);
    assertThat(claimsGrowth.httpStatus()).isEqualTo(400);
  }

  @Test
  void rewrittenHistory_isRefused() throws Exception {
    Ledger live = ledger("a", 300);
    submit(live, 0);
    // Another history of the same length, then grown: no consistency proof can connect them.
    Ledger forked = ledger("b", 300);

    AddCheckpointResult sameSize = submit(forked, 300);
    grow(forked, "b", 400);
    AddCheckpointResult grown = submit(forked, 300);

    assertThat(sameSize.outcome()).isEqualTo(Outcome.ROOT_MISMATCH_AT_SAME_SIZE);
    assertThat(sameSize.httpStatus()).isEqualTo(422);
    assertThat(grown.outcome()).isEqualTo(Outcome.INCONSISTENT_PROOF);
    assertThat(grown.httpStatus()).isEqualTo(422);
  }
}
