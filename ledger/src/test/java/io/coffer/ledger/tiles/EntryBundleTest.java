package io.coffer.ledger.tiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.coffer.ledger.testing.TestVectors;
import io.coffer.ledger.tiles.TilesException.Reason;
import java.util.List;
import org.junit.jupiter.api.Test;

class EntryBundleTest {

  private static void assertReason(ThrowingCall call, Reason reason, String message) {
    assertThatThrownBy(call::run)
        .isInstanceOfSatisfying(TilesException.class, e -> assertThat(e.reason()).isEqualTo(reason))
        .hasMessage(message);
  }

  @FunctionalInterface
  private interface ThrowingCall {
    void run() throws Exception;
  }

  @Test
  void scan_tesseraEntryBundleUnmarshalVectors() throws TilesException {
    JsonNode cases =
        TestVectors.json("tessera-layout-paths.json").get("entry_bundle_unmarshal").get("cases");
    assertThat(cases).hasSize(4);
    for (JsonNode c : cases) {
      byte[] data = TestVectors.hex(c.get("input_hex").asText());
      if (c.get("wantErr").asBoolean()) {
        assertThatThrownBy(() -> EntryBundle.scan(data, 257, "b"))
            .as(c.get("desc").asText())
            .isInstanceOfSatisfying(
                TilesException.class, e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED));
      } else {
        EntryBundle.Scan scan = EntryBundle.scan(data, 257, "b");
        assertThat(scan.bytesAfter()).isZero();
        if (scan.entries().isEmpty()) {
          continue;
        }
        EntryBundle bundle = EntryBundle.decode(new BundleId(0, scan.entries().size()), data);
        assertThat(EntryBundle.encode(bundle.entries())).isEqualTo(data);
      }
    }
  }

  @Test
  void decode_emptyNodesVector_holdsThreeEntries() throws TilesException {
    EntryBundle bundle = EntryBundle.decode(new BundleId(0, 3), TestVectors.hex("00000001610000"));

    assertThat(bundle.entries()).containsExactly(new byte[0], new byte[] {'a'}, new byte[0]);
  }

  @Test
  void decode_cutShortOrTrailingBytes_isMalformed() {
    BundleId id = new BundleId(0, 2);
    assertReason(
        () -> EntryBundle.decode(id, TestVectors.hex("000261")),
        Reason.MALFORMED,
        "tile/entries/000.p/2: entry 0 at byte 0 declares 2 bytes but only 1 follow");
    assertReason(
        () -> EntryBundle.decode(id, TestVectors.hex("01")),
        Reason.MALFORMED,
        "tile/entries/000.p/2: 1 byte at the start cannot be a length prefix");
    assertReason(
        () -> EntryBundle.decode(id, TestVectors.hex("0001610001620a")),
        Reason.MALFORMED,
        "tile/entries/000.p/2: 1 byte after entry 1 cannot be a length prefix");
  }

  @Test
  void decode_wrongEntryCount_namesIt() {
    BundleId id = new BundleId(0, 2);
    assertReason(
        () -> EntryBundle.decode(id, TestVectors.hex("000161")),
        Reason.ENTRY_MISSING,
        "tile/entries/000.p/2: holds 1 entries; a bundle of width 2 holds exactly that");
    assertReason(
        () -> EntryBundle.decode(id, TestVectors.hex("000161000162000163")),
        Reason.EXTRA_ENTRIES,
        "tile/entries/000.p/2: holds more than the 2 entries a bundle of this width holds");
  }

  @Test
  void encode_largestEntry_roundTrips() throws TilesException {
    byte[] largest = new byte[65_535];
    largest[65_534] = 7;

    byte[] data = EntryBundle.encode(List.of(largest, new byte[0]));

    assertThat(data).startsWith(0xff, 0xff);
    assertThat(EntryBundle.decode(new BundleId(0, 2), data).entry(0)).isEqualTo(largest);
    assertThatThrownBy(() -> EntryBundle.encode(List.of(new byte[65_536])))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void entries_areCopies() throws TilesException {
    EntryBundle bundle = EntryBundle.decode(new BundleId(0, 1), TestVectors.hex("000161"));

    bundle.entries().get(0)[0] = 'z';
    bundle.entry(0)[0] = 'z';

    assertThat(bundle.entry(0)).containsExactly('a');
    assertThat(bundle.size()).isEqualTo(1);
  }
}
