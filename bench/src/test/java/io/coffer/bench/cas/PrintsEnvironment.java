package io.coffer.bench.cas;

/**
 * A child JVM's main for tests: prints {@code NAME=value} for each variable named in its arguments,
 * on one line, then waits for its standard input to end.
 */
public final class PrintsEnvironment {

  private PrintsEnvironment() {}

  public static void main(String[] args) throws java.io.IOException {
    StringBuilder b = new StringBuilder();
    for (String name : args) {
      b.append(b.isEmpty() ? "" : " ").append(name).append('=').append(System.getenv(name));
    }
    System.out.println(b);
    System.out.flush();
    while (System.in.read() >= 0) {
      // Nothing to do with what comes in.
    }
  }
}
