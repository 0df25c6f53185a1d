package io.coffer.bench.cas;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

/**
 * A child JVM running a main class of this JVM's class path, with the same {@code java} binary and
 * {@code --enable-native-access=ALL-UNNAMED} (none of this JVM's heap settings). Its standard error
 * goes to a log file; its standard output is read line by line until it ends (so the child never
 * blocks on it); its standard input stays open until {@link #close}, and a child that follows the
 * convention exits when it ends, so that it also goes when this JVM dies.
 *
 * <p>{@link #close} stops it in three steps: closes its standard input and waits, sends SIGTERM
 * ({@link Process#destroy}) and waits, then kills it ({@link Process#destroyForcibly}).
 */
final class ChildJvm implements AutoCloseable {

  /** How long each stopping step waits for the child to exit. */
  static final Duration STOP_STEP = Duration.ofSeconds(5);

  private final String name;
  private final Process process;
  private final Path log;
  private final Predicate<String> ready;
  private final CompletableFuture<String> readyLine = new CompletableFuture<>();
  private boolean stopped;

  private ChildJvm(String name, Process process, Path log, Predicate<String> ready) {
    this.name = name;
    this.process = process;
    this.log = log;
    this.ready = ready;
  }

  /**
   * Starts {@code main} with {@code args}.
   *
   * @param name what the child is, for messages: "the CAS process"
   * @param environment variables to set (a value) or to remove (empty) in the environment the child
   *     inherits
   * @param log where its standard error goes (made or replaced)
   * @param ready the line of standard output by which the child says it is ready
   */
  static ChildJvm start(
      String name,
      Class<?> main,
      List<String> args,
      Map<String, Optional<String>> environment,
      Path log,
      Predicate<String> ready)
      throws IOException {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(ready, "ready");
    List<String> command = new ArrayList<>();
    command.add(javaBinary());
    command.add("--enable-native-access=ALL-UNNAMED");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(main.getName());
    command.addAll(args);
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectInput(ProcessBuilder.Redirect.PIPE)
            .redirectOutput(ProcessBuilder.Redirect.PIPE)
            .redirectError(log.toFile());
    environment.forEach((variable, value) -> {
      if (value.isPresent()) {
        builder.environment().put(variable, value.get());
      } else {
        builder.environment().remove(variable);
      }
    });
    ChildJvm child = new ChildJvm(name, builder.start(), log, ready);
    Thread.ofPlatform().daemon().name("child-jvm-stdout").start(child::readOutput);
    return child;
  }

  /** The running JVM's binary; the one in {@code java.home} if the platform does not say. */
  private static String javaBinary() {
    return ProcessHandle.current()
        .info()
        .command()
        .orElseGet(() -> Path.of(System.getProperty("java.home"), "bin", "java").toString());
  }

  private void readOutput() {
    try (BufferedReader out = process.inputReader(StandardCharsets.UTF_8)) {
      String line;
      while ((line = out.readLine()) != null) {
        if (!readyLine.isDone() && ready.test(line)) {
          readyLine.complete(line);
        }
      }
    } catch (IOException e) {
      // The stream broke: the child is gone, as at its end.
    }
    readyLine.completeExceptionally(new IOException("standard output ended"));
  }

  /**
   * Waits for the child's ready line, and returns it.
   *
   * @throws CasProcessException if the child exits first or {@code timeout} passes: the child is
   *     then stopped, its log kept (copied out of the run's directory), and the message says where
   */
  String awaitReady(Duration timeout) throws CasProcessException, InterruptedException {
    try {
      return readyLine.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw failed(name + " did not start serving within " + timeout.toSeconds() + " s");
    } catch (ExecutionException e) {
      // Its standard output ended: it exited, or is about to.
      String status =
          process.waitFor(STOP_STEP.toMillis(), TimeUnit.MILLISECONDS)
              ? "exited with status " + process.exitValue()
              : "closed its standard output";
      throw failed(name + " " + status + " before serving");
    }
  }

  /** The child's process, for its CPU time. */
  ProcessHandle handle() {
    return process.toHandle();
  }

  /**
   * Stops the child (see the class comment), unless it was already; its log stays where it is.
   *
   * @throws CasProcessException if it had exited by itself before being asked to: its log is then
   *     kept, and the message says where
   */
  @Override
  public void close() throws CasProcessException {
    if (stopped) {
      return;
    }
    if (!process.isAlive()) {
      throw failed(name + " exited with status " + process.exitValue() + " during the run");
    }
    stop();
  }

  private void stop() {
    stopped = true;
    boolean interrupted = false;
    try {
      process.getOutputStream().close();
    } catch (IOException e) {
      // Already closed or broken: the next step stops it.
    }
    try {
      if (!process.waitFor(STOP_STEP.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroy();
        if (!process.waitFor(STOP_STEP.toMillis(), TimeUnit.MILLISECONDS)) {
          process.destroyForcibly();
          process.waitFor(STOP_STEP.toMillis(), TimeUnit.MILLISECONDS);
        }
      }
    } catch (InterruptedException e) {
      interrupted = true;
      process.destroyForcibly();
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  /** Stops the child, keeps its log, and says where. */
  private CasProcessException failed(String what) {
    stop();
    String kept;
    try {
      Path copy = Files.createTempFile("coffer-cas-load-", ".log");
      Files.copy(log, copy, StandardCopyOption.REPLACE_EXISTING);
      kept = "its log is kept at " + copy;
    } catch (IOException e) {
      kept = "its log could not be kept: " + e.getMessage();
    }
    return new CasProcessException(what + "; " + kept);
  }
}
