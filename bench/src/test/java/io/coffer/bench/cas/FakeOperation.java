package io.coffer.bench.cas;

import java.util.concurrent.atomic.AtomicInteger;

/** An operation that answers at once, failing every {@code failEvery}-th call (0: never). */
final class FakeOperation implements ClientOperation {

  final AtomicInteger calls = new AtomicInteger();
  final AtomicInteger succeededBetweens = new AtomicInteger();
  final AtomicInteger failedBetweens = new AtomicInteger();
  private final int failEvery;

  FakeOperation(int failEvery) {
    this.failEvery = failEvery;
  }

  @Override
  public void call() throws OperationException {
    int n = calls.incrementAndGet();
    if (failEvery > 0 && n % failEvery == 0) {
      throw new OperationException("not-activated", "call " + n);
    }
  }

  @Override
  public void between(boolean lastSucceeded) {
    (lastSucceeded ? succeededBetweens : failedBetweens).incrementAndGet();
  }
}
