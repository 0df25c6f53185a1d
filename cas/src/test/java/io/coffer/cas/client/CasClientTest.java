package io.coffer.cas.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coffer.cas.http.FakeCas;
import io.coffer.cas.http.RunningCas;
import io.coffer.cas.http.TestTls;
import io.coffer.cas.service.CasException;
import io.coffer.cas.service.CasState;
import io.coffer.cas.service.PolicyVersion;
import io.coffer.cas.service.Proposal;
import io.coffer.cas.service.ProposalState;
import io.coffer.cas.service.SelfDescription;
import io.coffer.policy.Problem;
import io.coffer.policy.governance.Approval;
import io.coffer.policy.governance.ApprovalMessage;
import io.coffer.policy.governance.Identity;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CasClientTest {

  private static FakeCas fake;
  private static RunningCas cas;
  private static ClientIdentity alice;
  private static CasClient client;

  @BeforeAll
  static void start() throws Exception {
    fake = new FakeCas();
    cas = new RunningCas(fake);
    alice = TestTls.identity(Identity.Type.ED25519, "alice");
    client = CasClient.pinned(cas.uri(), cas.serverSpki(), Optional.of(alice));
  }

  @AfterAll
  static void stop() {
    cas.close();
  }

  @AfterEach
  void reset() {
    fake.failure = null;
    fake.state = CasState.SERVING;
    fake.tlsPublicKey = new byte[] {1, 2, 3};
  }

  @Test
  void close_thenAnyRequest_failsAsTransport() throws Exception {
    CasClient closing = CasClient.pinned(cas.uri(), cas.serverSpki(), Optional.of(alice));
    closing.describe();

    closing.close();

    assertThatThrownBy(closing::describe)
        .isInstanceOfSatisfying(
            CasClientException.class,
            e -> assertThat(e.slug()).isEqualTo(CasClientException.TRANSPORT));
  }

  @Test
  void pinned_wrongServerKey_failsTheHandshake() throws Exception {
    byte[] other =
        TestTls.spki(TestTls.identity(Identity.Type.P256, "x").certificate().certificate());
    CasClient wrong = CasClient.pinned(cas.uri(), other, Optional.of(alice));

    assertThatThrownBy(wrong::describe)
        .isInstanceOfSatisfying(
            CasClientException.class,
            e -> {
              assertThat(e.slug()).isEqualTo(CasClientException.TRANSPORT);
              assertThat(e.status()).isZero();
            });
    assertThat(fake.last == null || !fake.last.operation().equals("describe")).isTrue();
  }

  @Test
  void unpinned_describe_acceptsTheServerWhoseKeyTheDescriptionNames() throws Exception {
    fake.tlsPublicKey = cas.serverSpki();

    SelfDescription d = CasClient.unpinned(cas.uri()).describe();

    assertThat(d.tlsPublicKey()).isEqualTo(cas.serverSpki());
    assertThat(d.simulated()).isTrue();
    assertThat(d.checkpoint()).hasValue("cas.example\n1\nAAAA\n");
  }

  @Test
  void unpinned_describe_refusesADescriptionOfAnotherKey() {
    assertThatThrownBy(() -> CasClient.unpinned(cas.uri()).describe())
        .isInstanceOfSatisfying(
            CasClientException.class,
            e -> assertThat(e.slug()).isEqualTo(CasClientException.KEY_MISMATCH));
  }

  @Test
  void pinned_withoutIdentity_getsUnauthenticatedOnPolicyRoutes() throws Exception {
    CasClient anonymous = CasClient.pinned(cas.uri(), cas.serverSpki(), Optional.empty());

    assertThatThrownBy(() -> anonymous.list(Optional.empty()))
        .isInstanceOfSatisfying(
            CasClientException.class,
            e -> {
              assertThat(e.slug()).isEqualTo("unauthenticated");
              assertThat(e.status()).isEqualTo(401);
            });
    assertThat(anonymous.unseal(new byte[] {7}).received()).isEqualTo(2);
  }

  @Test
  void problems_becomeExceptionsWithSlugStatusAndDetail() {
    fake.failure = new CasException(CasException.Type.STALE_PREDECESSOR, "not the current hash");

    assertThatThrownBy(() -> client.propose(new byte[] {'a'}, List.of(), Optional.empty()))
        .isInstanceOfSatisfying(
            CasClientException.class,
            e -> {
              assertThat(e.slug()).isEqualTo("stale-predecessor");
              assertThat(e.status()).isEqualTo(409);
              assertThat(e.getMessage()).isEqualTo("not the current hash");
              assertThat(e.correlationId()).isEmpty();
            });
  }

  @Test
  void invalidPolicy_carriesEveryProblemWithItsPlace() {
    List<Problem> problems =
        List.of(
            new Problem("policy.yaml", 3, 5, "access.read", "not a rule"),
            new Problem("policy.yaml", 0, 0, "", "no name"));
    fake.failure = new CasException(CasException.Type.INVALID_POLICY, "2 problems", problems, null);

    assertThatThrownBy(() -> client.create(new byte[] {'a'}, List.of()))
        .isInstanceOfSatisfying(
            CasClientException.class,
            e -> {
              assertThat(e.slug()).isEqualTo("invalid-policy");
              assertThat(e.problems()).isEqualTo(problems);
            });
  }

  @Test
  void otherProblems_haveNoPolicyProblems() {
    fake.failure = new CasException(CasException.Type.FORBIDDEN, "no");

    assertThatThrownBy(() -> client.history("acme"))
        .isInstanceOfSatisfying(CasClientException.class, e -> assertThat(e.problems()).isEmpty());
  }

  @Test
  void internalErrors_carryTheCorrelationId() {
    fake.failure = new IllegalStateException("boom");

    assertThatThrownBy(() -> client.history("acme"))
        .isInstanceOfSatisfying(
            CasClientException.class,
            e -> {
              assertThat(e.slug()).isEqualTo("internal");
              assertThat(e.correlationId()).isPresent();
            });
  }

  @Test
  void policyCalls_roundTripTheirValues() throws Exception {
    PolicyVersion created =
        client.create("name: acme/billing\n".getBytes(StandardCharsets.UTF_8), List.of());
    assertThat(created).isEqualTo(FakeCas.version("acme/billing", 1));
    assertThat(fake.last.caller().orElseThrow().key()).hasValue(alice.key().identity());

    assertThat(client.list(Optional.of("acme/"))).containsExactly("acme", "acme/billing");
    assertThat(fake.last.arguments()).containsExactly(Optional.of("acme/"));

    assertThat(client.read("acme/billing", Optional.of(1)).current().version()).isEqualTo(1);
    assertThat(fake.last.arguments()).containsExactly("acme/billing", Optional.of(1));

    assertThat(client.history("acme/billing"))
        .containsExactly(FakeCas.version("acme/billing", 1), FakeCas.version("acme/billing", 2));
  }

  @Test
  void governanceCalls_roundTripTheirValues() throws Exception {
    Proposal proposed =
        client.propose(
            "name: acme\n".getBytes(StandardCharsets.UTF_8),
            List.of(),
            Optional.of(Duration.ofHours(2)));
    assertThat(proposed.state()).isEqualTo(ProposalState.OPEN);
    assertThat(proposed.ballots()).hasSize(1);
    assertThat(fake.last.arguments())
        .containsExactly("name: acme\n", Optional.of(Duration.ofHours(2)));

    ApprovalMessage message = ApprovalMessage.of("acme", FakeCas.HASH2, Optional.of(FakeCas.HASH1));
    Approval approval = alice.key().approve(message);
    assertThat(client.approve("p-1", approval).state()).isEqualTo(ProposalState.ACTIVATED);
    assertThat(fake.last.arguments()).containsExactly("p-1", approval);

    assertThat(client.reject("p-1", Optional.of("too broad")).state())
        .isEqualTo(ProposalState.REJECTED);
    assertThat(fake.last.arguments()).containsExactly("p-1", Optional.of("too broad"));
    assertThat(client.withdraw("p/1").state()).isEqualTo(ProposalState.WITHDRAWN);
    assertThat(fake.last.arguments()).containsExactly("p/1");
    assertThat(client.proposals("acme", true)).hasSize(1);
    assertThat(fake.last.arguments()).containsExactly("acme", true);
    assertThat(client.proposal("p-1").id()).isEqualTo("p-1");
    assertThat(client.proposalText("p-1")).isEqualTo("name: acme/billing\n");
  }

  @Test
  void ledgerCalls_roundTripTheirValues() throws Exception {
    assertThat(client.inclusionProof(3, 10).path()).hasSize(1);
    assertThat(client.consistencyProof(3, 10).size2()).isEqualTo(10);
    assertThat(client.tile("tile/0/000")).hasValueSatisfying(t -> assertThat(t).hasSize(32));
    assertThat(client.tile("tile/entries/000")).isEmpty();
    assertThatThrownBy(() -> client.tile("../x")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void nonHttpsUrl_isRefused() {
    assertThatThrownBy(() ->
            CasClient.pinned(URI.create("http://127.0.0.1:1"), new byte[] {1}, Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
