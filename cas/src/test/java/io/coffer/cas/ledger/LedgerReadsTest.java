package io.coffer.cas.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coffer.cas.client.CasClient;
import io.coffer.cas.http.FakeCas;
import io.coffer.cas.http.RunningCas;
import io.coffer.cas.service.CasException;
import io.coffer.ledger.checkpoint.CheckpointSigner;
import io.coffer.ledger.checkpoint.CheckpointVerifier;
import io.coffer.ledger.log.Ledger;
import io.coffer.ledger.log.LedgerOptions;
import io.coffer.ledger.merkle.ProofVerifier;
import io.coffer.ledger.merkle.TreeHasher;
import io.coffer.ledger.merkle.TreeHead;
import io.coffer.ledger.note.Ed25519NoteSigner;
import io.coffer.ledger.note.Ed25519Seed;
import io.coffer.ledger.store.MemoryLogStore;
import io.coffer.ledger.tiles.BundleId;
import io.coffer.ledger.tiles.EntryBundle;
import io.coffer.ledger.tiles.HashTile;
import io.coffer.ledger.tiles.TileId;
import io.coffer.ledger.tiles.TileLayout;
import io.coffer.ledger.tiles.TileReader;
import io.coffer.ledger.tiles.TilesVerifier;
import io.coffer.ledger.tiles.VerifiedTiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LedgerReadsTest {

  private static final String ORIGIN = "cas.example/log";
  private static final int SIZE = 66_000;

  private static Ed25519NoteSigner key;
  private static Ledger ledger;
  private static LedgerReads reads;

  @BeforeAll
  static void fill() throws Exception {
    key = Ed25519NoteSigner.of(ORIGIN, Ed25519Seed.of(new byte[32]));
    ledger = Ledger.open(new MemoryLogStore(), LedgerOptions.defaults());
    List<CompletableFuture<Long>> pending = new ArrayList<>();
    for (int i = 0; i < SIZE; i++) {
      pending.add(ledger.append(entry(i)));
    }
    pending.forEach(CompletableFuture::join);
    reads = new LedgerReads(ledger, new CheckpointSigner(ORIGIN, key));
  }

  @AfterAll
  static void close() {
    ledger.close();
  }

  private static byte[] entry(int i) {
    return ("{\"event\":\"policy.created\",\"n\":" + i + "}").getBytes(StandardCharsets.UTF_8);
  }

  @FunctionalInterface
  private interface TileSource {
    Optional<byte[]> tile(String path) throws Exception;
  }

  /** Fetches every tile and bundle of the checkpoint's tree into {@code dir}, as an audit does. */
  private static TreeHead fetch(byte[] checkpoint, TileSource source, Path dir) throws Exception {
    TreeHead head =
        CheckpointVerifier.forLog(ORIGIN, key.verifier(), List.of()).verify(checkpoint).treeHead();
    Files.write(dir.resolve(TileReader.CHECKPOINT), checkpoint);
    for (TileId tile : TileLayout.newTiles(0, head.size())) {
      List<String> paths = new ArrayList<>(List.of(tile.path()));
      if (tile.level() == 0) {
        paths.add(new BundleId(tile.index(), tile.width()).path());
      }
      for (String path : paths) {
        Path file = dir.resolve(path);
        Files.createDirectories(file.getParent());
        Files.write(file, source.tile(path).orElseThrow(() -> new AssertionError(path)));
      }
    }
    return head;
  }

  @Test
  void tilesFetchedOverHttps_verifyWithTheTilesVerifier(@TempDir Path dir) throws Exception {
    try (Ledger small = Ledger.open(new MemoryLogStore(), LedgerOptions.defaults())) {
      for (int i = 0; i < 600; i++) {
        small.append(entry(i));
      }
      small.appendAndWait(entry(600));
      LedgerReads smallReads = new LedgerReads(small, new CheckpointSigner(ORIGIN, key));
      try (RunningCas cas = new RunningCas(new FakeCas(), new FakeCas(), smallReads)) {
        CasClient client = CasClient.pinned(cas.uri(), cas.serverSpki(), Optional.empty());

        TreeHead head = fetch(client.checkpoint(), client::tile, dir);

        VerifiedTiles verified = TilesVerifier.verify(TileReader.open(dir), head);
        assertThat(verified.head()).isEqualTo(small.head());
        assertThat(head.size()).isEqualTo(601);
        assertThat(dir.resolve("tile/1/000.p/2")).exists();
      }
    }
  }

  @Test
  void tilesOfALargerTree_verifyWithTheTilesVerifier(@TempDir Path dir) throws Exception {
    TreeHead head = fetch(reads.checkpoint(), reads::tile, dir);

    VerifiedTiles verified = TilesVerifier.verify(TileReader.open(dir), head);

    assertThat(head.size()).isEqualTo(SIZE);
    assertThat(verified.head()).isEqualTo(ledger.head());
    assertThat(dir.resolve("tile/1/000")).exists();
    assertThat(dir.resolve("tile/1/001.p/1")).exists();
    assertThat(dir.resolve("tile/2/000.p/1")).exists();
  }

  @Test
  void checkpoint_afterAnotherProcessAppended_coversTheStoresTree() throws Exception {
    MemoryLogStore shared = new MemoryLogStore();
    try (Ledger writer = Ledger.open(shared, LedgerOptions.defaults());
        Ledger reader = Ledger.open(shared, LedgerOptions.defaults())) {
      LedgerReads readerReads = new LedgerReads(reader, new CheckpointSigner(ORIGIN, key));
      writer.appendAndWait(entry(0));
      readerReads.checkpoint();
      writer.appendAndWait(entry(1));
      writer.appendAndWait(entry(2));

      TreeHead head =
          CheckpointVerifier.forLog(ORIGIN, key.verifier(), List.of())
              .verify(readerReads.checkpoint())
              .treeHead();

      assertThat(head).isEqualTo(writer.head());
      assertThat(readerReads.tile("tile/entries/000.p/3")).isPresent();
    }
  }

  @Test
  void proofsAndTiles_ofATreeAnotherProcessGrew_catchUpWithoutACheckpoint() throws Exception {
    MemoryLogStore shared = new MemoryLogStore();
    try (Ledger writer = Ledger.open(shared, LedgerOptions.defaults());
        Ledger reader = Ledger.open(shared, LedgerOptions.defaults())) {
      LedgerReads readerReads = new LedgerReads(reader, new CheckpointSigner(ORIGIN, key));
      writer.appendAndWait(entry(0));
      readerReads.checkpoint();
      writer.appendAndWait(entry(1));
      writer.appendAndWait(entry(2));
      TreeHead head = writer.head();

      // A reader holding the writer's checkpoint asks the other process, which has not refreshed.
      assertThat(readerReads.tile("tile/entries/000.p/3")).isPresent();
      ProofVerifier.verifyInclusion(
          TreeHasher.leaf(entry(2)), readerReads.inclusionProof(2, 3), head.root());
      writer.appendAndWait(entry(3));
      ProofVerifier.verifyConsistency(
          readerReads.consistencyProof(3, 4), head.root(), writer.head().root());
    }
  }

  @Test
  void tile_beyondTheCurrentTree_isAbsent() throws Exception {
    assertThat(reads.tile("tile/0/258")).isEmpty();
    assertThat(reads.tile("tile/0/257.p/209")).isEmpty();
    assertThat(reads.tile("tile/entries/257.p/209")).isEmpty();
    assertThat(reads.tile("tile/1/001")).isEmpty();
    assertThat(reads.tile("tile/3/000.p/1")).isEmpty();
    assertThat(reads.tile("tile/0/x001/x000/x000/x000/x000/000")).isEmpty();
  }

  @Test
  void partialTile_ofAnOlderSize_isThePrefixOfTheCurrentOne() throws Exception {
    byte[] current = reads.tile("tile/0/257.p/208").orElseThrow();
    byte[] older = reads.tile("tile/0/257.p/5").orElseThrow();

    HashTile tile = HashTile.decode(new TileId(0, 257, 5), older);
    assertThat(tile.hash(4)).isEqualTo(TreeHasher.leaf(entry(257 * 256 + 4)));
    assertThat(current).startsWith(older);
    EntryBundle bundle =
        EntryBundle.decode(new BundleId(257, 3), reads.tile("tile/entries/257.p/3").orElseThrow());
    assertThat(bundle.entry(2)).isEqualTo(entry(257 * 256 + 2));
  }

  @Test
  void tile_malformedPath_isBadRequest() {
    for (String bad :
        List.of(
            "tile/0/1", "tile/00/000", "tile/0/000.p/256", "tile/0/000.p/0", "x", "tile/-1/000")) {
      assertThatThrownBy(() -> reads.tile(bad))
          .as(bad)
          .isInstanceOfSatisfying(
              CasException.class,
              e -> assertThat(e.type()).isEqualTo(CasException.Type.BAD_REQUEST));
    }
  }

  @Test
  void proofs_verifyAgainstTheCheckpoint() throws Exception {
    TreeHead head =
        CheckpointVerifier.forLog(ORIGIN, key.verifier(), List.of())
            .verify(reads.checkpoint())
            .treeHead();

    ProofVerifier.verifyInclusion(
        TreeHasher.leaf(entry(1234)), reads.inclusionProof(1234, head.size()), head.root());
    ProofVerifier.verifyConsistency(
        reads.consistencyProof(1000, head.size()), ledger.root(1000), head.root());
  }

  @Test
  void proofs_outOfRange_areBadRequests() {
    assertThatThrownBy(() -> reads.inclusionProof(SIZE, SIZE))
        .isInstanceOfSatisfying(
            CasException.class, e -> assertThat(e.type()).isEqualTo(CasException.Type.BAD_REQUEST));
    assertThatThrownBy(() -> reads.consistencyProof(10, SIZE + 1))
        .isInstanceOfSatisfying(
            CasException.class, e -> assertThat(e.type()).isEqualTo(CasException.Type.BAD_REQUEST));
  }
}
