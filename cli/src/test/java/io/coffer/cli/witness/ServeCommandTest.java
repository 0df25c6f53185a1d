package io.coffer.cli.witness;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.cas.witness.Cosigned;
import io.coffer.cas.witness.WitnessClient;
import io.coffer.cli.testing.CliRun;
import io.coffer.ledger.checkpoint.CheckpointSigner;
import io.coffer.ledger.log.Ledger;
import io.coffer.ledger.log.LedgerOptions;
import io.coffer.ledger.note.CosignatureVerifier;
import io.coffer.ledger.note.Ed25519NoteSigner;
import io.coffer.ledger.store.MemoryLogStore;
import java.io.PrintWriter;
import java.io.Writer;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ServeCommandTest {

  private static final String ORIGIN = "cas.example/ledger";

  @TempDir Path dir;

  /** Collects output and opens {@code ready} once the verifier key line is printed. */
  private static final class Output extends Writer {
    final StringBuffer text = new StringBuffer();
    final CountDownLatch ready = new CountDownLatch(1);

    @Override
    public void write(char[] buffer, int offset, int length) {
      text.append(buffer, offset, length);
      if (text.indexOf("verifier key ") >= 0 && text.toString().endsWith("\n")) {
        ready.countDown();
      }
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  }

  @Test
  void serve_printsItsUrlAndKey_andCosignsTheConfiguredLog() throws Exception {
    Ed25519NoteSigner logKey = Ed25519NoteSigner.generate(ORIGIN, new SecureRandom());
    CountDownLatch stop = new CountDownLatch(1);
    Output output = new Output();
    CommandLine cl = new CommandLine(new ServeCommand(stop));
    cl.setOut(new PrintWriter(output, true));
    AtomicInteger exit = new AtomicInteger(-1);
    Thread serving =
        Thread.ofPlatform()
            .start(() ->
                exit.set(
                    cl.execute(
                        "--data",
                        dir.toString(),
                        "--listen",
                        "127.0.0.1:0",
                        "--name",
                        "witness.example/w1",
                        "--log",
                        logKey.verifier().vkey())));
    try {
      assertThat(output.ready.await(60, TimeUnit.SECONDS)).as("started: %s", output.text).isTrue();
      Matcher url = Pattern.compile("witness serving on (\\S+)").matcher(output.text);
      Matcher vkey = Pattern.compile("verifier key (\\S+)").matcher(output.text);
      assertThat(url.find()).isTrue();
      assertThat(vkey.find()).isTrue();
      try (Ledger log = Ledger.open(new MemoryLogStore(), LedgerOptions.defaults())) {
        log.appendAndWait(new byte[] {1});
        byte[] checkpoint = log.checkpoint(new CheckpointSigner(ORIGIN, logKey)).signedNote();

        Cosigned cosigned =
            WitnessClient.create(
                    URI.create(url.group(1)),
                    CosignatureVerifier.fromVkey(vkey.group(1)),
                    Duration.ofSeconds(10),
                    null)
                .addCheckpoint(checkpoint, log);

        assertThat(cosigned.treeHead().size()).isEqualTo(1);
        assertThat(vkey.group(1)).startsWith("witness.example/w1+");
      }
    } finally {
      stop.countDown();
      serving.join();
    }
    assertThat(exit).hasValue(0);
  }

  @Test
  void serve_withoutALog_isAUsageError() {
    CliRun run = CliRun.run("witness", "serve", "--data", dir.toString(), "--name", "w");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--log");
  }

  @Test
  void serve_withAMalformedListenAddress_isAUsageError() throws Exception {
    CliRun run =
        CliRun.run(
            "witness", "serve", "--data", dir.toString(), "--listen", "nowhere", "--log", vkey());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--listen: expected HOST:PORT");
  }

  @Test
  void serve_plainHttpOnAllInterfaces_isRefused() throws Exception {
    CliRun run =
        CliRun.run(
            "witness",
            "serve",
            "--data",
            dir.toString(),
            "--name",
            "w",
            "--listen",
            "0.0.0.0:0",
            "--log",
            vkey());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("give a TLS certificate and key");
  }

  @Test
  void serve_aNewWitnessWithoutName_isAUsageError() throws Exception {
    CliRun run =
        CliRun.run(
            "witness",
            "serve",
            "--data",
            dir.toString(),
            "--listen",
            "127.0.0.1:0",
            "--log",
            vkey());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("give a name for a new key");
  }

  @Test
  void serve_withATlsCertificateButNoKey_isAUsageError() throws Exception {
    CliRun run =
        CliRun.run(
            "witness",
            "serve",
            "--data",
            dir.toString(),
            "--tls-cert",
            dir.resolve("cert.pem").toString(),
            "--log",
            vkey());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("both --tls-cert and --tls-key");
  }

  private static String vkey() throws Exception {
    return Ed25519NoteSigner.generate(ORIGIN, new SecureRandom()).verifier().vkey();
  }
}
