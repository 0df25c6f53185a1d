package io.coffer.ledger.witness;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.ledger.merkle.TreeHasher;
import io.coffer.ledger.merkle.TreeHead;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Compare-and-set semantics of the in-memory witness state. */
class MemoryWitnessStateStoreTest {

  private final MemoryWitnessStateStore store = new MemoryWitnessStateStore();
  private final TreeHead one = new TreeHead(1, TreeHasher.leaf(new byte[] {1}));
  private final TreeHead two = new TreeHead(2, TreeHasher.leaf(new byte[] {2}));

  @Test
  void compareAndSet_fromEmpty_onlyOnce() {
    assertThat(store.compareAndSet("o", Optional.empty(), one)).isTrue();
    assertThat(store.compareAndSet("o", Optional.empty(), two)).isFalse();
    assertThat(store.latest("o")).contains(one);
  }

  @Test
  void compareAndSet_staleExpectation_fails() {
    store.compareAndSet("o", Optional.empty(), one);
    assertThat(store.compareAndSet("o", Optional.of(one), two)).isTrue();
    assertThat(store.compareAndSet("o", Optional.of(one), one)).isFalse();
    assertThat(store.latest("o")).contains(two);
    assertThat(store.latest("other")).isEmpty();
  }
}
