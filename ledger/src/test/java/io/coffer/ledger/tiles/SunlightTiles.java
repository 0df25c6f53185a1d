package io.coffer.ledger.tiles;

import io.coffer.ledger.merkle.Hash;
import io.coffer.ledger.testing.TestVectors;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/** The sunlight/skylight test tree: 300 leaves 'record 0' .. 'record 299' and its tiles. */
final class SunlightTiles {

  /** The hash tiles the vectors hold for the tree of 300 (there are no entry bundles). */
  static final List<String> TILES = List.of("tile/0/000", "tile/0/001.p/44", "tile/1/000.p/1");

  private static final String MIRROR =
      "sunlight-skylight/witness/mirror/"
          + "000de184301123b9278c086a7d9f68c9577e83872224c197058fd90784ea9706";

  private SunlightTiles() {}

  /** The mirror directory: the checkpoint of the tree of 300 and its tiles. */
  static Path mirror() {
    return TestVectors.directory(MIRROR);
  }

  /** Leaf {@code i}. */
  static byte[] record(int i) {
    return ("record " + i).getBytes(StandardCharsets.UTF_8);
  }

  /** The root on the third line of the mirror's checkpoint, the tree hash of the 300 records. */
  static Hash root() {
    return thirdLine(MIRROR + "/checkpoint");
  }

  /**
   * The root on the third line of {@code tree/checkpoint}: per EXPECTED.json a fake root,
   * SHA-256("skylight test tree root"), not a Merkle tree hash.
   */
  static Hash fakeRoot() {
    return thirdLine("sunlight-skylight/tree/checkpoint");
  }

  private static Hash thirdLine(String file) {
    String[] lines = new String(TestVectors.bytes(file), StandardCharsets.UTF_8).split("\n", -1);
    return Hash.fromBase64(lines[2]);
  }
}
