package io.coffer.cli.demo;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One line per step, {@code [ 3/17] what happens ... ok (1.2 s): what came of it}, and the record
 * of every step for the summary. A step that does not end as intended stops the demo.
 */
final class Narrator {

  /** One step's work: returns what came of it, in a few words. */
  @FunctionalInterface
  interface Step {
    String run() throws Exception;
  }

  /** A step as it ended. */
  record Outcome(int number, String title, boolean ok, Duration took, String detail) {}

  /** The demo did not go as intended at a step. */
  static final class Failure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Failure(String message) {
      super(message);
    }

    Failure(String message, Throwable cause) {
      super(message, cause);
    }
  }

  private final PrintWriter out;
  private final int total;
  private final List<Outcome> outcomes = new ArrayList<>();

  Narrator(PrintWriter out, int total) {
    this.out = out;
    this.total = total;
  }

  /** A line of narration, not a step. */
  void say(String line) {
    out.println(line);
    out.flush();
  }

  /**
   * Runs a step and prints its line.
   *
   * @throws Failure when the step failed (its line says why)
   */
  void step(String title, Step step) {
    int n = outcomes.size() + 1;
    String head = String.format(Locale.ROOT, "[%2d/%d] %s", n, total, title);
    out.print(head + " ... ");
    out.flush();
    long start = System.nanoTime();
    try {
      String detail = step.run();
      Duration took = Duration.ofNanos(System.nanoTime() - start);
      outcomes.add(new Outcome(n, title, true, took, detail));
      out.println("ok (" + seconds(took) + ")" + (detail.isEmpty() ? "" : ": " + detail));
      out.flush();
    } catch (Exception e) {
      Duration took = Duration.ofNanos(System.nanoTime() - start);
      String why =
          e instanceof IllegalStateException || e instanceof Failure
              ? e.getMessage()
              : e.getClass().getSimpleName() + ": " + e.getMessage();
      outcomes.add(new Outcome(n, title, false, took, why));
      out.println("FAILED (" + seconds(took) + "): " + why);
      out.flush();
      throw e instanceof Failure f ? f : new Failure(title + ": " + why, e);
    }
  }

  List<Outcome> outcomes() {
    return List.copyOf(outcomes);
  }

  static String seconds(Duration d) {
    return String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
  }
}
