package io.coffer.bench.cas;

import com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider;
import io.coffer.cas.client.CasClient;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The CAS load harness's entry point: {@code java -cp bench/target/benchmarks.jar
 * io.coffer.bench.cas.CasLoad --store sqlite|postgres --server in-process|process --mix
 * read|write|attest [--evidence simulation|sgx|tdx] --clients 32 --duration 20s [--rate N|target]
 * [--json]}.
 *
 * <p>Starts a fresh CAS on loopback ({@link LoopbackCas}: in this JVM, or in a child JVM), makes
 * the stakeholders, seeds the policies of the mix, runs the clients (closed loop, or open loop at
 * {@code --rate}), and prints throughput, latency percentiles, errors, the ledger's size before and
 * after, the machine and, with the CAS in its own JVM, the CPU time each process spent per
 * operation. Progress goes to standard error, the report to standard output.
 */
public final class CasLoad {

  private CasLoad() {}

  public static void main(String[] args) {
    System.exit(run(Arrays.asList(args), System.out, System.err));
  }

  /** Runs the command line; returns the exit status (0 done, 1 failed, 2 a usage error). */
  static int run(List<String> args, PrintStream out, PrintStream err) {
    if (args.equals(List.of("--help"))) {
      out.print(LoadOptions.USAGE);
      return 0;
    }
    LoadOptions options;
    try {
      options = LoadOptions.parse(args);
    } catch (IllegalArgumentException e) {
      err.println("CasLoad: " + e.getMessage());
      err.print(LoadOptions.USAGE);
      return 2;
    }
    try {
      Outcome outcome = measure(options, err);
      out.println(options.json() ? outcome.report().json() : outcome.report().text());
      if (outcome.failure().isPresent()) {
        err.println("CasLoad: the run failed: " + outcome.failure().get());
        return 1;
      }
      return 0;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      err.println("CasLoad: interrupted");
      return 1;
    } catch (CasProcessException e) {
      err.println("CasLoad: the run failed: " + e.getMessage());
      return 1;
    } catch (Exception e) {
      err.println("CasLoad: the run failed: " + e);
      return 1;
    }
  }

  /**
   * A run's report, and why it failed although it ran to its end (for the attest mix: an
   * attestation failed).
   */
  record Outcome(LoadReport report, Optional<String> failure) {}

  /** Starts the CAS, seeds it, runs the load and reports; the CAS and its files are gone after. */
  static Outcome measure(LoadOptions options, PrintStream progress) throws Exception {
    if (options.accp()) {
      AmazonCorrettoCryptoProvider.install();
      AmazonCorrettoCryptoProvider.INSTANCE.assertHealthy();
    }
    Stakeholders stakeholders = Stakeholders.generate(options.stakeholders(), options.board());
    progress.println(
        "starting a CAS on "
            + options.store().cliName()
            + (options.server() == ServerMode.PROCESS ? " in a child JVM" : "")
            + (options.mix() == Mix.ATTEST ? " (" + options.evidence().describe() + ")" : "")
            + " ...");
    try (LoopbackCas cas =
        LoopbackCas.start(options.store(), options.server(), options.accp(), options.evidence())) {
      progress.println("seeding ...");
      Workload workload =
          switch (options.mix()) {
            case READ -> ReadWorkload.seed(cas, stakeholders, options.policies());
            case WRITE ->
                WriteWorkload.seed(cas, stakeholders, options.clients(), options.presign());
            case ATTEST ->
                AttestWorkload.seed(cas, stakeholders, options.clients(), options.keysAhead());
          };
      List<ClientOperation> operations = new ArrayList<>();
      for (int i = 0; i < options.clients(); i++) {
        operations.add(workload.operation(i));
      }
      CasClient auditor = cas.client(stakeholders.forClient(0));
      long before = cas.ledgerSize(auditor);
      progress.println(
          "running "
              + options.mix().cliName()
              + " for "
              + options.warmup().plus(options.duration()).toMillis()
              + " ms ...");
      Optional<CpuMeter> meter = cas.process().map(CpuMeter::new);
      MeasuredWindow window = meter.isPresent() ? meter.get() : MeasuredWindow.IGNORED;
      Measurement result =
          options.rate().isPresent()
              ? OpenLoop.run(
                  operations,
                  options.rate().getAsInt(),
                  options.warmup(),
                  options.duration(),
                  window)
              : ClosedLoop.run(operations, options.warmup(), options.duration(), window);
      long after = cas.ledgerSize(auditor);
      Optional<CpuAccount> cpu = meter.map(m -> m.account(result.counts().ok()));
      return new Outcome(
          new LoadReport(options, result, before, after, Machine.current(), cpu),
          workload.failure());
    }
  }
}
