package io.coffer.bench.cas;

import com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider;
import io.coffer.cas.client.CasClient;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The CAS load harness's entry point: {@code java -cp bench/target/benchmarks.jar
 * io.coffer.bench.cas.CasLoad --store sqlite|postgres --mix read|write --clients 32 --duration 20s
 * [--rate N|target] [--json]}.
 *
 * <p>Starts a fresh CAS on loopback ({@link LoopbackCas}), makes the stakeholders, seeds the
 * policies of the mix, runs the clients (closed loop, or open loop at {@code --rate}), and prints
 * throughput, latency percentiles, errors, the ledger's size before and after, and the machine.
 * Progress goes to standard error, the report to standard output.
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
      LoadReport report = measure(options, err);
      out.println(options.json() ? report.json() : report.text());
      return 0;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      err.println("CasLoad: interrupted");
      return 1;
    } catch (Exception e) {
      err.println("CasLoad: the run failed: " + e);
      return 1;
    }
  }

  /** Starts the CAS, seeds it, runs the load and reports; the CAS and its files are gone after. */
  static LoadReport measure(LoadOptions options, PrintStream progress) throws Exception {
    if (options.accp()) {
      AmazonCorrettoCryptoProvider.install();
      AmazonCorrettoCryptoProvider.INSTANCE.assertHealthy();
    }
    Stakeholders stakeholders = Stakeholders.generate(options.stakeholders(), options.board());
    progress.println("starting a CAS on " + options.store().cliName() + " ...");
    try (LoopbackCas cas = LoopbackCas.start(options.store())) {
      progress.println("seeding ...");
      Workload workload =
          switch (options.mix()) {
            case READ -> ReadWorkload.seed(cas, stakeholders, options.policies());
            case WRITE ->
                WriteWorkload.seed(cas, stakeholders, options.clients(), options.presign());
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
      Measurement result =
          options.rate().isPresent()
              ? OpenLoop.run(
                  operations, options.rate().getAsInt(), options.warmup(), options.duration())
              : ClosedLoop.run(operations, options.warmup(), options.duration());
      long after = cas.ledgerSize(auditor);
      return new LoadReport(options, result, before, after, Machine.current());
    }
  }
}
