package io.coffer.ledger.tiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coffer.ledger.log.Ledger;
import io.coffer.ledger.log.LedgerOptions;
import io.coffer.ledger.merkle.Hash;
import io.coffer.ledger.merkle.TreeHasher;
import io.coffer.ledger.merkle.TreeHead;
import io.coffer.ledger.store.MemoryLogStore;
import io.coffer.ledger.tiles.TilesException.Reason;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Attacks on an exported tree of 600 entries: bundles {@code 000}, {@code 001}, {@code 002.p/88};
 * tiles {@code 0/000}, {@code 0/001}, {@code 0/002.p/88}, {@code 1/000.p/2}.
 */
class TilesVerifierTest {

  private static final long SIZE = 600;

  @TempDir Path dir;

  private Ledger ledger;
  private TreeHead head;

  @BeforeEach
  void export() throws Exception {
    ledger = TestLogs.ledger(SIZE);
    TestLogs.export(ledger, SIZE, dir);
    head = new TreeHead(SIZE, ledger.root(SIZE));
  }

  @AfterEach
  void close() {
    ledger.close();
  }

  private VerifiedTiles verify() throws TilesException {
    return TilesVerifier.verify(TileReader.open(dir), head);
  }

  private AbstractThrowableAssert<?, ? extends Throwable> assertFails(Reason reason, String file) {
    return assertThatThrownBy(this::verify)
        .isInstanceOfSatisfying(
            TilesException.class,
            e -> {
              assertThat(e.reason()).as(e.getMessage()).isEqualTo(reason);
              if (file == null) {
                assertThat(e.file()).isEmpty();
              } else {
                assertThat(e.file()).contains(file);
              }
            });
  }

  private List<byte[]> entries(String bundle) throws Exception {
    return new ArrayList<>(
        EntryBundle.scan(Files.readAllBytes(dir.resolve(bundle)), 1000, bundle).entries());
  }

  private void write(String file, List<byte[]> entries) throws Exception {
    Files.write(dir.resolve(file), EntryBundle.encode(entries));
  }

  private void flip(String file, int position) throws Exception {
    byte[] bytes = Files.readAllBytes(dir.resolve(file));
    bytes[position] ^= 0x01;
    Files.write(dir.resolve(file), bytes);
  }

  private void truncate(String file, int bytes) throws Exception {
    byte[] all = Files.readAllBytes(dir.resolve(file));
    Files.write(dir.resolve(file), java.util.Arrays.copyOf(all, all.length - bytes));
  }

  @Test
  void verify_exportedTree_succeeds() throws Exception {
    VerifiedTiles verified = verify();

    assertThat(verified.head()).isEqualTo(head);
    assertThat(verified.bundlesRead()).isEqualTo(3);
    assertThat(verified.tilesRead()).isEqualTo(4);
  }

