package io.coffer.ledger.witness;

import io.coffer.ledger.merkle.TreeHead;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * A {@link WitnessStateStore} in memory, for tests and for witnesses whose state is rebuilt
 * elsewhere.
 *
 * <p>Not protected against: losing the state on restart, after which the witness would cosign a
 * rolled-back log again. Production witnesses need a durable store.
 */
public final class MemoryWitnessStateStore implements WitnessStateStore {

  private final ConcurrentMap<String, TreeHead> latest = new ConcurrentHashMap<>();

  @Override
  public Optional<TreeHead> latest(String origin) {
    return Optional.ofNullable(latest.get(origin));
  }

  @Override
  public boolean compareAndSet(String origin, Optional<TreeHead> expected, TreeHead next) {
    Objects.requireNonNull(next, "next");
    if (expected.isEmpty()) {
      return latest.putIfAbsent(origin, next) == null;
    }
    return latest.replace(origin, expected.get(), next);
  }
}
