package io.coffer.bench.cas;

import java.util.Arrays;
import java.util.Locale;

/** What the clients do. */
public enum Mix {
  /**
   * Authenticated {@code GET /v1/policies/{name}}: the read rule is evaluated for every request.
   */
  READ(5_000),
  /**
   * {@code POST /v1/proposals} of a new version with an approval that satisfies the update rule at
   * once: proposal, approval and activation in one durable transaction with their ledger entries.
   */
  WRITE(1_000);

  private final int targetPerSecond;

  Mix(int targetPerSecond) {
    this.targetPerSecond = targetPerSecond;
  }

  /** The rate the performance target asks for on the 2-core development machine. */
  public int targetPerSecond() {
    return targetPerSecond;
  }

  /** The option's spelling: {@code read}, {@code write}. */
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