  @Test
  void verify_keepsTheRootsAtSmallerSizes() throws Exception {
    List<Long> sizes = List.of(0L, 1L, 255L, 256L, 257L, 300L, 512L, 599L);

    VerifiedTiles verified = TilesVerifier.verify(TileReader.open(dir), head, sizes);

    for (long size : sizes) {
      assertThat(verified.rootAt(size)).as("size " + size).contains(ledger.root(size));
    }
    assertThat(verified.rootAt(SIZE)).contains(head.root());
    assertThat(verified.rootAt(2)).isEmpty();
    assertThatThrownBy(() -> TilesVerifier.verify(TileReader.open(dir), head, List.of(601L)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void verify_changedEntry_isEntryChanged() throws Exception {
    List<byte[]> entries = entries("tile/entries/001");
    entries.get(5)[0] ^= 0x20;
    write("tile/entries/001", entries);

    assertFails(Reason.ENTRY_CHANGED, "tile/entries/001")
        .hasMessage("tile/entries/001: entry 261 differs from the entry the log committed to");
  }

  @Test
  void verify_droppedEntry_isEntryMissing() throws Exception {
    List<byte[]> entries = entries("tile/entries/000");
    entries.remove(10);
    write("tile/entries/000", entries);

    assertFails(Reason.ENTRY_MISSING, "tile/entries/000")
        .hasMessage(
            "tile/entries/000: holds 255 of its 256 entries: entry 10 is missing (the entries from"
                + " there on are shifted)");
  }

  @Test
  void verify_lastEntryDropped_isEntryMissing() throws Exception {
    List<byte[]> entries = entries("tile/entries/002.p/88");
    entries.removeLast();
    write("tile/entries/002.p/88", entries);

    assertFails(Reason.ENTRY_MISSING, "tile/entries/002.p/88")
        .hasMessage(
            "tile/entries/002.p/88: holds 87 of its 88 entries: entries 599..599 are missing");
  }

  @Test
  void verify_swappedEntries_isEntriesReordered() throws Exception {
    List<byte[]> entries = entries("tile/entries/000");
    entries.add(3, entries.remove(4));
    write("tile/entries/000", entries);

    assertFails(Reason.ENTRIES_REORDERED, "tile/entries/000")
        .hasMessage("tile/entries/000: entry 3 holds entry 4: the entries are out of order");
  }

  @Test
  void verify_insertedCopyOfAnEntry_isEntryDuplicated() throws Exception {
    List<byte[]> entries = entries("tile/entries/002.p/88");
    entries.add(8, entries.get(7));
    write("tile/entries/002.p/88", entries);

    assertFails(Reason.ENTRY_DUPLICATED, "tile/entries/002.p/88")
        .hasMessage(
            "tile/entries/002.p/88: holds 89 entries, not 88: entry 519 appears again at position 8");
  }

  @Test
  void verify_entryOverwrittenByACopy_isEntryDuplicated() throws Exception {
    List<byte[]> entries = entries("tile/entries/001");
    entries.set(8, entries.get(7));
    write("tile/entries/001", entries);

    assertFails(Reason.ENTRY_DUPLICATED, "tile/entries/001")
        .hasMessage("tile/entries/001: entry 264 is a copy of entry 263");
  }

  @Test
  void verify_appendedEntry_isExtraEntries() throws Exception {
    List<byte[]> entries = entries("tile/entries/002.p/88");
    entries.add("entry 600".getBytes(StandardCharsets.UTF_8));
    write("tile/entries/002.p/88", entries);

    assertFails(Reason.EXTRA_ENTRIES, "tile/entries/002.p/88")
        .hasMessage(
            "tile/entries/002.p/88: holds more than its 88 entries: entries follow beyond entry 599");
  }

  @Test
  void verify_entryAppendedToAFullBundle_isExtraEntries() throws Exception {
    Files.write(dir.resolve("tile/entries/000"), new byte[] {0, 0}, StandardOpenOption.APPEND);

    assertFails(Reason.EXTRA_ENTRIES, "tile/entries/000");
  }

  @Test
  void verify_flippedLeafTileByte_isTileMismatch() throws Exception {
    flip("tile/0/001", 32 * 9 + 4);

    assertFails(Reason.TILE_MISMATCH, "tile/0/001")
        .hasMessage(
            "tile/0/001: holds a leaf hash for entry 265 that differs from the hash of the entry in"
                + " tile/entries/001");
  }

  @Test
  void verify_flippedUpperTileByte_isTileMismatch() throws Exception {
    flip("tile/1/000.p/2", 40);

    assertFails(Reason.TILE_MISMATCH, "tile/1/000.p/2")
        .hasMessageStartingWith("tile/1/000.p/2: hash 1 is ");
  }

  @Test
  void verify_deletedTiles_areMissing() throws Exception {
    for (String file : List.of("tile/1/000.p/2", "tile/0/002.p/88", "tile/entries/001")) {
      Path path = dir.resolve(file);
      byte[] saved = Files.readAllBytes(path);
      Files.delete(path);

      assertFails(Reason.MISSING, file).hasMessage(file + ": does not exist");

      Files.write(path, saved);
    }
    assertThat(verify().head()).isEqualTo(head);
  }

  @Test
  void verify_truncatedFiles_areMalformed() throws Exception {
    truncate("tile/0/000", 1);
    assertFails(Reason.MALFORMED, "tile/0/000")
        .hasMessage("tile/0/000: is 8191 bytes; it must be exactly 8192");
  }

  @Test
  void verify_bundleCutInsideAnEntry_isMalformed() throws Exception {
    truncate("tile/entries/002.p/88", 3);

    assertFails(Reason.MALFORMED, "tile/entries/002.p/88").hasMessageContaining("entry 87 at byte");
  }

  @Test
  void verify_trailingBytes_areMalformed() throws Exception {
    Files.write(dir.resolve("tile/0/002.p/88"), new byte[] {0}, StandardOpenOption.APPEND);
    assertFails(Reason.MALFORMED, "tile/0/002.p/88");
    truncate("tile/0/002.p/88", 1);

    Files.write(dir.resolve("tile/entries/001"), new byte[] {0}, StandardOpenOption.APPEND);
    assertFails(Reason.MALFORMED, "tile/entries/001")
        .hasMessage("tile/entries/001: 1 byte after entry 255 cannot be a length prefix");
  }

  @Test
  void verify_otherRoot_isRootMismatch() {
    head = new TreeHead(SIZE, TreeHasher.leaf(new byte[] {1}));

    assertFails(Reason.ROOT_MISMATCH, null)
        .hasMessageEndingWith(
            "; the tiles agree with the entries: the directory holds another tree");
  }

  @Test
  void verify_smallerAuthenticatedSize_usesThatSizesTiles() throws Exception {
    // The directory holds only the partial tiles of 600, not those of 590.
    head = new TreeHead(590, ledger.root(590));

    assertFails(Reason.MISSING, "tile/0/002.p/78");
  }

  @Test
  void verify_anotherLogOfTheSameSize_isRootMismatch() throws Exception {
    try (Ledger other = Ledger.open(new MemoryLogStore(), LedgerOptions.defaults())) {
      for (int i = 0; i < SIZE - 1; i++) {
        other.append(("other " + i).getBytes(StandardCharsets.UTF_8));
      }
      other.appendAndWait("other".getBytes(StandardCharsets.UTF_8));
      Path elsewhere = dir.resolve("other");
      TestLogs.export(other, SIZE, elsewhere);

      assertThatThrownBy(() -> TilesVerifier.verify(TileReader.open(elsewhere), head))
          .isInstanceOfSatisfying(
              TilesException.class, e -> assertThat(e.reason()).isEqualTo(Reason.ROOT_MISMATCH));
    }
  }

  @Test
  void verify_changedEntryWithRecomputedLeafTile_isRootMismatch() throws Exception {
    List<byte[]> entries = entries("tile/entries/001");
    entries.set(5, "forged".getBytes(StandardCharsets.UTF_8));
    write("tile/entries/001", entries);
    List<Hash> leaves = entries.stream().map(TreeHasher::leaf).toList();
    Files.write(dir.resolve("tile/0/001"), HashTile.of(TileId.full(0, 1), leaves).encoded());

    assertFails(Reason.ROOT_MISMATCH, null)
        .hasMessageEndingWith("; the tiles do not lead to it either");
  }

  @Test
  void verify_bundleReplacedByASymbolicLink_isUnsafe() throws Exception {
    Path outside = Files.write(dir.resolveSibling(dir.getFileName() + "-outside"), new byte[8]);
    try {
      Files.delete(dir.resolve("tile/entries/001"));
      Files.createSymbolicLink(dir.resolve("tile/entries/001"), outside);

      assertFails(Reason.UNSAFE_PATH, "tile/entries/001");
    } finally {
      Files.delete(outside);
    }
  }

  @Test
  void verify_emptyTree_needsTheEmptyRoot() throws Exception {
    Path empty = Files.createDirectories(dir.resolve("empty"));

    assertThat(
            TilesVerifier.verify(TileReader.open(empty), new TreeHead(0, TreeHasher.emptyRoot()))
                .head()
                .size())
        .isZero();
    assertThatThrownBy(
            () -> TilesVerifier.verify(TileReader.open(empty), new TreeHead(0, head.root())))
        .isInstanceOfSatisfying(
            TilesException.class, e -> assertThat(e.reason()).isEqualTo(Reason.ROOT_MISMATCH));
  }
}
