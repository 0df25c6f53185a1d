package io.coffer.cli.cas;

import io.coffer.cas.identity.TeeMode;
import io.coffer.cas.seal.SealType;
import io.coffer.cas.server.CasConfig;
import io.coffer.cas.server.CasNode;
import io.coffer.cas.server.CasStartException;
import io.coffer.cas.server.StoreKind;
import io.coffer.cas.server.WitnessConfig;
import io.coffer.cas.service.CasState;
import io.coffer.cli.command.CommandException;
import io.coffer.cli.command.ServerCrypto;
import io.coffer.cli.witness.ListenAddress;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code coffer cas serve}: runs a CAS until the process is stopped. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Run a Configuration and Attestation Service: HTTPS (TLS 1.3) on --listen, its state in"
          + " --data (SQLite) or PostgreSQL. The first start makes the CAS (keys, data key, seal);"
          + " later starts open it. Prints the URL and the identity fingerprint.",
      "With --seal shamir a restarted CAS is sealed until the share holders run coffer cas"
          + " unseal. The key-file seal is for development: whoever reads --data reads everything.",
      "Without a TEE (or with --tee simulation) the CAS runs in simulation: no hardware protects"
          + " it, and it says so loudly."
    })
public final class ServeCommand implements Callable<Integer> {

  @Spec private CommandSpec spec;

  @Mixin private ServerCrypto crypto = new ServerCrypto();

  @Option(names = "--data", required = true, paramLabel = "DIR", description = "Data directory.")
  private Path data;

  @Option(
      names = "--listen",
      paramLabel = "HOST:PORT",
      defaultValue = "127.0.0.1:8443",
      description = "The address to listen on (default: ${DEFAULT-VALUE}).")
  private String listen;

  @Option(
      names = "--store",
      paramLabel = "sqlite|postgres",
      defaultValue = "sqlite",
      description = "SQLite in --data (default), or PostgreSQL at --jdbc-url.")
  private String store;

  @Option(
      names = "--jdbc-url",
      paramLabel = "URL",
      description =
          "jdbc:postgresql://HOST/DB; the user and password come from PGUSER and PGPASSWORD.")
  private String jdbcUrl;

  @Option(
      names = "--tee",
      paramLabel = "auto|simulation|configfs-tsm|gramine",
      defaultValue = "auto",
      description = "Where the CAS's evidence comes from (default: ${DEFAULT-VALUE}).")
  private String tee;

  @Option(
      names = "--measure",
      paramLabel = "PATH",
      description =
          "In simulation: the paths whose measurement the evidence states (default: the CAS's"
              + " installation directory).")
  private List<Path> measured = new ArrayList<>();

  @Option(
      names = "--seal",
      paramLabel = "key-file|shamir",
      defaultValue = "key-file",
      description = "The seal a new CAS makes (default: ${DEFAULT-VALUE}).")
  private String seal;

  @Option(names = "--shares", defaultValue = "5", description = "Shamir: shares (default: 5).")
  private int shares;

  @Option(
      names = "--threshold",
      defaultValue = "3",
      description = "Shamir: shares that open the seal (default: 3).")
  private int threshold;

  @Option(
      names = "--shares-out",
      paramLabel = "DIR",
      description = "Shamir: where a new CAS writes the share files (hand them out, then delete).")
  private Path sharesOut;

  @Option(
      names = "--collateral",
      paramLabel = "DIR",
      description = "Collateral directory for verifying workloads' evidence.")
  private Path collateral;

  @Option(
      names = "--witness",
      paramLabel = "VKEY@URL",
      description = "A witness: its verifier key, then its URL (repeatable).")
  private List<String> witnesses = new ArrayList<>();

  @Option(
      names = "--name",
      defaultValue = "coffer-cas",
      description = "A new CAS's name: its log's origin (default: ${DEFAULT-VALUE}).")
  private String name;

  @Option(
      names = "--trust-domain",
      paramLabel = "DOMAIN",
      description =
          "SPIFFE trust domain of workload certificates (default: the CAS's name in lower case,"
              + " other characters made '-').")
  private String trustDomain;

  @Option(
      names = "--certificate-validity",
      paramLabel = "DURATION",
      defaultValue = "24h",
      converter = io.coffer.cli.command.DurationConverter.class,
      description = "How long a workload certificate is valid: 24h, 90m, 7d (default: 24h).")
  private Duration certificateValidity;

