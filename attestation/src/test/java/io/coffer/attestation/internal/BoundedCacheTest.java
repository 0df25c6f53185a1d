package io.coffer.attestation.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BoundedCacheTest {

  @Test
  void get_returnsWhatWasPut_andNullForUnknownKeys() {
    BoundedCache<String, Integer> cache = new BoundedCache<>(4);
    cache.put("a", 1);

    assertThat(cache.get("a")).isEqualTo(1);
    assertThat(cache.get("b")).isNull();
  }

  @Test
  void put_neverHoldsMoreThanTheCapacity() {
    BoundedCache<Integer, Integer> cache = new BoundedCache<>(3);
    for (int i = 0; i < 100; i++) {
      cache.put(i, i);
      assertThat(cache.size()).isBetween(1, 3);
      assertThat(cache.get(i)).isEqualTo(i);
    }
  }

  @Test
  void put_ofAKnownKey_replacesItsValue() {
    BoundedCache<String, Integer> cache = new BoundedCache<>(2);
    cache.put("a", 1);
    cache.put("a", 2);

    assertThat(cache.get("a")).isEqualTo(2);
    assertThat(cache.size()).isEqualTo(1);
  }

  @Test
  void constructor_refusesANonPositiveCapacity() {
    assertThatThrownBy(() -> new BoundedCache<String, String>(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("capacity");
  }
}
