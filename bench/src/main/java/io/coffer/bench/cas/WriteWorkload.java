package io.coffer.bench.cas;

import io.coffer.cas.client.CasClient;
import io.coffer.cas.client.CasClientException;
import io.coffer.cas.service.Proposal;
import io.coffer.cas.service.ProposalState;
import io.coffer.policy.governance.Approval;
import io.coffer.policy.governance.IdentityKey;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Governance writes: each client proposes the next version of a policy of its own ({@code
 * bench/write/c-0000}, ...) with a board member's approval attached ({@code POST /v1/proposals}).
 * The approval satisfies the 1-of-board update rule, so the CAS records the proposal, the approval
 * and the activation, with their three ledger entries, in one durable transaction before it
 * answers. A proposal that does not come back {@code ACTIVATED} is an error ({@code
 * not-activated}); one the CAS refuses is counted under its problem type ({@code stale-predecessor}
 * if two writers ever met on one policy, which this workload rules out).
 */
final class WriteWorkload implements Workload {

  private final LoopbackCas cas;
  private final Stakeholders stakeholders;
  private final List<BenchPolicy> firsts;

  private WriteWorkload(LoopbackCas cas, Stakeholders stakeholders, List<BenchPolicy> firsts) {
    this.cas = cas;
    this.stakeholders = stakeholders;
    this.firsts = List.copyOf(firsts);
  }

  /** Creates one policy per client, as the first stakeholder. */
  static WriteWorkload seed(LoopbackCas cas, Stakeholders stakeholders, int clients)
      throws GeneralSecurityException, CasClientException {
    CasClient creator = cas.client(stakeholders.forClient(0));
    List<BenchPolicy> out = new ArrayList<>();
    for (int i = 0; i < clients; i++) {
      BenchPolicy p =
          BenchPolicy.first(String.format(Locale.ROOT, "bench/write/c-%04d", i), stakeholders);
      creator.create(p.yaml(), List.of());
      out.add(p);
    }
    return new WriteWorkload(cas, stakeholders, out);
  }

  @Override
  public ClientOperation operation(int client) throws GeneralSecurityException {
    if (client >= firsts.size()) {
      throw new IllegalArgumentException("no policy was seeded for client " + client);
    }
    Writer w =
        new Writer(
            cas.client(stakeholders.forClient(client)),
            stakeholders.approverFor(client),
            firsts.get(client));
    return w;
  }

  private final class Writer implements ClientOperation {
    private final CasClient http;
    private final IdentityKey approver;
    private final String name;
    private BenchPolicy next;
    private Approval approval;

    Writer(CasClient http, IdentityKey approver, BenchPolicy current) {
      this.http = http;
      this.approver = approver;
      this.name = current.name();
      prepare(current.hash());
    }

    private void prepare(String currentHash) {
      next = BenchPolicy.next(name, currentHash, stakeholders);
      approval = approver.approve(next.approvalMessage());
    }

    @Override
    public void call() throws CasClientException, OperationException {
      Proposal p = http.propose(next.yaml(), List.of(approval), Optional.empty());
      if (p.state() != ProposalState.ACTIVATED) {
        throw new OperationException(
            "not-activated", "the proposal for " + name + " is " + p.state());
      }
    }

    @Override
    public void between(boolean lastSucceeded) throws CasClientException {
      if (lastSucceeded) {
        prepare(next.hash());
      } else {
        // The outcome is unknown (a timeout) or the policy moved: start from what the CAS has.
        prepare(http.read(name, Optional.empty()).current().hash());
      }
    }
  }
}
