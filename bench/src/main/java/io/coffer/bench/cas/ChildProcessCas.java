package io.coffer.bench.cas;

import io.coffer.cas.server.StoreKind;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The run's CAS in a child JVM of its own ({@link CasProcess}), so that its CPU time is its
 * process's. The harness keeps starting the embedded PostgreSQL server (with {@code --store
 * postgres}) and hands the child its JDBC URL as an argument and its user in {@code PGUSER}. The
 * child's standard error goes to {@code cas.log} in the run's temporary directory; if the child
 * fails, the log is kept elsewhere and the error says where.
 *
 * <p>Restrictions: the child shares the machine's cores with the clients, and with the database
 * server, whose CPU time is in neither process's.
 */
final class ChildProcessCas implements LoopbackCas {

  /** How long the child may take to serve. */
  static final Duration START_TIMEOUT = Duration.ofSeconds(60);

  private final TempDirectory dir;
  private final Optional<FreshPostgres> postgres;
  private final ChildJvm child;
  private final CasEndpoint endpoint;

  private ChildProcessCas(
      TempDirectory dir, Optional<FreshPostgres> postgres, ChildJvm child, CasEndpoint endpoint) {
    this.dir = dir;
    this.postgres = postgres;
    this.child = child;
    this.endpoint = endpoint;
  }

  /**
   * Starts the child JVM with a new CAS on {@code store}, verifying {@code evidence} for
   * attestations; {@code accp} installs ACCP in it.
   */
  static ChildProcessCas start(StoreKind store, boolean accp, EvidenceKind evidence)
      throws Exception {
    TempDirectory dir = new TempDirectory("cas-load");
    Optional<FreshPostgres> postgres = Optional.empty();
    ChildJvm child = null;
    try {
      if (store == StoreKind.POSTGRES) {
        postgres = Optional.of(FreshPostgres.start());
      }
      // The database's credentials travel in the environment, never on the command line.
      Map<String, Optional<String>> environment = new HashMap<>();
      environment.put("PGUSER", postgres.map(p -> p.properties().getProperty("user")));
      environment.put(
          "PGPASSWORD",
          postgres.flatMap(p -> Optional.ofNullable(p.properties().getProperty("password"))));
      CasProcess.Arguments args =
          new CasProcess.Arguments(
              dir.path().resolve("cas"),
              store,
              postgres.map(FreshPostgres::jdbcUrl),
              accp,
              evidence);
      child =
          ChildJvm.start(
              "the CAS process",
              CasProcess.class,
              args.toList(),
              environment,
              dir.path().resolve("cas.log"),
              line -> CasProcess.parseReadyLine(line).isPresent());
      URI url = CasProcess.parseReadyLine(child.awaitReady(START_TIMEOUT)).orElseThrow();
      return new ChildProcessCas(dir, postgres, child, CasEndpoint.describe(url));
    } catch (Exception e) {
      closeAll(child, postgres, dir, e);
      throw e;
    }
  }

  /**
   * The run's directory: the child's files in {@code cas/}, its standard error in {@code cas.log}.
   */
  Path directory() {
    return dir.path();
  }

  @Override
  public CasEndpoint endpoint() {
    return endpoint;
  }

  @Override
  public Path platformKey() {
    return FreshCas.platformKey(dir.path().resolve("cas"));
  }

  @Override
  public Optional<ProcessHandle> process() {
    return Optional.of(child.handle());
  }

  /**
   * Stops the child (always: gently, then forcibly), then the database server, and deletes the
   * run's directory.
   *
   * @throws CasProcessException if the child had exited by itself during the run
   */
  @Override
  public void close() throws IOException {
    closeAll(child, postgres, dir, null);
  }

  private static void closeAll(
      ChildJvm child, Optional<FreshPostgres> postgres, TempDirectory dir, Exception failure)
      throws IOException {
    try {
      try {
        if (child != null) {
          child.close();
        }
      } finally {
        if (postgres.isPresent()) {
          postgres.get().close();
        }
      }
    } catch (IOException | RuntimeException e) {
      if (failure == null) {
        throw e;
      }
      failure.addSuppressed(e);
    } finally {
      dir.close();
    }
  }
}
