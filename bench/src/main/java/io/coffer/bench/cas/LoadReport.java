package io.coffer.bench.cas;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A run's settings, results and machine, as text for people or JSON for the documentation.
 *
 * @param options the run's settings
 * @param result what was measured
 * @param ledgerBefore the ledger's size after seeding, before the warm-up
 * @param ledgerAfter the ledger's size after the run
 * @param machine where it ran (the load generator's JVM)
 * @param cpu with {@link ServerMode#PROCESS}: the CPU time of the CAS's process and of the load
 *     generator's over the measured period; empty in-process, where they cannot be told apart
 */
record LoadReport(
    LoadOptions options,
    Measurement result,
    long ledgerBefore,
    long ledgerAfter,
    Machine machine,
    Optional<CpuAccount> cpu) {

  /** What the report says of a CPU figure the platform did not give. */
  static final String NOT_AVAILABLE = "not available";

  /** An open loop counts as sustained at 99% of its offered rate. */
  static final double SUSTAINED_FRACTION = 0.99;

  LoadReport {
    Objects.requireNonNull(options, "options");
    Objects.requireNonNull(result, "result");
    Objects.requireNonNull(machine, "machine");
    Objects.requireNonNull(cpu, "cpu");
  }

  /**
   * For an open loop: whether the offered rate was sustained (99% achieved, nothing unsent, no
   * error) with a p99 latency under the mix's {@link Mix#targetP99}.
   */
  boolean targetMet() {
    return result.offered().isPresent()
        && result.unsent() == 0
        && result.counts().errorCount() == 0
        && result.throughput() >= SUSTAINED_FRACTION * result.offered().getAsInt()
        && result.counts().latency().p99().compareTo(options.mix().targetP99()) < 0;
  }

  private String mode() {
    return result.offered().isPresent()
        ? "open loop at " + result.offered().getAsInt() + "/s"
        : "closed loop";
  }

  /** The report for people. */
  String text() {
    LatencySummary l = result.counts().latency();
    StringBuilder b = new StringBuilder();
    b.append(
        String.format(
            Locale.ROOT,
            "CAS load: %s%s, %s, %s, %d clients, %s warm-up, %s measured%s%s%n",
            options.store().cliName(),
            options.server() == ServerMode.PROCESS ? " (CAS in its own JVM)" : "",
            options.mix().cliName(),
            mode(),
            options.clients(),
            seconds(options.warmup()),
            seconds(options.duration()),
            options.mix() == Mix.WRITE && options.presign() > 0
                ? ", " + options.presign() + " versions signed ahead per client"
                : "",
            attestDetails()));
    b.append(
        String.format(
            Locale.ROOT,
            "  throughput   %.0f ops/s (%d ok, %d errors%s)%n",
            result.throughput(),
            result.counts().ok(),
            result.counts().errorCount(),
            result.offered().isPresent() ? ", " + result.unsent() + " unsent" : ""));
    result
        .counts()
        .errors()
        .forEach((k, v) -> b.append("    ").append(k).append(": ").append(v).append('\n'));
    result.counts().firstError().ifPresent(e -> b.append("  first error  ").append(e).append('\n'));
    b.append(
        String.format(
            Locale.ROOT,
            "  latency      p50 %s  p90 %s  p99 %s  p99.9 %s  max %s (%d samples)%n",
            millis(l.p50()),
            millis(l.p90()),
            millis(l.p99()),
            millis(l.p999()),
            millis(l.max()),
            l.count()));
    b.append(
        String.format(
            Locale.ROOT,
            "  ledger       %d entries before, %d after%n",
            ledgerBefore,
            ledgerAfter));
    cpu.ifPresent(c -> appendCpu(b, c));
    if (result.offered().isPresent()) {
      b.append(
          String.format(
              Locale.ROOT,
              "  target       p99 < %s at %d/s: %s%n",
              millis(options.mix().targetP99()),
              result.offered().getAsInt(),
              targetMet() ? "met" : "NOT met"));
    }
    b.append(
        String.format(
            Locale.ROOT,
            "  machine      %d cores, %s, %s, heap %d MiB, first JCA provider %s%n",
            machine.cores(),
            machine.jdk(),
            machine.os(),
            machine.maxHeapBytes() >> 20,
            machine.firstProvider()));
    return b.toString();
  }

  /** For the attest mix: what the CAS verified, and the keys made ahead. */
  private String attestDetails() {
    if (options.mix() != Mix.ATTEST) {
      return "";
    }
    return ", "
        + options.evidence().describe()
        + (options.keysAhead() > 0
            ? ", " + options.keysAhead() + " key pairs generated ahead per client"
            : ", key pairs generated per attestation");
  }

  private static void appendCpu(StringBuilder b, CpuAccount c) {
    b.append("  cas cpu      ");
    if (c.casMillisPerOperation().isPresent() && c.operationsPerCasCoreSecond().isPresent()) {
      b.append(
          String.format(
              Locale.ROOT,
              "%.2f ms per operation, %.0f operations per CAS core-second%n",
              c.casMillisPerOperation().getAsDouble(),
              c.operationsPerCasCoreSecond().getAsDouble()));
    } else {
      b.append(NOT_AVAILABLE).append('\n');
    }
    b.append("  load cpu     ");
    if (c.loadGeneratorMillisPerOperation().isPresent()) {
      b.append(
          String.format(
              Locale.ROOT,
              "%.2f ms per operation (clients and harness, this JVM)%n",
              c.loadGeneratorMillisPerOperation().getAsDouble()));
    } else {
      b.append(NOT_AVAILABLE).append('\n');
    }
  }

  /** The report as a JSON document (latencies in milliseconds). */
  String json() {
    LatencySummary l = result.counts().latency();
    Map<String, Object> run = new LinkedHashMap<>();
    run.put("store", options.store().cliName());
    run.put("server", options.server().cliName());
    run.put("mix", options.mix().cliName());
    run.put("mode", result.offered().isPresent() ? "open" : "closed");
    if (result.offered().isPresent()) {
      run.put("offeredPerSecond", result.offered().getAsInt());
    }
    run.put("clients", options.clients());
    run.put("warmupSeconds", options.warmup().toMillis() / 1e3);
    run.put("durationSeconds", options.duration().toMillis() / 1e3);
    run.put("policies", options.policies());
    run.put("stakeholders", options.stakeholders());
    run.put("board", options.board());
    if (options.mix() == Mix.WRITE) {
      run.put("presignedPerClient", options.presign());
    }
    if (options.mix() == Mix.ATTEST) {
      run.put("evidence", options.evidence().cliName());
      run.put("evidenceDescription", options.evidence().describe());
      run.put("keysAheadPerClient", options.keysAhead());
    }
    run.put("provider", options.accp() ? "accp" : "jdk");
    Map<String, Object> latency = new LinkedHashMap<>();
    latency.put("samples", l.count());
    latency.put("dropped", l.dropped());
    latency.put("p50", ms(l.p50()));
    latency.put("p90", ms(l.p90()));
    latency.put("p99", ms(l.p99()));
    latency.put("p999", ms(l.p999()));
    latency.put("max", ms(l.max()));
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("run", run);
    out.put("throughputPerSecond", Math.round(result.throughput() * 10) / 10.0);
    out.put("ok", result.counts().ok());
    out.put("errors", result.counts().errors());
    result.counts().firstError().ifPresent(e -> out.put("firstError", e));
    out.put("unsent", result.unsent());
    out.put("latencyMillis", latency);
    out.put("ledgerBefore", ledgerBefore);
    out.put("ledgerAfter", ledgerAfter);
    cpu.ifPresent(c -> {
      // null: the platform did not give the CPU time.
      out.put("casCpuMillisPerOperation", rounded(c.casMillisPerOperation(), 1e3));
      out.put("operationsPerCasCoreSecond", rounded(c.operationsPerCasCoreSecond(), 10));
      out.put(
          "loadGeneratorCpuMillisPerOperation", rounded(c.loadGeneratorMillisPerOperation(), 1e3));
    });
    if (result.offered().isPresent()) {
      out.put("targetP99Millis", ms(options.mix().targetP99()));
      out.put("targetMet", targetMet());
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("cores", machine.cores());
    m.put("jdk", machine.jdk());
    m.put("os", machine.os());
    m.put("maxHeapBytes", machine.maxHeapBytes());
    m.put("firstProvider", machine.firstProvider());
    out.put("machine", m);
    try {
      return new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(out);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot render the report", e);
    }
  }

  private static Double rounded(OptionalDouble value, double scale) {
    return value.isPresent() ? Math.round(value.getAsDouble() * scale) / scale : null;
  }

  private static double ms(Duration d) {
    return Math.round(d.toNanos() / 1e3) / 1e3;
  }

  private static String millis(Duration d) {
    return String.format(Locale.ROOT, "%.2f ms", d.toNanos() / 1e6);
  }

  private static String seconds(Duration d) {
    return String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1e3);
  }
}
