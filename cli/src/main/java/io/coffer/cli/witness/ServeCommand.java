package io.coffer.cli.witness;

import io.coffer.cas.witness.TlsIdentity;
import io.coffer.cas.witness.WitnessNode;
import io.coffer.cas.witness.WitnessSetupException;
import io.coffer.cli.command.CommandException;
import io.coffer.cli.command.ServerCrypto;
import io.coffer.ledger.witness.WitnessStoreException;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code coffer witness serve}: serves tlog-witness {@code add-checkpoint} until stopped. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Serve C2SP tlog-witness POST /add-checkpoint for the logs given with --log, keeping the"
          + " witness key (created on first start, 0600) and the latest cosigned checkpoint of each"
          + " log in --data. Prints the URL and the witness's verifier key, which CASes configure.",
      "Plain HTTP is served on a loopback address only; give --tls-cert and --tls-key (PEM) to"
          + " serve HTTPS (TLS 1.3) anywhere.",
      "A witness whose data directory is lost or restored from a backup must be retired, not"
          + " restarted: it would cosign a rolled-back log again."
    })
final class ServeCommand implements Callable<Integer> {

  @Spec private CommandSpec spec;

  @Mixin private ServerCrypto crypto = new ServerCrypto();

  @Option(
      names = "--data",
      required = true,
      paramLabel = "DIR",
      description = "The witness's data directory (key and state).")
  private Path data;

  @Option(
      names = "--listen",
      paramLabel = "HOST:PORT",
      defaultValue = "127.0.0.1:8444",
      description = "The address to listen on (default: ${DEFAULT-VALUE}).")
  private String listen;

  @Option(
      names = "--log",
      required = true,
      paramLabel = "VKEY",
      description =
          "A log's verifier key <name>+<hex key id>+<base64>; its name is the log's origin"
              + " (repeatable).")
  private List<String> logs = new ArrayList<>();

  @Option(
      names = "--name",
      paramLabel = "NAME",
      description = "The witness's key name, required on first start (e.g. witness.example/w1).")
  private String name;

  @Option(names = "--tls-cert", paramLabel = "PEM", description = "The server certificate chain.")
  private Path tlsCert;

  @Option(names = "--tls-key", paramLabel = "PEM", description = "The server's private key.")
  private Path tlsKey;

  private final CountDownLatch stop;

  /** The command as the CLI runs it: serves until the process is stopped. */
  ServeCommand() {
    this(new CountDownLatch(1));
  }

  /** A command that also stops serving when {@code stop} opens. */
  ServeCommand(CountDownLatch stop) {
    this.stop = stop;
  }

  @Override
  public Integer call() throws WitnessStoreException {
    crypto.install();
    InetSocketAddress address;
    try {
      address = ListenAddress.parse(listen);
    } catch (IllegalArgumentException e) {
      throw CommandException.usage("--listen: " + e.getMessage());
    }
    WitnessNode node;
    try {
      node =
          WitnessNode.start(
              data, Optional.ofNullable(name), logs, address, tls(), Clock.systemUTC());
    } catch (WitnessSetupException e) {
      throw CommandException.usage(e.getMessage());
    }
    Thread hook = new Thread(stop::countDown, "witness-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      PrintWriter out = spec.commandLine().getOut();
      out.println("witness serving on " + node.url());
      out.println("verifier key " + node.verifierKey().vkey());
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
    return 0;
  }

  private Optional<TlsIdentity> tls() {
    if ((tlsCert == null) != (tlsKey == null)) {
      throw CommandException.usage("give both --tls-cert and --tls-key, or neither");
    }
    if (tlsCert == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(TlsIdentity.fromPemFiles(tlsCert, tlsKey));
    } catch (IOException e) {
      throw CommandException.badInput(e.getMessage(), e);
    }
  }
}