  @Option(
      names = "--host-name",
      paramLabel = "NAME",
      description = "Extra DNS names or addresses in a new CAS's TLS certificate (repeatable).")
  private List<String> hostNames = new ArrayList<>();

  private final CasContext context;
  private final CountDownLatch stop;

  /** The command as the CLI runs it: serves until the process is stopped. */
  public ServeCommand() {
    this(CasContext.system());
  }

  /** The command in {@code context} (its home keeps the simulated platform key). */
  ServeCommand(CasContext context) {
    this(context, new CountDownLatch(1));
  }

  /** A command that also stops serving when {@code stop} opens. */
  ServeCommand(CasContext context, CountDownLatch stop) {
    this.context = context;
    this.stop = stop;
  }

  @Override
  public Integer call() {
    CasConfig config = config();
    crypto.install();
    CasNode node;
    try {
      node = CasNode.start(config, context.clock(), new SecureRandom());
    } catch (CasStartException e) {
      throw switch (e.reason()) {
        case CONFIGURATION -> CommandException.usage(e.getMessage());
        case STORE, LISTENER, ATTESTATION -> CommandException.unavailable(e.getMessage());
        case SEAL, ROLLBACK, CORRUPT -> CommandException.no(e.getMessage());
      };
    }
    Thread hook = new Thread(stop::countDown, "cas-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    node.stopped().whenComplete((ok, failure) -> stop.countDown());
    try {
      PrintWriter out = spec.commandLine().getOut();
      out.println(
          (node.state() == CasState.SEALED
                  ? "CAS sealed, waiting for shares, at "
                  : "CAS serving at ")
              + node.url());
      out.println("identity fingerprint " + node.fingerprint());
      for (Path share : node.shareFiles()) {
        out.println("share file " + share + " (hand it to its holder, then delete it)");
      }
      out.flush();
      stop.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      node.close();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // The hook is running: the process is exiting anyway.
      }
    }
    try {
      node.stopped().get();
    } catch (ExecutionException e) {
      throw CommandException.no("the CAS stopped: " + e.getCause().getMessage(), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return 0;
  }

  private CasConfig config() {
    InetSocketAddress address;
    try {
      address = ListenAddress.parse(listen);
    } catch (IllegalArgumentException e) {
      throw CommandException.usage("--listen: " + e.getMessage());
    }
    StoreKind kind =
        StoreKind.fromCliName(store)
            .orElseThrow(() -> CommandException.usage("--store: sqlite or postgres, not " + store));
    TeeMode teeMode =
        TeeMode.fromCliName(tee)
            .orElseThrow(() ->
                CommandException.usage(
                    "--tee: auto, simulation, configfs-tsm or gramine, not " + tee));
    SealType sealType =
        SealType.fromCliName(seal)
            .orElseThrow(() -> CommandException.usage("--seal: key-file or shamir, not " + seal));
    List<WitnessConfig> parsed = new ArrayList<>();
    for (String w : witnesses) {
      try {
        parsed.add(WitnessConfig.parse(w));
      } catch (IllegalArgumentException e) {
        throw CommandException.usage("--witness: " + e.getMessage());
      }
    }
    Properties jdbc = new Properties();
    putEnv(jdbc, "user", "PGUSER");
    putEnv(jdbc, "password", "PGPASSWORD");
    try {
      return new CasConfig(
          data,
          address.getAddress().getHostAddress(),
          address.getPort(),
          kind,
          Optional.ofNullable(jdbcUrl),
          jdbc,
          teeMode,
          new CasConfig.Simulation(context.home().simulatedPlatformKey(), measured),
          sealType,
          shares,
          threshold,
          Optional.ofNullable(sharesOut),
          name,
          hostNames,
          parsed,
          Duration.ofSeconds(5),
          Optional.ofNullable(collateral),
          Optional.ofNullable(trustDomain),
          certificateValidity);
    } catch (IllegalArgumentException e) {
      throw CommandException.usage(e.getMessage());
    }
  }

  private static void putEnv(Properties properties, String key, String variable) {
    String value = System.getenv(variable);
    if (value != null && !value.isEmpty()) {
      properties.setProperty(key, value);
    }
  }
}
