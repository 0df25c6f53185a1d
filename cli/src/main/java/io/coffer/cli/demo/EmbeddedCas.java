package io.coffer.cli.demo;

import io.coffer.cas.identity.TeeMode;
import io.coffer.cas.seal.SealType;
import io.coffer.cas.server.CasConfig;
import io.coffer.cas.server.CasNode;
import io.coffer.cas.server.CasStartException;
import io.coffer.cas.server.StoreKind;
import io.coffer.cli.command.CofferHome;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * The demo's CAS, in this process: SQLite in the demo's data directory, the simulated TEE and its
 * platform key from the demo's Coffer home, a key-file seal, on a free loopback port. What any
 * {@code coffer cas serve --tee simulation} would run; the operator of the demo runs it.
 */
final class EmbeddedCas implements AutoCloseable {
  static final String NAME = "demo-cas";

  private final CasNode node;

  private EmbeddedCas(CasNode node) {
    this.node = node;
  }

  static EmbeddedCas start(Path data, CofferHome home) throws CasStartException {
    CasConfig config =
        new CasConfig(
            data,
            "127.0.0.1",
            0,
            StoreKind.SQLITE,
            Optional.empty(),
            new Properties(),
            TeeMode.SIMULATION,
            new CasConfig.Simulation(home.simulatedPlatformKey(), List.of()),
            SealType.KEY_FILE,
            1,
            1,
            Optional.empty(),
            NAME,
            List.of(),
            List.of(),
            Duration.ofSeconds(5),
            Optional.empty());
    return new EmbeddedCas(CasNode.start(config, Clock.systemUTC(), new SecureRandom()));
  }

  URI url() {
    return node.url();
  }

  /** SHA-256 of the CAS's TLS key, hex. */
  String fingerprint() {
    return node.fingerprint();
  }

  @Override
  public void close() {
    node.close();
  }
}
