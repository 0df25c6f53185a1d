package io.coffer.cas.server;

import io.coffer.cas.attest.Admission;
import io.coffer.cas.attest.AttestRequest;
import io.coffer.cas.attest.Challenge;
import io.coffer.cas.attest.Workloads;
import io.coffer.cas.service.Caller;
import io.coffer.cas.service.CasException;
import io.coffer.cas.service.CasException.Type;
import io.coffer.cas.service.LedgerService;
import io.coffer.cas.service.PolicyService;
import io.coffer.cas.service.PolicyVersion;
import io.coffer.cas.service.PolicyView;
import io.coffer.cas.service.Proposal;
import io.coffer.cas.vault.Reveals;
import io.coffer.cas.vault.VolumeTags;
import io.coffer.ledger.merkle.ConsistencyProof;
import io.coffer.ledger.merkle.InclusionProof;
import io.coffer.policy.governance.Approval;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What a sealed CAS answers to every policy operation and ledger read: {@code SEALED}. (The HTTP
 * layer refuses policy routes of a sealed CAS before they reach a service; ledger reads need the
 * ledger key for checkpoints, which is behind the data key.)
 */
final class SealedServices implements LedgerService, PolicyService, Workloads {

  private static CasException sealed() {
    return new CasException(Type.SEALED, "the CAS is sealed: unseal it with coffer cas unseal");
  }

  @Override
  public Challenge challenge(String policy, String service) throws CasException {
    throw sealed();
  }

  @Override
  public Admission attest(AttestRequest request) throws CasException {
    throw sealed();
  }

  @Override
  public String verificationKeys() throws CasException {
    throw sealed();
  }

  @Override
  public Reveals.Revealed reveal(Caller caller, String policy, String secret) throws CasException {
    throw sealed();
  }

  @Override
  public VolumeTags.Tag updateVolumeTag(
      Caller caller,
      X509Certificate certificate,
      String policy,
      String volume,
      Optional<String> expected,
      String newTag)
      throws CasException {
    throw sealed();
  }

  @Override
  public byte[] checkpoint() throws CasException {
    throw sealed();
  }

  @Override
  public InclusionProof inclusionProof(long index, long size) throws CasException {
    throw sealed();
  }

  @Override
  public ConsistencyProof consistencyProof(long size1, long size2) throws CasException {
    throw sealed();
  }

  @Override
  public Optional<byte[]> tile(String path) throws CasException {
    throw sealed();
  }

  @Override
  public PolicyVersion create(Caller caller, byte[] policyYaml, List<Approval> approvals)
      throws CasException {
    throw sealed();
  }

  @Override
  public PolicyView read(Caller caller, String name, Optional<Integer> version)
      throws CasException {
    throw sealed();
  }

  @Override
  public List<String> list(Caller caller, Optional<String> namePrefix) throws CasException {
    throw sealed();
  }

  @Override
  public List<PolicyVersion> history(Caller caller, String name) throws CasException {
    throw sealed();
  }

  @Override
  public Proposal propose(
      Caller caller, byte[] policyYaml, List<Approval> approvals, Optional<Duration> lifetime)
      throws CasException {
    throw sealed();
  }

  @Override
  public Proposal approve(Caller caller, String proposalId, Approval approval) throws CasException {
    throw sealed();
  }

  @Override
  public Proposal reject(Caller caller, String proposalId, Optional<String> reason)
      throws CasException {
    throw sealed();
  }

  @Override
  public Proposal withdraw(Caller caller, String proposalId) throws CasException {
    throw sealed();
  }

  @Override
  public Proposal proposal(Caller caller, String proposalId) throws CasException {
    throw sealed();
  }

  @Override
  public List<Proposal> proposals(Caller caller, String name, boolean openOnly)
      throws CasException {
    throw sealed();
  }

  @Override
  public String proposalText(Caller caller, String proposalId) throws CasException {
    throw sealed();
  }
}
