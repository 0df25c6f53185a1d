package io.coffer.attestation.internal;

import java.util.concurrent.ConcurrentHashMap;

/**
 * A thread-safe map of at most {@code capacity} entries, for results that are expensive to
 * recompute (verified signatures, parsed collateral). When full it is emptied and refills: a simple
 * bound that never holds stale results longer than correctness allows, because every entry is keyed
 * by the exact content it was computed from.
 *
 * @param <K> the key (a content digest, or an immutable value)
 * @param <V> the result
 */
public final class BoundedCache<K, V> {

  private final int capacity;
  private final ConcurrentHashMap<K, V> map;

  public BoundedCache(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be positive");
    }
    this.capacity = capacity;
    this.map = new ConcurrentHashMap<>(Math.min(capacity, 1024));
  }

  /** The cached value, or null. */
  public V get(K key) {
    return map.get(key);
  }

  /** Caches {@code value} for {@code key}. */
  public void put(K key, V value) {
    if (map.size() >= capacity) {
      map.clear();
    }
    map.put(key, value);
  }

  /** The number of entries. */
  public int size() {
    return map.size();
  }
}
