package io.coffer.bench.cas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coffer.attestation.simulation.SimulatedPlatform;
import io.coffer.cas.client.CasClientException;
import io.coffer.cas.server.StoreKind;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Attestations against a real CAS in this JVM, on SQLite. */
class AttestWorkloadTest {

  @TempDir Path dir;

  private final Stakeholders stakeholders = Stakeholders.generate(2, 1);

  @Test
  void operation_isAdmittedEachTime_withTwoLedgerEntries_andNoFailure() throws Exception {
    try (InProcessCas cas = InProcessCas.start(StoreKind.SQLITE, EvidenceKind.SIMULATION)) {
      AttestWorkload workload = AttestWorkload.seed(cas, stakeholders, 2, 1);
      long before = cas.ledgerSize(cas.client(stakeholders.forClient(0)));
      ClientOperation first = workload.operation(0);
      ClientOperation second = workload.operation(1);

      first.call(); // the key made ahead; the sample, opened and checked in full
      first.call(); // a key made now
      second.call();

      assertThat(cas.ledgerSize(cas.client(stakeholders.forClient(0)))).isEqualTo(before + 6);
      assertThat(workload.failure()).isEmpty();
    }
  }

  @Test
  void operation_withTheCasVerifyingARealSgxQuoteToo_isAdmitted() throws Exception {
    try (InProcessCas cas = InProcessCas.start(StoreKind.SQLITE, EvidenceKind.SGX)) {
      AttestWorkload workload = AttestWorkload.seed(cas, stakeholders, 1, 0);

      workload.operation(0).call();

      assertThat(workload.failure()).isEmpty();
    }
  }

  @Test
  void evidenceOfAnotherPlatform_isRefused_andFailsTheRun() throws Exception {
    Path strangerKey = dir.resolve("stranger.pem");
    SimulatedPlatform.loadOrCreate(strangerKey);
    try (InProcessCas cas = InProcessCas.start(StoreKind.SQLITE, EvidenceKind.SIMULATION)) {
      LoopbackCas stranger = new OtherPlatform(cas, strangerKey);
      AttestWorkload workload = AttestWorkload.seed(stranger, stakeholders, 1, 0);
      ClientOperation op = workload.operation(0);

      assertThatThrownBy(op::call)
          .isInstanceOf(CasClientException.class)
          .hasMessageContaining("evidence");
      assertThatThrownBy(op::call).isInstanceOf(CasClientException.class);

      assertThat(workload.failure())
          .hasValueSatisfying(
              f -> assertThat(f).startsWith("2 attestation(s) failed, the first: "));
    }
  }

  @Test
  void operation_forAClientWithoutKeys_isRefused() throws Exception {
    try (InProcessCas cas = InProcessCas.start(StoreKind.SQLITE, EvidenceKind.SIMULATION)) {
      AttestWorkload workload = AttestWorkload.seed(cas, stakeholders, 1, 0);

      assertThatThrownBy(() -> workload.operation(1)).isInstanceOf(IllegalArgumentException.class);
    }
  }

  /** The CAS, but with the key file of a platform it does not trust. */
  private record OtherPlatform(InProcessCas cas, Path platformKey) implements LoopbackCas {
    @Override
    public CasEndpoint endpoint() {
      return cas.endpoint();
    }

    @Override
    public Optional<ProcessHandle> process() {
      return Optional.empty();
    }

    @Override
    public void close() {
      // The test closes the CAS.
    }
  }
}
