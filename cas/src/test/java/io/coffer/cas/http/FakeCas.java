package io.coffer.cas.http;

import io.coffer.cas.service.Ballot;
import io.coffer.cas.service.Caller;
import io.coffer.cas.service.CasControl;
import io.coffer.cas.service.CasException;
import io.coffer.cas.service.CasState;
import io.coffer.cas.service.LedgerService;
import io.coffer.cas.service.PolicyService;
import io.coffer.cas.service.PolicyVersion;
import io.coffer.cas.service.PolicyView;
import io.coffer.cas.service.Proposal;
import io.coffer.cas.service.ProposalState;
import io.coffer.cas.service.SelfDescription;
import io.coffer.cas.service.UnsealProgress;
import io.coffer.ledger.merkle.ConsistencyProof;
import io.coffer.ledger.merkle.Hash;
import io.coffer.ledger.merkle.InclusionProof;
import io.coffer.policy.governance.Approval;
import io.coffer.policy.governance.Identity;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Small fakes of the service interfaces for routing tests: canned answers, the last call recorded,
 * and a failure to throw on demand.
 */
public final class FakeCas
    implements PolicyService, CasControl, LedgerService, io.coffer.cas.attest.Workloads {

  public static final Instant T0 = Instant.parse("2026-01-02T03:04:05Z");
  public static final String HASH1 = "11".repeat(32);
  public static final String HASH2 = "22".repeat(32);

  /** What the fake was last called with. */
  public record Recorded(String operation, Optional<Caller> caller, List<Object> arguments) {}

  public volatile CasState state = CasState.SERVING;
  public volatile Exception failure;
  public volatile byte[] tlsPublicKey = new byte[] {1, 2, 3};
  public volatile Recorded last;
  public final List<Approval> approvalsSeen = new ArrayList<>();

  private void record(String operation, Caller caller, Object... arguments) throws CasException {
    last = new Recorded(operation, Optional.ofNullable(caller), List.of(arguments.clone()));
    Exception f = failure;
    if (f instanceof CasException c) {
      throw c;
    }
    if (f instanceof RuntimeException r) {
      throw r;
    }
  }

  public static PolicyVersion version(String name, int v) {
    return new PolicyVersion(
        name,
        v,
        v == 1 ? HASH1 : HASH2,
        v == 1 ? Optional.empty() : Optional.of(HASH1),
        T0,
        v == 1 ? Optional.empty() : Optional.of("p-1"),
        v);
  }

  Proposal proposal(String id, Caller caller, ProposalState state) {
    return new Proposal(
        id,
        "acme/billing",
        HASH2,
        HASH1,
        caller.primary(),
        T0,
        T0.plus(Duration.ofDays(1)),
        state,
        List.of(new Ballot(caller.primary(), false, T0, Optional.of("no"))),
        "1 of 2 approvals");
  }

  @Override
  public PolicyVersion create(Caller caller, byte[] policyYaml, List<Approval> approvals)
      throws CasException {
    record("create", caller, new String(policyYaml, StandardCharsets.UTF_8), approvals.size());
    approvalsSeen.addAll(approvals);
    return version("acme/billing", 1);
  }

  @Override
  public PolicyView read(Caller caller, String name, Optional<Integer> version)
      throws CasException {
    record("read", caller, name, version);
    return new PolicyView(version(name, version.orElse(2)), caller.primary(), "name: " + name);
  }

  @Override
  public List<String> list(Caller caller, Optional<String> namePrefix) throws CasException {
    record("list", caller, namePrefix);
    return List.of("acme", "acme/billing");
  }

  @Override
  public List<PolicyVersion> history(Caller caller, String name) throws CasException {
    record("history", caller, name);
    return List.of(version(name, 1), version(name, 2));
  }

  @Override
  public Proposal propose(
      Caller caller, byte[] policyYaml, List<Approval> approvals, Optional<Duration> lifetime)
      throws CasException {
    record("propose", caller, new String(policyYaml, StandardCharsets.UTF_8), lifetime);
    return proposal("p-1", caller, ProposalState.OPEN);
  }

  @Override
  public Proposal approve(Caller caller, String proposalId, Approval approval) throws CasException {
    record("approve", caller, proposalId, approval);
    return proposal(proposalId, caller, ProposalState.ACTIVATED);
  }

  @Override
  public Proposal reject(Caller caller, String proposalId, Optional<String> reason)
      throws CasException {
    record("reject", caller, proposalId, reason);
    return proposal(proposalId, caller, ProposalState.REJECTED);
  }

  @Override
  public Proposal withdraw(Caller caller, String proposalId) throws CasException {
    record("withdraw", caller, proposalId);
    return proposal(proposalId, caller, ProposalState.WITHDRAWN);
  }

  @Override
  public Proposal proposal(Caller caller, String proposalId) throws CasException {
    record("proposal", caller, proposalId);
    return proposal(proposalId, caller, ProposalState.OPEN);
  }

  @Override
  public List<Proposal> proposals(Caller caller, String name, boolean openOnly)
      throws CasException {
    record("proposals", caller, name, openOnly);
    return List.of(proposal("p-1", caller, ProposalState.OPEN));
  }

  @Override
  public String proposalText(Caller caller, String proposalId) throws CasException {
    record("proposalText", caller, proposalId);
    return "name: acme/billing\n";
  }

  @Override
  public CasState state() {
    return state;
  }

  @Override
  public SelfDescription describe() throws CasException {
    record("describe", null);
    return new SelfDescription(
        state,
        "simulation",
        true,
        List.of("SIMULATION: no hardware protects this CAS"),
        "simulation",
        new byte[] {9, 9},
        tlsPublicKey,
        new byte[] {4, 5},
        "cas.example+1234abcd+AQID",
        Optional.of("cas.example\n1\nAAAA\n"),
        state == CasState.SEALED ? Optional.of(new UnsealProgress(1, 3, true)) : Optional.empty());
  }

  @Override
  public UnsealProgress unseal(byte[] share) throws CasException {
    record("unseal", null, new String(share, StandardCharsets.ISO_8859_1));
    return new UnsealProgress(2, 3, true);
  }

  @Override
  public io.coffer.cas.attest.Challenge challenge(String policy, String service)
      throws CasException {
    throw noWorkloads();
  }

  @Override
  public io.coffer.cas.attest.Admission attest(io.coffer.cas.attest.AttestRequest request)
      throws CasException {
    throw noWorkloads();
  }

  @Override
  public String verificationKeys() {
    return "{\"keys\":[]}";
  }

  @Override
  public io.coffer.cas.vault.Reveals.Revealed reveal(Caller caller, String policy, String secret)
      throws CasException {
    throw noWorkloads();
  }

  @Override
  public io.coffer.cas.vault.VolumeTags.Tag updateVolumeTag(
      Caller caller,
      java.security.cert.X509Certificate certificate,
      String policy,
      String volume,
      Optional<String> expected,
      String newTag)
      throws CasException {
    throw noWorkloads();
  }

  private static CasException noWorkloads() {
    return new CasException(CasException.Type.NOT_FOUND, "this fake admits no workloads");
  }

  @Override
  public byte[] checkpoint() throws CasException {
    record("checkpoint", null);
    return "cas.example\n1\nAAAA\n".getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public InclusionProof inclusionProof(long index, long size) throws CasException {
    record("inclusion", null, index, size);
    return new InclusionProof(index, size, List.of(Hash.of(new byte[32])));
  }

  @Override
  public ConsistencyProof consistencyProof(long size1, long size2) throws CasException {
    record("consistency", null, size1, size2);
    return new ConsistencyProof(size1, size2, List.of(Hash.of(new byte[32])));
  }

  @Override
  public Optional<byte[]> tile(String path) throws CasException {
    record("tile", null, path);
    return path.startsWith("tile/0/") ? Optional.of(new byte[32]) : Optional.empty();
  }

  /** The identity of a caller's key, for assertions. */
  static Identity keyOf(Recorded r) {
    return r.caller().orElseThrow().key().orElseThrow();
  }
}
