package io.coffer.bench.cli;

import io.coffer.cli.Main;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The in-process part of {@code coffer} start-up: building the command tree and running a command.
 *
 * <p>{@code cold*} benchmarks measure the first call in a fresh JVM (class loading and linking
 * included), which is what every {@code bin/coffer} invocation pays; {@code warm*} benchmarks
 * measure the steady state. Whole-process start-up is measured by {@code bench/startup.sh}.
 */
@State(Scope.Benchmark)
public class CliStartupBenchmark {

  private final PrintWriter sink = new PrintWriter(OutputStream.nullOutputStream());

  private int run(String... args) {
    var cl = Main.commandLine();
    cl.setOut(sink);
    cl.setErr(sink);
    return cl.execute(args);
  }

  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  @Warmup(iterations = 0)
  @Measurement(iterations = 1)
  @Fork(20)
  public int coldVersion() {
    return run("--version");
  }

  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  @Warmup(iterations = 0)
  @Measurement(iterations = 1)
  @Fork(20)
  public int coldHelp() {
    return run("--help");
  }

  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  @Warmup(iterations = 3, time = 2)
  @Measurement(iterations = 5, time = 2)
  @Fork(1)
  public int warmVersion() {
    return run("--version");
  }

  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  @Warmup(iterations = 3, time = 2)
  @Measurement(iterations = 5, time = 2)
  @Fork(1)
  public Object warmCommandTree() {
    return Main.commandLine();
  }
}
