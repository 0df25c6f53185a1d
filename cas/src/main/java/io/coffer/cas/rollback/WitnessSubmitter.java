package io.coffer.cas.rollback;

import io.coffer.cas.witness.Cosigned;
import io.coffer.cas.witness.WitnessClient;
import io.coffer.cas.witness.WitnessException;
import io.coffer.ledger.log.Ledger;
import io.coffer.ledger.log.LedgerException;
import io.coffer.ledger.store.StoredCheckpoint;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Offers the log's latest signed checkpoint to every witness in the background, outside the write
 * path: every {@code interval}, each witness whose last cosigned size is behind the checkpoint gets
 * it. Failures are logged and kept in {@link #status()}; a witness reporting a rollback or a fork
 * is logged as an error.
 *
 * <p>The checkpoint is the one the {@link CheckpointSealer} signed last; this class never signs.
 * Safe for concurrent use; {@link #submitOnce} runs one round at a time, and {@link #status()}
 * never waits for a round's network calls.
 */
public final class WitnessSubmitter implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(WitnessSubmitter.class);

  private final Ledger log;
  private final List<WitnessClient> witnesses;
  private final InstantSource clock;
  private final WitnessStatus[] status;
  private final ReentrantLock round = new ReentrantLock();
  private ScheduledExecutorService scheduler;

  public WitnessSubmitter(Ledger log, List<WitnessClient> witnesses, InstantSource clock) {
    this.log = Objects.requireNonNull(log, "log");
    this.witnesses = List.copyOf(witnesses);
    this.clock = Objects.requireNonNull(clock, "clock");
    this.status = new WitnessStatus[this.witnesses.size()];
    for (int i = 0; i < status.length; i++) {
      status[i] = WitnessStatus.unknown(this.witnesses.get(i).endpoint().toString());
    }
  }

  /** Records the cosignatures a {@link StartupCheck} obtained, so they are not asked for again. */
  public synchronized void recordStartup(StartupReport report) {
    for (Cosigned c : report.cosigned()) {
      for (int i = 0; i < status.length; i++) {
        if (status[i].witness().equals(c.witness())) {
          status[i] = status[i].cosigned(c.treeHead().size(), clock.instant());
        }
      }
    }
  }

  /** Starts submitting every {@code interval} on a background thread. */
  public synchronized void start(Duration interval) {
    if (scheduler != null) {
      throw new IllegalStateException("already started");
    }
    scheduler =
        Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("witness-submitter").daemon().factory());
    long millis = interval.toMillis();
    scheduler.scheduleWithFixedDelay(this::submitQuietly, millis, millis, TimeUnit.MILLISECONDS);
  }

  private void submitQuietly() {
    try {
      submitOnce();
    } catch (RuntimeException e) {
      LOG.atError().setCause(e).log("witness submission round failed");
    }
  }

  /**
   * One round: offers the latest signed checkpoint to each witness behind it. Returns the number of
   * witnesses that cosigned in this round.
   */
  public int submitOnce() {
    round.lock();
    try {
      return round();
    } finally {
      round.unlock();
    }
  }

  private int round() {
    Optional<StoredCheckpoint> latest = log.latestCheckpoint();
    if (latest.isEmpty()) {
      return 0;
    }
    StoredCheckpoint checkpoint = latest.get();
    int cosigned = 0;
    for (int i = 0; i < witnesses.size(); i++) {
      if (status(i).cosignedSize().orElse(-1) >= checkpoint.size()) {
        continue;
      }
      WitnessClient witness = witnesses.get(i);
      try {
        Cosigned result = witness.addCheckpoint(checkpoint.signedNote(), log);
        update(i, status(i).cosigned(result.treeHead().size(), clock.instant()));
        cosigned++;
      } catch (WitnessException e) {
        WitnessStatus failed =
            status(i)
                .failed(new WitnessStatus.Failure(e.reason(), e.getMessage()), clock.instant());
        update(i, failed);
        if (failed.alarming()) {
          LOG.atError()
              .addKeyValue("witness", witness.endpoint())
              .addKeyValue("reason", e.reason())
              .addKeyValue("size", checkpoint.size())
              .log(
                  "a witness holds a newer or inconsistent checkpoint of this log: "
                      + e.getMessage());
        } else {
          LOG.atWarn()
              .addKeyValue("witness", witness.endpoint())
              .addKeyValue("reason", e.reason())
              .addKeyValue("failures", failed.consecutiveFailures())
              .log("witness submission failed: " + e.getMessage());
        }
      } catch (LedgerException e) {
        WitnessStatus failed =
            status(i)
                .failed(
                    new WitnessStatus.Failure(WitnessException.Reason.UNREACHABLE, e.getMessage()),
                    clock.instant());
        update(i, failed);
        LOG.atWarn()
            .addKeyValue("witness", witness.endpoint())
            .log("cannot build the consistency proof for a witness: " + e.getMessage());
      }
    }
    return cosigned;
  }

  private synchronized WitnessStatus status(int i) {
    return status[i];
  }

  private synchronized void update(int i, WitnessStatus next) {
    status[i] = next;
  }

  /** Each witness's status, in the order configured. */
  public synchronized List<WitnessStatus> status() {
    return List.of(status.clone());
  }

  /** Stops the background submissions. */
  @Override
  public synchronized void close() {
    if (scheduler != null) {
      scheduler.shutdownNow();
    }
  }
}
