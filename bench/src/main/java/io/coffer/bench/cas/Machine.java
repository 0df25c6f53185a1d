package io.coffer.bench.cas;

import java.security.Security;
import java.util.Objects;

/**
 * The machine and JVM a run measured on.
 *
 * @param cores the processors the JVM may use
 * @param jdk the runtime's vendor and version
 * @param os the operating system, its version and architecture
 * @param maxHeapBytes the heap limit
 * @param firstProvider the first JCA provider (ACCP when installed)
 */
record Machine(int cores, String jdk, String os, long maxHeapBytes, String firstProvider) {

  Machine {
    Objects.requireNonNull(jdk, "jdk");
    Objects.requireNonNull(os, "os");
    Objects.requireNonNull(firstProvider, "firstProvider");
  }

  /** This machine, now. */
  static Machine current() {
    return new Machine(
        Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.vendor") + " " + Runtime.version(),
        System.getProperty("os.name")
            + " "
            + System.getProperty("os.version")
            + " "
            + System.getProperty("os.arch"),
        Runtime.getRuntime().maxMemory(),
        Security.getProviders()[0].getName());
  }
}
