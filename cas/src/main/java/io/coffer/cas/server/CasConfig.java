package io.coffer.cas.server;

import io.coffer.cas.identity.TeeMode;
import io.coffer.cas.seal.SealType;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;

/**
 * How to run a CAS.
 *
 * @param dataDir the data directory: SQLite database, sealed checkpoint file, key-file seal
 * @param host the address to listen on
 * @param port the port; 0 picks a free one
 * @param store SQLite (in {@code dataDir}) or PostgreSQL
 * @param jdbcUrl the PostgreSQL JDBC URL, required for {@link StoreKind#POSTGRES}
 * @param jdbcProperties driver properties (user, password, ...)
 * @param tee where the CAS's evidence comes from
 * @param simulation the simulated platform's key file and the measured paths, for simulation
 * @param seal the seal a new CAS makes; an existing CAS uses the seal it was made with
 * @param shamirShares shares a new Shamir seal makes
 * @param shamirThreshold shares that open it
 * @param sharesOut where a new Shamir seal writes its share files (required for a new Shamir seal)
 * @param name the CAS's name: its log's origin and its ledger key's name
 * @param hostNames extra names in the TLS certificate of a new CAS
 * @param witnesses witnesses to submit checkpoints to and to check against on start
 * @param witnessInterval how often checkpoints are offered to the witnesses
 * @param collateral the collateral directory for verifying workloads' evidence
 * @param trustDomain the SPIFFE trust domain of workload certificates; empty for the CAS's name in
 *     lower case
 * @param certificateValidity how long a workload certificate is valid
 */
public record CasConfig(
    Path dataDir,
    String host,
    int port,
    StoreKind store,
    Optional<String> jdbcUrl,
    Properties jdbcProperties,
    TeeMode tee,
    Simulation simulation,
    SealType seal,
    int shamirShares,
    int shamirThreshold,
    Optional<Path> sharesOut,
    String name,
    List<String> hostNames,
    List<WitnessConfig> witnesses,
    Duration witnessInterval,
    Optional<Path> collateral,
    Optional<String> trustDomain,
    Duration certificateValidity) {

  /** The default listening address. */
  public static final String DEFAULT_HOST = "127.0.0.1";

  /** The default port. */
  public static final int DEFAULT_PORT = 8443;

  /**
   * What simulated evidence is made of.
   *
   * @param platformKey the simulated platform's key file
   * @param measured the paths measured; empty for the CAS's installation directory
   */
  public record Simulation(Path platformKey, List<Path> measured) {
    public Simulation {
      Objects.requireNonNull(platformKey, "platformKey");
      measured = List.copyOf(measured);
    }
  }

  public CasConfig {
    Objects.requireNonNull(dataDir, "dataDir");
    Objects.requireNonNull(host, "host");
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("--listen: the port must be 0..65535, got " + port);
    }
    Objects.requireNonNull(store, "store");
    Objects.requireNonNull(jdbcUrl, "jdbcUrl");
    Properties copy = new Properties();
    copy.putAll(jdbcProperties);
    jdbcProperties = copy;
    if (store == StoreKind.POSTGRES && jdbcUrl.isEmpty()) {
      throw new IllegalArgumentException("--store postgres needs --jdbc-url");
    }
    if (store == StoreKind.SQLITE && jdbcUrl.isPresent()) {
      throw new IllegalArgumentException("--jdbc-url is for --store postgres");
    }
    Objects.requireNonNull(tee, "tee");
    Objects.requireNonNull(simulation, "simulation");
    Objects.requireNonNull(seal, "seal");
    if (seal == SealType.SHAMIR
        && (shamirThreshold < 1 || shamirThreshold > shamirShares || shamirShares > 255)) {
      throw new IllegalArgumentException(
          "a Shamir seal needs 1 <= threshold <= shares <= 255, got "
              + shamirThreshold
              + " of "
              + shamirShares);
    }
    Objects.requireNonNull(sharesOut, "sharesOut");
    Objects.requireNonNull(name, "name");
    hostNames = List.copyOf(hostNames);
    witnesses = List.copyOf(witnesses);
    Objects.requireNonNull(witnessInterval, "witnessInterval");
    if (witnessInterval.isNegative() || witnessInterval.isZero()) {
      throw new IllegalArgumentException("the witness interval must be positive");
    }
    Objects.requireNonNull(collateral, "collateral");
    Objects.requireNonNull(trustDomain, "trustDomain");
    if (certificateValidity.isNegative() || certificateValidity.isZero()) {
      throw new IllegalArgumentException("the certificate validity must be positive");
    }
  }

  /** The default validity of a workload certificate. */
  public static final Duration DEFAULT_CERTIFICATE_VALIDITY = Duration.ofHours(24);

  /** A configuration with the default trust domain and workload certificate validity. */
  public CasConfig(
      Path dataDir,
      String host,
      int port,
      StoreKind store,
      Optional<String> jdbcUrl,
      Properties jdbcProperties,
      TeeMode tee,
      Simulation simulation,
      SealType seal,
      int shamirShares,
      int shamirThreshold,
      Optional<Path> sharesOut,
      String name,
      List<String> hostNames,
      List<WitnessConfig> witnesses,
      Duration witnessInterval,
      Optional<Path> collateral) {
    this(
        dataDir,
        host,
        port,
        store,
        jdbcUrl,
        jdbcProperties,
        tee,
        simulation,
        seal,
        shamirShares,
        shamirThreshold,
        sharesOut,
        name,
        hostNames,
        witnesses,
        witnessInterval,
        collateral,
        Optional.empty(),
        DEFAULT_CERTIFICATE_VALIDITY);
  }

  /**
   * The SPIFFE trust domain: the one configured, or the CAS's name in lower case with every
   * character a trust domain cannot hold (SPIFFE-ID §2.1: {@code a-z 0-9 . - _}) made {@code -}.
   */
  public String effectiveTrustDomain() {
    return trustDomain.orElseGet(
        () -> name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9._-]", "-"));
  }

  /** The JDBC properties (a copy). */
  @Override
  public Properties jdbcProperties() {
    Properties copy = new Properties();
    copy.putAll(jdbcProperties);
    return copy;
  }
}
