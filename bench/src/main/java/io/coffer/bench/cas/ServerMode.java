package io.coffer.bench.cas;

import java.util.Arrays;

/** Where the CAS under load runs. */
public enum ServerMode {
  /**
   * In the harness's JVM: the CAS and its clients share the JVM and the machine's cores, and the
   * CAS's own CPU cannot be told apart from the clients'.
   */
  IN_PROCESS("in-process"),
  /**
   * In a child JVM of its own on the same machine: the cores are still shared, but the CAS's CPU
   * time is its process's and is reported per operation.
   */
  PROCESS("process");

  private final String cliName;

  ServerMode(String cliName) {
    this.cliName = cliName;
  }

  /** The option's spelling: {@code in-process}, {@code process}. */
  public String cliName() {
    return cliName;
  }

  /** The mode an option names; an unknown name is an error. */
  public static ServerMode parse(String text) {
    for (ServerMode m : values()) {
      if (m.cliName.equals(text)) {
        return m;
      }
    }
    throw new IllegalArgumentException(
        "--server: expected one of "
            + Arrays.stream(values()).map(ServerMode::cliName).toList()
            + ", got \""
            + text
            + "\"");
  }
}
