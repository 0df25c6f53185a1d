package io.coffer.bench.cas;

import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;

/** What the clients do. */
public enum Mix {
  /**
   * Authenticated {@code GET /v1/policies/{name}}: the read rule is evaluated for every request.
   */
  READ(5_000, Duration.ofMillis(20)),
  /**
   * {@code POST /v1/proposals} of a new version with an approval that satisfies the update rule at
   * once: proposal, approval and activation in one durable transaction with their ledger entries.
   */
  WRITE(1_000, Duration.ofMillis(20)),
  /**
   * End-to-end attestations of a workload: {@code POST /v1/attest/challenge}, simulated evidence
   * for a fresh P-256 key, {@code POST /v1/attest}, admitted with its certificate, secrets and
   * configuration encrypted to the key, {@code attestation.succeeded} and {@code secret.released}
   * durable in the ledger.
   */
  ATTEST(2_000, Duration.ofMillis(25));

  private final int targetPerSecond;
  private final Duration targetP99;

  Mix(int targetPerSecond, Duration targetP99) {
    this.targetPerSecond = targetPerSecond;
    this.targetP99 = targetP99;
  }

  /** The p99 latency the performance target asks for at {@link #targetPerSecond}. */
  public Duration targetP99() {
    return targetP99;
  }

  /** The rate the performance target asks for on the 2-core development machine. */
  public int targetPerSecond() {
    return targetPerSecond;
  }

  /** The option's spelling: {@code read}, {@code write}, {@code attest}. */
  public String cliName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The mix an option names; an unknown name is an error. */
  public static Mix parse(String text) {
    for (Mix m : values()) {
      if (m.cliName().equals(text)) {
        return m;
      }
    }
    throw new IllegalArgumentException(
        "--mix: expected one of "
            + Arrays.stream(values()).map(Mix::cliName).toList()
            + ", got \""
            + text
            + "\"");
  }
}
