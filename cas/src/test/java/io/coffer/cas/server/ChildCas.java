package io.coffer.cas.server;

import io.coffer.cas.identity.TeeMode;
import io.coffer.cas.seal.SealType;
import java.io.BufferedReader;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * A CAS in a child JVM, as {@code coffer cas serve} runs it: SQLite in a data directory, the
 * key-file seal, simulated evidence, a free port on the loopback. {@link #main} is the child: it
 * prints {@value #URL_PREFIX} and its URL on stdout once it serves, and closes the CAS and exits
 * when its stdin closes (the parent asks it to stop, or died) or after {@link #LIFETIME}. {@link
 * #start} is the parent's side.
 */
final class ChildCas implements AutoCloseable {

  static final String URL_PREFIX = "cas-url ";
  static final String ORIGIN = "cas.crash";
  static final Duration LIFETIME = Duration.ofMinutes(2);
  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

  private final Process process;
  private final URI url;
  private final Path errors;

  private ChildCas(Process process, URI url, Path errors) {
    this.process = process;
    this.url = url;
    this.errors = errors;
  }

  /** Arguments: the data directory, the simulated platform's key file, the file measured. */
  public static void main(String[] args) throws Exception {
    CasConfig config =
        new CasConfig(
            Path.of(args[0]),
            "127.0.0.1",
            0,
            StoreKind.SQLITE,
            Optional.empty(),
            new Properties(),
            TeeMode.SIMULATION,
            new CasConfig.Simulation(Path.of(args[1]), List.of(Path.of(args[2]))),
            SealType.KEY_FILE,
            1,
            1,
            Optional.empty(),
            ORIGIN,
            List.of(),
            List.of(),
            Duration.ofMinutes(1),
            Optional.empty());
    CasNode node = CasNode.start(config, Clock.systemUTC(), new SecureRandom());
    System.out.println(URL_PREFIX + node.url());
    System.out.flush();
    Thread.ofPlatform()
        .daemon()
        .start(() -> {
          try {
            while (System.in.read() >= 0) {
              // Nothing is sent; the end of the stream is the signal.
            }
          } catch (IOException e) {
            // The parent is gone as well.
          }
          node.close();
          System.exit(0);
        });
    Thread.sleep(LIFETIME.toMillis());
    node.close();
    System.exit(3);
  }

  /**
   * Starts a child CAS on {@code data} and waits until it serves; its stderr goes to {@code
   * errors}.
   */
  static ChildCas start(Path data, Path platformKey, Path measured, Path errors)
      throws IOException, InterruptedException {
    // C1 only and the serial collector: a short-lived process on a busy machine starts and warms up
    // faster. Neither changes what is durable when.
    Process process =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED",
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-cp",
                System.getProperty("java.class.path"),
                ChildCas.class.getName(),
                data.toString(),
                platformKey.toString(),
                measured.toString())
            .redirectError(errors.toFile())
            .start();
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    try {
      BufferedReader out = process.inputReader(StandardCharsets.UTF_8);
      String line;
      while ((line = out.readLine()) != null && System.nanoTime() < deadline) {
        if (line.startsWith(URL_PREFIX)) {
          return new ChildCas(process, URI.create(line.substring(URL_PREFIX.length())), errors);
        }
      }
    } catch (IOException | RuntimeException e) {
      process.toHandle().destroyForcibly();
      throw e;
    }
    process.toHandle().destroyForcibly();
    process.waitFor(10, TimeUnit.SECONDS);
    throw new IllegalStateException(
        "the child CAS did not start (exit "
            + (process.isAlive() ? "none" : process.exitValue())
            + "): "
            + Files.readString(errors));
  }

  /** The URL it serves at. */
  URI url() {
    return url;
  }

  /** What it wrote on stderr so far. */
  String errors() throws IOException {
    return Files.readString(errors);
  }

  /**
   * Kills it with SIGKILL and returns its exit status (137 = 128 + SIGKILL). The process handle's
   * {@code destroyForcibly} sends SIGKILL on Linux; unlike {@code Process.destroyForcibly} it
   * leaves the pipes alone.
   */
  int kill() throws InterruptedException {
    process.toHandle().destroyForcibly();
    if (!process.waitFor(20, TimeUnit.SECONDS)) {
      throw new IllegalStateException("the child CAS did not die");
    }
    return process.exitValue();
  }

  /** Asks it to stop (its stdin closes) and waits; kills it if it does not stop in time. */
  @Override
  public void close() throws IOException {
    if (!process.isAlive()) {
      return;
    }
    try {
      process.getOutputStream().close();
      if (process.waitFor(20, TimeUnit.SECONDS)) {
        return;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    process.toHandle().destroyForcibly();
  }
}
