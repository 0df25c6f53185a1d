package io.coffer.bench.cas;

import io.coffer.attestation.AttestationException;
import io.coffer.cas.identity.TeeMode;
import io.coffer.cas.seal.SealType;
import io.coffer.cas.server.CasConfig;
import io.coffer.cas.server.CasNode;
import io.coffer.cas.server.CasStartException;
import io.coffer.cas.server.StoreKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * Makes and starts the CAS of one run, the same way in the harness's JVM ({@link InProcessCas}) and
 * in a child JVM ({@link CasProcess}): listening on 127.0.0.1 at a free port, its files in a
 * directory of the run, the TEE simulated and the data key under the development key-file seal.
 */
final class FreshCas {

  /** The CAS's name: its log's origin. */
  static final String NAME = "cas.bench";

  private FreshCas() {}

  /**
   * Starts a new CAS with its files in {@code dir} (which exists and is empty) and its store on
   * {@code store}: SQLite in {@code dir}, or PostgreSQL at {@code jdbcUrl} with {@code jdbc}'s
   * driver properties. With {@code evidence} other than simulation, its evidence check also
   * verifies a real quote each time ({@link RealQuoteCheck}).
   *
   * @throws AttestationException if the real quote does not load or verify
   */
  static CasNode start(
      Path dir, StoreKind store, Optional<String> jdbcUrl, Properties jdbc, EvidenceKind evidence)
      throws CasStartException, IOException, AttestationException {
    return CasNode.start(
        config(dir, store, jdbcUrl, jdbc),
        Clock.systemUTC(),
        new SecureRandom(),
        RealQuoteCheck.forKind(evidence));
  }

  /** The simulated platform's key file of a CAS started in {@code dir}. */
  static Path platformKey(Path dir) {
    return dir.resolve("platform.pem");
  }

  /**
   * The configuration. The simulated evidence measures one small file rather than the directory of
   * the CAS's code (the default), which for the benchmark jar is the whole build directory.
   */
  private static CasConfig config(
      Path dir, StoreKind store, Optional<String> jdbcUrl, Properties jdbc) throws IOException {
    Path measured = Files.writeString(dir.resolve("measured.txt"), "coffer CAS load harness\n");
    return new CasConfig(
        dir.resolve("data"),
        "127.0.0.1",
        0,
        store,
        jdbcUrl,
        jdbc,
        TeeMode.SIMULATION,
        new CasConfig.Simulation(platformKey(dir), List.of(measured)),
        SealType.KEY_FILE,
        1,
        1,
        Optional.empty(),
        NAME,
        List.of(),
        List.of(),
        Duration.ofMinutes(1),
        Optional.empty());
  }
}
