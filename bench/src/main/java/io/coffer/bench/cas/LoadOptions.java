package io.coffer.bench.cas;

import io.coffer.cas.server.StoreKind;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A load run's settings, parsed strictly from the command line: an unknown option, a repeated one
 * or a value out of range is an error naming the option.
 *
 * @param store the CAS's store
 * @param server where the CAS runs: in this JVM, or in a child JVM whose CPU time is accounted
 * @param mix what the clients do
 * @param clients concurrent clients (closed loop) or workers (open loop), each with its own HTTPS
 *     client and so its own connection
 * @param warmup how long to run before measuring
 * @param duration how long to measure
 * @param rate empty for a closed loop; an offered rate in operations per second for an open loop
 * @param policies policies seeded for the read mix
 * @param stakeholders identities made; clients take them in turn
 * @param board how many of the stakeholders form the board of every policy (1-of-board updates)
 * @param presign for the write mix, how many versions each client chains and signs before the run,
 *     so that the run measures the CAS rather than the clients' signing (which shares the machine's
 *     cores with it); a client that uses them up signs as it goes
 * @param keysAhead for the attest mix, how many P-256 key pairs each client makes before the run,
 *     so that the run measures the CAS rather than the clients' key generation; a client that uses
 *     them up makes one per attestation
 * @param evidence for the attest mix, what the CAS verifies for each attestation: simulated
 *     evidence, or that and one real SGX or TDX quote
 * @param accp install Amazon Corretto Crypto Provider first (server and clients, in both JVMs with
 *     {@link ServerMode#PROCESS})
 * @param json print the report as JSON instead of text
 */
public record LoadOptions(
    StoreKind store,
    ServerMode server,
    Mix mix,
    int clients,
    Duration warmup,
    Duration duration,
    OptionalInt rate,
    int policies,
    int stakeholders,
    int board,
    int presign,
    int keysAhead,
    EvidenceKind evidence,
    boolean accp,
    boolean json) {

  /** The most clients (each has its own connection and thread). */
  public static final int MAX_CLIENTS = 1_024;

  /** The most policies seeded. */
  public static final int MAX_POLICIES = 100_000;

  /** The most stakeholders: a read rule lists them all, and a rule holds at most 256. */
  public static final int MAX_STAKEHOLDERS = 200;

  /** The most versions a client signs ahead. */
  public static final int MAX_PRESIGN = 100_000;

  /** The most key pairs a client makes ahead. */
  public static final int MAX_KEYS_AHEAD = 100_000;

  /** The highest offered rate. */
  public static final int MAX_RATE = 1_000_000;

  /** The longest warm-up or measurement. */
  public static final Duration MAX_DURATION = Duration.ofHours(1);

  static final String USAGE =
      """
      usage: java -cp bench/target/benchmarks.jar io.coffer.bench.cas.CasLoad [options]
        --store sqlite|postgres   the CAS's store (default sqlite; postgres: a fresh embedded server)
        --server in-process|process
                                  the CAS in this JVM with its clients (default), or in a child JVM
                                  of its own, whose CPU time is reported per operation
        --mix read|write|attest   authenticated policy reads, governance writes, or end-to-end
                                  workload attestations (default read)
        --clients N               concurrent HTTPS clients or open-loop workers (default 32)
        --warmup D                warm-up before measuring, e.g. 5s (default 5s)
        --duration D              measured period, e.g. 20s, 500ms, 1m (default 20s)
        --rate N|target           open loop at N operations/s; target: the performance target's rate for the mix
                                  (5000 reads/s, 1000 writes/s, 2000 attestations/s); default: closed loop
        --policies N              policies seeded for reads (default 100)
        --stakeholders N          identities made, clients take them in turn (default 8)
        --board N                 stakeholders on every policy's board, 1-of-board updates (default 3)
        --presign N               write mix: versions each client signs before the run (default 0:
                                  clients sign between requests, on the CAS's cores)
        --keys-ahead N            attest mix: P-256 key pairs each client makes before the run
                                  (default 0: one per attestation, on the CAS's cores)
        --evidence simulation|sgx|tdx
                                  attest mix: what the CAS verifies each time: simulated evidence
                                  (default), or that plus one real SGX or TDX quote (a published
                                  DCAP vector, through the CAS's cached verifier)
        --provider jdk|accp       JCA providers: the JDK's, or ACCP installed first (default jdk)
        --json                    print the report as JSON
        --help                    print this
      """;

  private static final Pattern DURATION = Pattern.compile("([0-9]{1,7})(ms|s|m)");

  public LoadOptions {
    Objects.requireNonNull(store, "store");
    Objects.requireNonNull(server, "server");
    Objects.requireNonNull(mix, "mix");
    requireRange("--clients", clients, 1, MAX_CLIENTS);
    requireDuration("--warmup", warmup, true);
    requireDuration("--duration", duration, false);
    Objects.requireNonNull(rate, "rate");
    if (rate.isPresent()) {
      requireRange("--rate", rate.getAsInt(), 1, MAX_RATE);
    }
    requireRange("--policies", policies, 1, MAX_POLICIES);
    requireRange("--stakeholders", stakeholders, 1, MAX_STAKEHOLDERS);
    requireRange("--board", board, 1, stakeholders);
    requireRange("--presign", presign, 0, MAX_PRESIGN);
    requireRange("--keys-ahead", keysAhead, 0, MAX_KEYS_AHEAD);
    Objects.requireNonNull(evidence, "evidence");
    if (mix != Mix.ATTEST && keysAhead > 0) {
      throw new IllegalArgumentException("--keys-ahead: only for --mix attest");
    }
    if (mix != Mix.ATTEST && evidence != EvidenceKind.SIMULATION) {
      throw new IllegalArgumentException("--evidence: only for --mix attest");
    }
  }

  /** The settings {@code args} give; every option left out takes its default. */
  public static LoadOptions parse(List<String> args) {
    StoreKind store = StoreKind.SQLITE;
    ServerMode server = ServerMode.IN_PROCESS;
    Mix mix = Mix.READ;
    int clients = 32;
    Duration warmup = Duration.ofSeconds(5);
    Duration duration = Duration.ofSeconds(20);
    Optional<String> rate = Optional.empty();
    int policies = 100;
    int stakeholders = 8;
    int board = 3;
    int presign = 0;
    int keysAhead = 0;
    EvidenceKind evidence = EvidenceKind.SIMULATION;
    boolean accp = false;
    boolean json = false;
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < args.size(); i++) {
      String option = args.get(i);
      if (!seen.add(option)) {
        throw new IllegalArgumentException(option + ": given twice");
      }
      if (option.equals("--json")) {
        json = true;
        continue;
      }
      if (i + 1 >= args.size()) {
        throw new IllegalArgumentException(option + ": needs a value");
      }
      String value = args.get(++i);
      switch (option) {
        case "--store" ->
            store =
                StoreKind.fromCliName(value)
                    .orElseThrow(() ->
                        new IllegalArgumentException(
                            "--store: expected sqlite or postgres, got \"" + value + "\""));
        case "--server" -> server = ServerMode.parse(value);
        case "--mix" -> mix = Mix.parse(value);
        case "--clients" -> clients = integer(option, value);
        case "--warmup" -> warmup = duration(option, value);
        case "--duration" -> duration = duration(option, value);
        case "--rate" -> rate = Optional.of(value);
        case "--policies" -> policies = integer(option, value);
        case "--stakeholders" -> stakeholders = integer(option, value);
        case "--board" -> board = integer(option, value);
        case "--presign" -> presign = integer(option, value);
        case "--keys-ahead" -> keysAhead = integer(option, value);
        case "--evidence" -> evidence = EvidenceKind.parse(value);
        case "--provider" -> accp = provider(value);
        default -> throw new IllegalArgumentException(option + ": unknown option");
      }
    }
    OptionalInt offered = OptionalInt.empty();
    if (rate.isPresent()) {
      offered =
          OptionalInt.of(
              rate.get().equals("target") ? mix.targetPerSecond() : integer("--rate", rate.get()));
    }
    return new LoadOptions(
        store,
        server,
        mix,
        clients,
        warmup,
        duration,
        offered,
        policies,
        stakeholders,
        board,
        presign,
        keysAhead,
        evidence,
        accp,
        json);
  }

  private static boolean provider(String value) {
    return switch (value) {
      case "jdk" -> false;
      case "accp" -> true;
      default ->
          throw new IllegalArgumentException(
              "--provider: expected jdk or accp, got \"" + value + "\"");
    };
  }

  private static int integer(String option, String value) {
    if (!value.matches("[0-9]{1,9}")) {
      throw new IllegalArgumentException(
          option + ": expected a whole number, got \"" + value + "\"");
    }
    return Integer.parseInt(value);
  }

  /** {@code 250ms}, {@code 20s}, {@code 2m}. */
  static Duration duration(String option, String value) {
    Matcher m = DURATION.matcher(value);
    if (!m.matches()) {
      throw new IllegalArgumentException(
          option + ": expected a duration such as 500ms, 20s or 2m, got \"" + value + "\"");
    }
    long n = Long.parseLong(m.group(1));
    return switch (m.group(2)) {
      case "ms" -> Duration.ofMillis(n);
      case "s" -> Duration.ofSeconds(n);
      default -> Duration.ofMinutes(n);
    };
  }

  private static void requireRange(String option, int value, int min, int max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(
          String.format(Locale.ROOT, "%s: must be %d..%d, got %d", option, min, max, value));
    }
  }

  private static void requireDuration(String option, Duration d, boolean zeroAllowed) {
    Objects.requireNonNull(d, option);
    if (d.isNegative() || (!zeroAllowed && d.isZero()) || d.compareTo(MAX_DURATION) > 0) {
      throw new IllegalArgumentException(
          option + ": must be " + (zeroAllowed ? "0" : "positive") + " up to 1 hour, got " + d);
    }
  }
}
