package io.coffer.bench.cas;

import io.coffer.cas.client.CasClient;
import io.coffer.cas.client.CasClientException;
import io.coffer.cas.service.Proposal;
import io.coffer.cas.service.ProposalState;
import io.coffer.policy.governance.Approval;
import io.coffer.policy.governance.IdentityKey;
import java.security.GeneralSecurityException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.IntStream;

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
  private final List<List<Signed>> ahead;

  private WriteWorkload(
      LoopbackCas cas,
      Stakeholders stakeholders,
      List<BenchPolicy> firsts,
      List<List<Signed>> ahead) {
    this.cas = cas;
    this.stakeholders = stakeholders;
    this.firsts = List.copyOf(firsts);
    this.ahead = List.copyOf(ahead);
  }

  /** A version and its approval. */
  private record Signed(BenchPolicy version, Approval approval) {}

  /**
   * Creates one policy per client, as the first stakeholder, and chains and signs {@code presign}
   * versions of each ahead of the run.
   */
  static WriteWorkload seed(LoopbackCas cas, Stakeholders stakeholders, int clients, int presign)
      throws GeneralSecurityException, CasClientException {
    CasClient creator = cas.client(stakeholders.forClient(0));
    List<BenchPolicy> out = new ArrayList<>();
    for (int i = 0; i < clients; i++) {
      BenchPolicy p =
          BenchPolicy.first(String.format(Locale.ROOT, "bench/write/c-%04d", i), stakeholders);
      creator.create(p.yaml(), List.of());
      out.add(p);
    }
    List<List<Signed>> ahead =
        IntStream.range(0, clients)
            .parallel()
            .mapToObj(i -> chain(out.get(i), stakeholders.approverFor(i), stakeholders, presign))
            .toList();
    return new WriteWorkload(cas, stakeholders, out, ahead);
  }

  private static List<Signed> chain(
      BenchPolicy current, IdentityKey approver, Stakeholders stakeholders, int length) {
    List<Signed> out = new ArrayList<>(length);
    String hash = current.hash();
    for (int i = 0; i < length; i++) {
      Signed next = sign(current.name(), hash, approver, stakeholders);
      out.add(next);
      hash = next.version().hash();
    }
    return out;
  }

  private static Signed sign(
      String name, String currentHash, IdentityKey approver, Stakeholders stakeholders) {
    BenchPolicy next = BenchPolicy.next(name, currentHash, stakeholders);
    return new Signed(next, approver.approve(next.approvalMessage()));
  }

  @Override
  public ClientOperation operation(int client) throws GeneralSecurityException {
    if (client >= firsts.size()) {
      throw new IllegalArgumentException("no policy was seeded for client " + client);
    }
    return new Writer(
        cas.client(stakeholders.forClient(client)),
        stakeholders.approverFor(client),
        firsts.get(client),
        ahead.get(client));
  }

  private final class Writer implements ClientOperation {
    private final CasClient http;
    private final IdentityKey approver;
    private final String name;
    private final ArrayDeque<Signed> ahead;
    private Signed next;

    Writer(CasClient http, IdentityKey approver, BenchPolicy current, List<Signed> ahead) {
      this.http = http;
      this.approver = approver;
      this.name = current.name();
      this.ahead = new ArrayDeque<>(ahead);
      prepare(current.hash());
    }

    /** The version after {@code currentHash}: the next one signed ahead, or one signed now. */
    private void prepare(String currentHash) {
      while (!ahead.isEmpty()
          && !ahead.peekFirst().version().predecessor().orElseThrow().equals(currentHash)) {
        ahead.removeFirst();
      }
      next =
          ahead.isEmpty() ? sign(name, currentHash, approver, stakeholders) : ahead.removeFirst();
    }

    @Override
    public void call() throws CasClientException, OperationException {
      Proposal p = http.propose(next.version().yaml(), List.of(next.approval()), Optional.empty());
      if (p.state() != ProposalState.ACTIVATED) {
        throw new OperationException(
            "not-activated", "the proposal for " + name + " is " + p.state());
      }
    }

    @Override
    public void between(boolean lastSucceeded) throws CasClientException {
      if (lastSucceeded) {
        prepare(next.version().hash());
      } else {
        // The outcome is unknown (a timeout) or the policy moved: start from what the CAS has.
        prepare(http.read(name, Optional.empty()).current().hash());
      }
    }
  }
}
