package io.coffer.attestation.amd;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Verified chains by the SHA-256 of their certificates' DER, least recently used evicted beyond a
 * fixed size. Thread-safe. Only verified chains enter, and an entry proves only what does not
 * change with time (names, algorithms, signatures): dates are checked on every use.
 */
final class ChainCache {

  /** Chains kept: one per VCEK (machine and TCB) or VLEK in use, ample for a fleet. */
  static final int DEFAULT_MAX_ENTRIES = 4096;

  private final int maxEntries;
  private final Map<String, VerifiedChain> entries;

  ChainCache(int maxEntries) {
    if (maxEntries < 1) {
      throw new IllegalArgumentException("a cache holds at least one chain");
    }
    this.maxEntries = maxEntries;
    this.entries =
        new LinkedHashMap<>(16, 0.75f, true) {
          private static final long serialVersionUID = 1L;

          @Override
          protected boolean removeEldestEntry(Map.Entry<String, VerifiedChain> eldest) {
            return size() > ChainCache.this.maxEntries;
          }
        };
  }

  synchronized VerifiedChain get(String key) {
    return entries.get(key);
  }

  synchronized void put(String key, VerifiedChain chain) {
    entries.put(key, chain);
  }

  synchronized int size() {
    return entries.size();
  }
}
