package io.coffer.bench.cas;

import io.coffer.cas.client.CasClient;
import io.coffer.cas.client.CasClientException;
import io.coffer.cas.service.PolicyView;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Authenticated policy reads: {@code GET /v1/policies/{name}} of the seeded policies, each client
 * going through all of them in turn from its own starting point. The CAS evaluates the read rule (a
 * 1-of-N rule over every stakeholder) and opens the stored version through its barrier for each
 * request.
 */
final class ReadWorkload implements Workload {

  private final LoopbackCas cas;
  private final Stakeholders stakeholders;
  private final List<BenchPolicy> policies;

  private ReadWorkload(LoopbackCas cas, Stakeholders stakeholders, List<BenchPolicy> policies) {
    this.cas = cas;
    this.stakeholders = stakeholders;
    this.policies = List.copyOf(policies);
  }

  /** Creates {@code count} policies ({@code bench/read/p-00000}, ...) as the first stakeholder. */
  static ReadWorkload seed(LoopbackCas cas, Stakeholders stakeholders, int count)
      throws GeneralSecurityException, CasClientException {
    CasClient creator = cas.client(stakeholders.forClient(0));
    List<BenchPolicy> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      BenchPolicy p =
          BenchPolicy.first(String.format(Locale.ROOT, "bench/read/p-%05d", i), stakeholders);
      creator.create(p.yaml(), List.of());
      out.add(p);
    }
    return new ReadWorkload(cas, stakeholders, out);
  }

  @Override
  public ClientOperation operation(int client) throws GeneralSecurityException {
    return new Reader(cas.client(stakeholders.forClient(client)), client % policies.size());
  }

  private final class Reader implements ClientOperation {
    private final CasClient http;
    private int next;

    Reader(CasClient http, int first) {
      this.http = http;
      this.next = first;
    }

    @Override
    public void call() throws CasClientException, OperationException {
      BenchPolicy expected = policies.get(next);
      PolicyView view = http.read(expected.name(), Optional.empty());
      if (!view.current().hash().equals(expected.hash())) {
        throw new OperationException(
            "wrong-version", expected.name() + " read at another version than seeded");
      }
    }

    @Override
    public void between(boolean lastSucceeded) {
      next = (next + 1) % policies.size();
    }
  }
}
