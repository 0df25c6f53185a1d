package io.coffer.ledger.log;

/**
 * Tuning of a {@link Ledger}.
 *
 * @param maxEntrySizeBytes the largest entry accepted; at most 65535, the largest entry a C2SP
 *     {@code tlog-tiles} entry bundle can hold
 * @param maxBatchEntries the most appends committed in one store transaction
 * @param cachedFromLevel the lowest tree level whose hashes are kept in memory; lower levels are
 *     read from the store when a proof needs them. Memory is about {@code 64 / 2^level} bytes per
 *     entry.
 */
public record LedgerOptions(int maxEntrySizeBytes, int maxBatchEntries, int cachedFromLevel) {

  /** The largest entry a C2SP tlog-tiles entry bundle can hold (a uint16 length prefix). */
  public static final int MAX_TILES_ENTRY_BYTES = 65_535;

  public LedgerOptions {
    if (maxEntrySizeBytes < 1 || maxEntrySizeBytes > MAX_TILES_ENTRY_BYTES) {
      throw new IllegalArgumentException(
          "maxEntrySizeBytes must be 1.." + MAX_TILES_ENTRY_BYTES + ", got " + maxEntrySizeBytes);
    }
    if (maxBatchEntries < 1) {
      throw new IllegalArgumentException("maxBatchEntries must be positive");
    }
    if (cachedFromLevel < 0 || cachedFromLevel > 63) {
      throw new IllegalArgumentException("cachedFromLevel must be 0..63");
    }
  }

  /** 64 KiB entries, batches of up to 1024, hashes from level 4 up in memory (4 bytes/entry). */
  public static LedgerOptions defaults() {
    return new LedgerOptions(MAX_TILES_ENTRY_BYTES, 1024, 4);
  }
}
