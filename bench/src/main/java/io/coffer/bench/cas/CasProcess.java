package io.coffer.bench.cas;

import com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider;
import io.coffer.attestation.AttestationException;
import io.coffer.cas.server.CasNode;
import io.coffer.cas.server.CasStartException;
import io.coffer.cas.server.StoreKind;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Security;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The main class of the CAS's child JVM with {@code --server process} ({@link ChildProcessCas}):
 * makes and starts the run's CAS as {@link FreshCas} does, prints {@link #readyLine} on standard
 * output once it serves, and serves until its standard input ends (the harness closes it, or dies)
 * or it gets SIGTERM. The PostgreSQL user and password come from {@code PGUSER} and {@code
 * PGPASSWORD}, as for {@code coffer cas serve}.
 *
 * <p>Exit status: 0 stopped, 1 the CAS could not start or stopped by itself, 2 a usage error.
 * Messages go to standard error (the harness keeps it in a log file).
 */
public final class CasProcess {

  private static final Pattern READY =
      Pattern.compile("coffer-cas-load serving (https://127\\.0\\.0\\.1:[0-9]{1,5}/)");

  private CasProcess() {}

  /**
   * The child's arguments, parsed strictly.
   *
   * @param dir the run's CAS directory: exists and is empty
   * @param store the CAS's store
   * @param jdbcUrl the PostgreSQL database, exactly for {@link StoreKind#POSTGRES}
   * @param accp install Amazon Corretto Crypto Provider first
   * @param evidence what the CAS verifies for each attestation
   */
  record Arguments(
      Path dir, StoreKind store, Optional<String> jdbcUrl, boolean accp, EvidenceKind evidence) {

    Arguments {
      Objects.requireNonNull(dir, "dir");
      Objects.requireNonNull(store, "store");
      Objects.requireNonNull(jdbcUrl, "jdbcUrl");
      Objects.requireNonNull(evidence, "evidence");
      if (jdbcUrl.isPresent() != (store == StoreKind.POSTGRES)) {
        throw new IllegalArgumentException("--jdbc-url: given exactly with --store postgres");
      }
    }

    /** The command line that {@link #parse} reads back. */
    List<String> toList() {
      List<String> out = new ArrayList<>();
      out.addAll(List.of("--dir", dir.toString(), "--store", store.cliName()));
      jdbcUrl.ifPresent(url -> out.addAll(List.of("--jdbc-url", url)));
      out.addAll(List.of("--provider", accp ? "accp" : "jdk"));
      out.addAll(List.of("--evidence", evidence.cliName()));
      return out;
    }

    /** Every option takes a value; each of {@code --dir}, {@code --store} is required. */
    static Arguments parse(List<String> args) {
      Path dir = null;
      StoreKind store = null;
      Optional<String> jdbcUrl = Optional.empty();
      boolean accp = false;
      EvidenceKind evidence = EvidenceKind.SIMULATION;
      Set<String> seen = new HashSet<>();
      for (int i = 0; i < args.size(); i += 2) {
        String option = args.get(i);
        if (!seen.add(option)) {
          throw new IllegalArgumentException(option + ": given twice");
        }
        if (i + 1 >= args.size()) {
          throw new IllegalArgumentException(option + ": needs a value");
        }
        String value = args.get(i + 1);
        switch (option) {
          case "--dir" -> dir = Path.of(value);
          case "--store" ->
              store =
                  StoreKind.fromCliName(value)
                      .orElseThrow(() ->
                          new IllegalArgumentException(
                              "--store: expected sqlite or postgres, got \"" + value + "\""));
          case "--jdbc-url" -> jdbcUrl = Optional.of(value);
          case "--provider" ->
              accp =
                  switch (value) {
                    case "jdk" -> false;
                    case "accp" -> true;
                    default ->
                        throw new IllegalArgumentException(
                            "--provider: expected jdk or accp, got \"" + value + "\"");
                  };
          case "--evidence" -> evidence = EvidenceKind.parse(value);
          default -> throw new IllegalArgumentException(option + ": unknown option");
        }
      }
      if (dir == null || store == null) {
        throw new IllegalArgumentException("--dir and --store are required");
      }
      return new Arguments(dir, store, jdbcUrl, accp, evidence);
    }
  }

  /** The line the child prints once its CAS serves at {@code url}. */
  static String readyLine(URI url) {
    String line = "coffer-cas-load serving " + url;
    if (!READY.matcher(line).matches()) {
      throw new IllegalArgumentException("not a loopback HTTPS URL with a port: " + url);
    }
    return line;
  }

  /** The URL a ready line gives; empty for any other line. */
  static Optional<URI> parseReadyLine(String line) {
    Matcher m = READY.matcher(line);
    return m.matches() ? Optional.of(URI.create(m.group(1))) : Optional.empty();
  }

  public static void main(String[] args) {
    System.exit(run(Arrays.asList(args), System.getenv(), System.in, System.out, System.err));
  }

  /** Runs the child; returns its exit status. */
  static int run(
      List<String> args,
      Map<String, String> environment,
      InputStream in,
      PrintStream out,
      PrintStream err) {
    Arguments a;
    try {
      a = Arguments.parse(args);
    } catch (IllegalArgumentException e) {
      err.println("CasProcess: " + e.getMessage());
      return 2;
    }
    if (a.accp()) {
      AmazonCorrettoCryptoProvider.install();
      AmazonCorrettoCryptoProvider.INSTANCE.assertHealthy();
    }
    CasNode node;
    try {
      Files.createDirectories(a.dir());
      node = FreshCas.start(a.dir(), a.store(), a.jdbcUrl(), jdbc(environment), a.evidence());
    } catch (CasStartException | IOException | AttestationException e) {
      err.println("CasProcess: cannot start the CAS: " + e.getMessage());
      return 1;
    }
    Thread hook = new Thread(node::close, "cas-process-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    err.println(
        "CasProcess: serving at "
            + node.url()
            + ", first JCA provider "
            + Security.getProviders()[0].getName());
    out.println(readyLine(node.url()));
    out.flush();
    CountDownLatch stop = new CountDownLatch(1);
    node.stopped().whenComplete((ok, failure) -> stop.countDown());
    Thread.ofPlatform()
        .daemon()
        .name("cas-process-stdin")
        .start(() -> {
          drain(in);
          stop.countDown();
        });
    try {
      stop.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    boolean byItself = node.stopped().isDone();
    node.close();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // SIGTERM came meanwhile: the hook runs, and the process exits anyway.
    }
    if (byItself) {
      err.println("CasProcess: the CAS stopped by itself");
      return 1;
    }
    return 0;
  }

  private static Properties jdbc(Map<String, String> environment) {
    Properties p = new Properties();
    putIfSet(p, "user", environment.get("PGUSER"));
    putIfSet(p, "password", environment.get("PGPASSWORD"));
    return p;
  }

  private static void putIfSet(Properties p, String key, String value) {
    if (value != null && !value.isEmpty()) {
      p.setProperty(key, value);
    }
  }

  /** Reads {@code in} to its end (or until it breaks), discarding what it says. */
  private static void drain(InputStream in) {
    byte[] buffer = new byte[256];
    try {
      while (in.read(buffer) >= 0) {
        // Nothing is expected on it: only its end counts.
      }
    } catch (IOException e) {
      // A broken pipe ends it too.
    }
  }
}
