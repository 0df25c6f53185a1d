package io.coffer.bench.cas;

import java.io.IOException;

/**
 * A child JVM's main for tests: prints an unrelated line, then waits for its standard input to end
 * without ever saying it is ready. With the argument {@code ignore-stdin} it waits for a signal
 * instead.
 */
public final class Mute {

  private Mute() {}

  public static void main(String[] args) throws IOException, InterruptedException {
    System.out.println("starting, or so it says");
    System.out.flush();
    if (args.length > 0 && args[0].equals("ignore-stdin")) {
      Thread.sleep(Long.MAX_VALUE);
    }
    while (System.in.read() >= 0) {
      // Nothing to do with what comes in.
    }
  }
}
