package io.coffer.cli.cas;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.cli.command.ExitCode;
import io.coffer.cli.testing.CasCli;
import io.coffer.cli.testing.CliRun;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ServeCommandTest {

  private static final Pattern URL = Pattern.compile("CAS serving at (https://\\S+)");

  @TempDir Path dir;

  private CasContext context() {
    return new CasCli(dir.resolve("home"), Clock.systemUTC()).context();
  }

  /** {@code coffer args} with every context-taking command bound to this test's home. */
  private CliRun coffer(String... args) {
    return new CasCli(dir.resolve("home"), Clock.systemUTC()).run(args);
  }

  @Test
  void serve_printsItsUrlAndFingerprint_andServesPinnedClients_untilStopped() throws Exception {
    CountDownLatch stop = new CountDownLatch(1);
    StringWriter out = new StringWriter();
    CommandLine serve = new CommandLine(new ServeCommand(context(), stop));
    serve.setOut(new PrintWriter(out, true));
    AtomicInteger exit = new AtomicInteger(-1);
    Thread server =
        Thread.ofPlatform()
            .start(() ->
                exit.set(
                    serve.execute(
                        "--data",
                        dir.resolve("data").toString(),
                        "--listen",
                        "127.0.0.1:0",
                        "--tee",
                        "simulation")));
    String url = awaitUrl(out);
    try {
      assertThat(out.toString()).containsPattern("identity fingerprint [0-9a-f]{64}");
      CliRun attest =
          coffer("cas", "attest", "--url", url, "--name", "dev", "--tolerate", "simulation");
      assertThat(attest.exitCode()).as(attest.err()).isEqualTo(ExitCode.OK);
      Path identity = dir.resolve("alice");
      assertThat(coffer("identity", "create", "--out", identity.toString()).exitCode())
          .isEqualTo(ExitCode.OK);
      Path policy = dir.resolve("lab.yaml");
      Files.writeString(policy, "name: lab\nversion: 1\n", StandardCharsets.UTF_8);
      CliRun create =
          coffer(
              "policy",
              "create",
              "--cas",
              "dev",
              "--identity",
              identity.toString(),
              policy.toString());
      assertThat(create.exitCode()).as(create.err()).isEqualTo(ExitCode.OK);
    } finally {
      stop.countDown();
      server.join();
    }
    assertThat(exit.get()).isEqualTo(ExitCode.OK);
  }

  private static String awaitUrl(StringWriter out) throws InterruptedException {
    for (int i = 0; i < 400; i++) {
      Matcher m = URL.matcher(out.toString());
      if (m.find()) {
        return m.group(1);
      }
      Thread.sleep(25);
    }
    throw new AssertionError("the CAS printed no URL: " + out);
  }

  @Test
  void serve_postgresWithoutAJdbcUrl_isAUsageError() {
    CliRun run =
        coffer("cas", "serve", "--data", dir.resolve("d").toString(), "--store", "postgres");

    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(run.err()).contains("--jdbc-url");
  }

  @Test
  void serve_anUnknownSeal_isAUsageError() {
    CliRun run = coffer("cas", "serve", "--data", dir.resolve("d").toString(), "--seal", "tpm");

    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(run.err()).contains("--seal");
  }

  @Test
  void serve_aMalformedCertificateValidity_isAUsageError() {
    CliRun run =
        coffer(
            "cas",
            "serve",
            "--data",
            dir.resolve("d").toString(),
            "--certificate-validity",
            "24 hours");

    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(run.err()).contains("--certificate-validity").contains("not a duration");
  }

  @Test
  void serve_aTrustDomainSpiffeCannotName_isRefusedAtStart() {
    CliRun run =
        coffer(
            "cas",
            "serve",
            "--data",
            dir.resolve("d").toString(),
            "--listen",
            "127.0.0.1:0",
            "--trust-domain",
            "Not A Domain");

    assertThat(run.exitCode()).isNotEqualTo(ExitCode.OK);
    assertThat(run.err()).contains("trust domain");
  }
}
