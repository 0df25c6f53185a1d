package io.coffer.bench.policy;

import io.coffer.policy.PolicyException;
import io.coffer.policy.canonical.PolicyHash;
import io.coffer.policy.model.Policy;
import io.coffer.policy.parse.PolicyParser;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Parse, validate and hash a policy of {@code services} services (each with an SGX and a TDX
 * alternative, a command and environment with secret placeholders, a file and a volume mount) and
 * one secret per ten services: the work the CAS does for every policy it receives. Target for 1,000
 * services: under 100 ms. Run: {@code java -jar bench/target/benchmarks.jar PolicyParseBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(1)
public class PolicyParseBenchmark {

  @Param({"1000"})
  public int services;

  private byte[] policy;

  @Setup
  public void setUp() throws PolicyException {
    policy = generate(services).getBytes(StandardCharsets.UTF_8);
    Policy p = PolicyParser.parse("bench.yaml", policy);
    if (p.services().size() != services) {
      throw new IllegalStateException("generated policy has " + p.services().size() + " services");
    }
  }

  /** Parse, validate and hash. */
  @Benchmark
  public String parseValidateHash() throws PolicyException {
    return PolicyHash.of(PolicyParser.parse("bench.yaml", policy));
  }

  /** Parse and validate only. */
  @Benchmark
  public Policy parseValidate() throws PolicyException {
    return PolicyParser.parse("bench.yaml", policy);
  }

  /** A policy with {@code n} services. */
  public static String generate(int n) {
    StringBuilder y = new StringBuilder();
    y.append("name: bench/large\nversion: 1\n");
    y.append("access:\n  update:\n    require-at-least-1:\n      - CREATOR\n      - ANY\n");
    y.append("services:\n");
    HexFormat hex = HexFormat.of();
    for (int i = 0; i < n; i++) {
      byte[] m = new byte[32];
      m[0] = (byte) i;
      m[1] = (byte) (i >> 8);
      byte[] td = new byte[48];
      td[0] = (byte) i;
      td[1] = (byte) (i >> 8);
      int secret = i / 10;
      y.append("  - name: service-").append(i).append('\n');
      y.append("    identity:\n");
      y.append("      - sgx:\n          mrenclave: [").append(hex.formatHex(m)).append("]\n");
      y.append("          isvprodid: 1\n          isvsvn_min: 2\n");
      y.append("      - tdx:\n          mrtd: ").append(hex.formatHex(td)).append('\n');
      y.append("    command: [/app/server, --port, \"")
          .append(8000 + i)
          .append("\", --key, \"$$COFFER:key-")
          .append(secret)
          .append(":hex$$\"]\n");
      y.append("    environment:\n      MODE: production\n      TOKEN: $$COFFER:key-")
          .append(secret)
          .append(":base64$$\n");
      y.append("    files:\n      - path: /app/config-").append(i).append(".json\n");
      y.append("        content: \"{\\\"id\\\": ")
          .append(i)
          .append("}\"\n        mode: \"0644\"\n");
      y.append("    volumes:\n      - name: data\n        path: /data\n        mode: ro\n");
    }
    y.append("secrets:\n");
    for (int s = 0; s < (n + 9) / 10; s++) {
      y.append("  - name: key-").append(s).append("\n    kind: binary\n    size: 32\n");
    }
    y.append("volumes:\n  - name: data\n");
    y.append(
        "security:\n  tolerate: [sw-hardening-needed]\n  ignore_advisories: [INTEL-SA-00615]\n");
    return y.toString();
  }
}
