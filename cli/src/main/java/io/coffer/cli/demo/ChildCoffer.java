package io.coffer.cli.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code coffer} commands as separate processes, exactly as a person would type them: the same
 * Java runtime and class path as this process, {@code COFFER_HOME} set to the demo's home, the
 * short-lived profile of {@code bin/coffer} (C1 only, serial collector), and a minimal environment.
 */
final class ChildCoffer {

  /** What a command did. */
  record Result(List<String> args, int exitCode, String out, String err, Duration took) {
    boolean ok() {
      return exitCode == 0;
    }

    /** The command line as typed, for messages. */
    String commandLine() {
      return "coffer " + String.join(" ", args);
    }
  }

  private static final Duration TIMEOUT = Duration.ofMinutes(3);

  private final Path home;

  ChildCoffer(Path home) {
    this.home = home;
  }

  Result run(List<String> args) {
    return run(args, Map.of());
  }

  /** Runs {@code coffer args} with extra environment variables, and waits for it. */
  Result run(List<String> args, Map<String, String> extraEnvironment) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(
        List.of(
            "-XX:TieredStopAtLevel=1",
            "-XX:+UseSerialGC",
            "-Xlog:disable",
            "-Xlog:all=warning:stderr",
            "--enable-native-access=ALL-UNNAMED",
            "-cp",
            System.getProperty("java.class.path"),
            "io.coffer.cli.Main"));
    command.addAll(args);
    ProcessBuilder pb = new ProcessBuilder(command);
    Map<String, String> env = pb.environment();
    Map<String, String> keep = new HashMap<>();
    for (String name : List.of("PATH", "TMPDIR", "LANG")) {
      if (System.getenv(name) != null) {
        keep.put(name, System.getenv(name));
      }
    }
    env.clear();
    env.putAll(keep);
    env.putIfAbsent("PATH", "/usr/local/bin:/usr/bin:/bin");
    env.put("COFFER_HOME", home.toString());
    env.putAll(extraEnvironment);
    long start = System.nanoTime();
    try {
      Process p = pb.start();
      p.getOutputStream().close();
      CompletableFuture<String> out = drain(p.getInputStream());
      CompletableFuture<String> err = drain(p.getErrorStream());
      if (!p.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
        p.destroyForcibly();
        p.waitFor();
      }
      return new Result(
          List.copyOf(args),
          p.exitValue(),
          out.join(),
          err.join(),
          Duration.ofNanos(System.nanoTime() - start));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start coffer " + String.join(" ", args), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while coffer ran", e);
    }
  }

  /**
   * Reads a stream to its end on a thread of its own (a pipe left unread would block the child).
   */
  private static CompletableFuture<String> drain(InputStream in) {
    CompletableFuture<String> text = new CompletableFuture<>();
    Thread.ofVirtual()
        .start(() -> {
          try (in) {
            text.complete(new String(in.readAllBytes(), StandardCharsets.UTF_8));
          } catch (IOException e) {
            text.complete("");
          }
        });
    return text;
  }
}
