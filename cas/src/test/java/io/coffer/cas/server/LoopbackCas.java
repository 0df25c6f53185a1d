package io.coffer.cas.server;

import io.coffer.attestation.collect.SimulationSource;
import io.coffer.attestation.simulation.SimulatedPlatform;
import io.coffer.cas.client.AttestedWorkload;
import io.coffer.cas.client.CasClient;
import io.coffer.cas.client.ClientIdentity;
import io.coffer.cas.client.WorkloadAttester;
import io.coffer.cas.identity.TeeMode;
import io.coffer.cas.seal.SealType;
import io.coffer.cas.service.PolicyVersion;
import io.coffer.cas.service.Proposal;
import io.coffer.cas.service.ProposalState;
import io.coffer.policy.canonical.PolicyHash;
import io.coffer.policy.governance.ApprovalMessage;
import io.coffer.policy.parse.PolicyParser;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * A CAS on loopback in simulation mode, for end-to-end tests: clients for given identities,
 * workloads with simulated evidence, governance (create, propose and approve), a ledger audit, and
 * a restart on the same data directory.
 */
final class LoopbackCas implements AutoCloseable {

  static final String ORIGIN = "cas.e2e";

  private final Path dir;
  private final SimulatedPlatform platform;
  private CasNode node;
  private byte[] serverKey;

  private LoopbackCas(Path dir) throws Exception {
    this.dir = dir;
    this.node = CasNode.start(config(dir), Clock.systemUTC(), new SecureRandom());
    this.platform = SimulatedPlatform.loadOrCreate(dir.resolve("platform.pem"));
    this.serverKey = CasClient.unpinned(node.url()).describe().tlsPublicKey();
  }

  /** Starts a CAS whose data, simulated platform and seal live under {@code dir}. */
  static LoopbackCas start(Path dir) throws Exception {
    return new LoopbackCas(dir);
  }

  private static CasConfig config(Path dir) {
    return new CasConfig(
        dir.resolve("data"),
        "127.0.0.1",
        0,
        StoreKind.SQLITE,
        Optional.empty(),
        new Properties(),
        TeeMode.SIMULATION,
        new CasConfig.Simulation(dir.resolve("platform.pem"), List.of()),
        SealType.KEY_FILE,
        3,
        2,
        Optional.empty(),
        ORIGIN,
        List.of(),
        List.of(),
        Duration.ofSeconds(5),
        Optional.empty());
  }

  /** Stops the CAS and starts it again on the same data directory. */
  void restart() throws Exception {
    node.close();
    node = CasNode.start(config(dir), Clock.systemUTC(), new SecureRandom());
    serverKey = CasClient.unpinned(node.url()).describe().tlsPublicKey();
  }

  CasNode node() {
    return node;
  }

  /** A client pinned to this CAS, authenticating as {@code identity} when given. */
  CasClient client(Optional<ClientIdentity> identity) throws Exception {
    return CasClient.pinned(node.url(), serverKey, identity);
  }

  CasClient as(ClientIdentity identity) throws Exception {
    return client(Optional.of(identity));
  }

  /** A workload whose simulated evidence reports {@code measurement} attests as a service. */
  AttestedWorkload attest(String policy, String service, byte[] measurement) throws Exception {
    return new WorkloadAttester(
            client(Optional.empty()),
            new SimulationSource(platform, measurement, Clock.systemUTC()))
        .attest(policy, service);
  }

  /** Creates a policy as {@code creator}. */
  PolicyVersion create(ClientIdentity creator, String yaml) throws Exception {
    return as(creator).create(yaml.getBytes(StandardCharsets.UTF_8), List.of());
  }

  /**
   * Replaces the current version of {@code name} by {@code yaml} (given without {@code
   * predecessor}): {@code owner} proposes it, then approves it; with the default update rule
   * ({@code CREATOR}) the owner's approval activates it.
   */
  PolicyVersion update(ClientIdentity owner, String name, String yaml) throws Exception {
    CasClient c = as(owner);
    String current = c.read(name, Optional.empty()).current().hash();
    String next = withPredecessor(yaml, current);
    Proposal proposed =
        c.propose(next.getBytes(StandardCharsets.UTF_8), List.of(), Optional.empty());
    Proposal approved =
        c.approve(
            proposed.id(),
            owner.key().approve(ApprovalMessage.of(name, hash(next), Optional.of(current))));
    if (approved.state() != ProposalState.ACTIVATED) {
      throw new AssertionError("the update of " + name + " did not activate: " + approved.state());
    }
    return c.read(name, Optional.empty()).current();
  }

  /** {@code yaml} with a {@code predecessor} line in front. */
  static String withPredecessor(String yaml, String predecessor) {
    return "predecessor: " + predecessor + "\n" + yaml;
  }

  /** The policy hash of a policy text. */
  static String hash(String yaml) {
    try {
      return PolicyHash.of(PolicyParser.parse("policy.yaml", yaml));
    } catch (Exception e) {
      throw new IllegalArgumentException("not a valid policy: " + e.getMessage(), e);
    }
  }

  /** The ledger as an auditor sees it now. */
  LedgerAudit audit() throws Exception {
    CasClient anonymous = client(Optional.empty());
    return LedgerAudit.of(
        anonymous,
        ORIGIN,
        anonymous.describe().ledgerVerifierKey(),
        Files.createTempDirectory(dir, "audit"));
  }

  /** A 32-byte simulated measurement filled with {@code seed}. */
  static byte[] measurement(int seed) {
    byte[] m = new byte[32];
    Arrays.fill(m, (byte) seed);
    return m;
  }

  /** The measurement as a policy writes it. */
  static String hex(byte[] measurement) {
    return HexFormat.of().formatHex(measurement);
  }

  @Override
  public void close() {
    node.close();
  }
}
