package io.coffer.ledger.tiles;

import io.coffer.ledger.log.LedgerOptions;
import io.coffer.ledger.tiles.TilesException.Reason;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The contents of an entry bundle: a sequence of entries, each a big-endian uint16 length followed
 * by that many bytes (tlog-tiles.md, "Log entries"). Entries are therefore at most 65,535 bytes
 * ({@link LedgerOptions#MAX_TILES_ENTRY_BYTES}).
 *
 * <p>Immutable; entries are copied in and out.
 */
public final class EntryBundle {

  /** The largest entry a bundle can hold. */
  public static final int MAX_ENTRY_BYTES = LedgerOptions.MAX_TILES_ENTRY_BYTES;

  /**
   * What {@link #scan} found: at most {@code limit} entries, and whether bytes follow them.
   *
   * @param entries the entries read
   * @param bytesAfter the number of bytes after the last entry read
   */
  record Scan(List<byte[]> entries, long bytesAfter) {}

  private final BundleId id;
  private final List<byte[]> entries;

  private EntryBundle(BundleId id, List<byte[]> entries) {
    this.id = id;
    this.entries = entries;
  }

  /**
   * Decodes the contents of the file of bundle {@code id}: exactly {@code id.width()} entries and
   * nothing after them.
   *
   * @throws TilesException {@code MALFORMED} if a length prefix or an entry is cut short or bytes
   *     follow that are not a whole entry, {@code ENTRY_MISSING} if there are fewer entries, {@code
   *     EXTRA_ENTRIES} if there are more
   */
  public static EntryBundle decode(BundleId id, byte[] data) throws TilesException {
    String file = id.path();
    Scan scan = scan(data, id.width() + 1, file);
    int count = scan.entries().size();
    if (count < id.width()) {
      throw new TilesException(
          Reason.ENTRY_MISSING,
          file,
          "holds " + count + " entries; a bundle of width " + id.width() + " holds exactly that");
    }
    if (count > id.width()) {
      throw new TilesException(
          Reason.EXTRA_ENTRIES,
          file,
          "holds more than the " + id.width() + " entries a bundle of this width holds");
    }
    return new EntryBundle(id, scan.entries());
  }

  /**
   * Reads at most {@code limit} entries from the start of {@code data}. Unless {@code limit}
   * entries were read, the entries read cover {@code data} exactly.
   *
   * @throws TilesException {@code MALFORMED} if a length prefix or an entry among them is cut short
   */
  static Scan scan(byte[] data, int limit, String file) throws TilesException {
    List<byte[]> entries = new ArrayList<>(Math.min(limit, TileId.FULL_WIDTH + 1));
    int at = 0;
    while (at < data.length && entries.size() < limit) {
      if (data.length - at < 2) {
        throw trailing(file, data.length - at, entries.size());
      }
      int length = ((data[at] & 0xff) << 8) | (data[at + 1] & 0xff);
      if (data.length - at - 2 < length) {
        throw new TilesException(
            Reason.MALFORMED,
            file,
            "entry "
                + entries.size()
                + " at byte "
                + at
                + " declares "
                + length
                + " bytes but only "
                + (data.length - at - 2)
                + " follow");
      }
      entries.add(Arrays.copyOfRange(data, at + 2, at + 2 + length));
      at += 2 + length;
    }
    return new Scan(entries, data.length - at);
  }

  private static TilesException trailing(String file, long bytes, int afterEntries) {
    return new TilesException(
        Reason.MALFORMED,
        file,
        bytes
            + (bytes == 1 ? " byte " : " bytes ")
            + (afterEntries == 0 ? "at the start" : "after entry " + (afterEntries - 1))
            + " cannot be a length prefix");
  }

  /** The bundle file for {@code entries}. */
  public static byte[] encode(List<byte[]> entries) {
    if (entries.size() > TileId.FULL_WIDTH) {
      throw new IllegalArgumentException("a bundle holds at most 256 entries");
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] entry : entries) {
      if (entry.length > MAX_ENTRY_BYTES) {
        throw new IllegalArgumentException(
            "an entry of " + entry.length + " bytes does not fit a bundle (at most 65535)");
      }
      out.write(entry.length >>> 8);
      out.write(entry.length & 0xff);
      out.writeBytes(entry);
    }
    return out.toByteArray();
  }

  /** Which bundle this is. */
  public BundleId id() {
    return id;
  }

  /** The number of entries. */
  public int size() {
    return entries.size();
  }

  /** Entry {@code position}, from 0 (a copy). */
  public byte[] entry(int position) {
    return entries.get(position).clone();
  }

  /** All entries, copied. */
  public List<byte[]> entries() {
    return entries.stream().map(byte[]::clone).toList();
  }

  @Override
  public String toString() {
    return "EntryBundle[" + id + "]";
  }
}
