package io.coffer.cas.governance;

import static io.coffer.cas.governance.Fixtures.ALICE;
import static io.coffer.cas.governance.Fixtures.BOB;
import static io.coffer.cas.governance.Fixtures.CAROL;
import static io.coffer.cas.governance.Fixtures.MALLORY;
import static io.coffer.cas.governance.Fixtures.approve;
import static io.coffer.cas.governance.Fixtures.caller;
import static io.coffer.cas.governance.Fixtures.hash;
import static io.coffer.cas.governance.Fixtures.id;
import static io.coffer.cas.governance.Fixtures.simple;
import static io.coffer.cas.governance.Fixtures.yaml;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coffer.cas.events.AccessDenied;
import io.coffer.cas.events.CasEvent;
import io.coffer.cas.events.EventCodec;
import io.coffer.cas.events.EventType;
import io.coffer.cas.events.PolicyActivated;
import io.coffer.cas.events.PolicyCreated;
import io.coffer.cas.service.CasException;
import io.coffer.cas.service.CasException.Type;
import io.coffer.cas.service.PolicyVersion;
import io.coffer.cas.service.PolicyView;
import io.coffer.cas.service.Proposal;
import io.coffer.cas.service.ProposalState;
import io.coffer.cas.store.CasStore;
import io.coffer.cas.store.PolicyRow;
import io.coffer.cas.store.PolicyVersionRow;
import io.coffer.policy.governance.Approval;
import io.coffer.policy.governance.ApprovalMessage;
import io.coffer.policy.governance.IdentityKey;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The governance service's behaviour, run against every store: a subclass per store supplies it.
 */
abstract class GovernedPoliciesContract {

  /** A new, empty store. */
  protected abstract CasStore newStore() throws Exception;

  private static final String NAME = "hospital/patients";
  private static final String BOARD =
      "{require-at-least-2: [" + id(ALICE) + ", " + id(BOB) + ", " + id(CAROL) + "]}";

  private TamperingStore store;
  private Fixtures.ManualClock clock;
  private GovernedPolicies policies;

  @BeforeEach
  void open() throws Exception {
    store = new TamperingStore(newStore());
    clock = new Fixtures.ManualClock();
    policies = new GovernedPolicies(store, Fixtures.barrier(), clock, new SecureRandom());
  }

  @AfterEach
  void close() throws Exception {
    store.close();
  }

  private List<CasEvent> events() throws Exception {
    List<CasEvent> out = new ArrayList<>();
    for (byte[] entry : store.ledger().entries(0, (int) store.ledger().size())) {
      out.add(EventCodec.parse(entry));
    }
    return out;
  }

  private List<EventType> eventTypes() throws Exception {
    return events().stream().map(CasEvent::type).toList();
  }

  /** A policy of {@value #NAME} by Alice, readable by Alice and Bob, updated by the board. */
  private byte[] boardPolicy(Optional<String> predecessor, String extra) {
    return yaml(
        NAME,
        predecessor,
        "{require-at-least-1: [CREATOR, " + id(BOB) + "]}",
        BOARD,
        "CREATOR",
        extra);
  }

  private PolicyVersion createBoardPolicy() throws Exception {
    return policies.create(caller(ALICE), boardPolicy(Optional.empty(), ""), List.of());
  }

  private byte[] next(String predecessor, String marker) {
    return boardPolicy(
        Optional.of(predecessor), "secrets:\n  - {name: " + marker + ", kind: ascii, size: 16}\n");
  }

  // Creation.

  @Test
  void create_thenRead_givesVersionOneAndItsCanonicalText_andRecordsTheCreation() throws Exception {
    byte[] yaml = boardPolicy(Optional.empty(), "");

    PolicyVersion v = policies.create(caller(ALICE), yaml, List.of());
    PolicyView view = policies.read(caller(BOB), NAME, Optional.empty());

    assertThat(v.version()).isEqualTo(1);
    assertThat(v.hash()).isEqualTo(hash(yaml));
    assertThat(v.predecessor()).isEmpty();
    assertThat(view.current()).isEqualTo(v);
    assertThat(view.creator()).isEqualTo(ALICE.identity());
    assertThat(view.text()).contains("\"name\":\"" + NAME + "\"");
    assertThat(events()).singleElement().isInstanceOf(PolicyCreated.class);
    PolicyCreated created = (PolicyCreated) events().get(0);
    assertThat(created.creator()).isEqualTo(ALICE.identity());
    assertThat(created.hash()).isEqualTo(v.hash());
    assertThat(v.ledgerIndex()).isZero();
  }

  @Test
  void create_withAPredecessor_isAnInvalidPolicy() {
    byte[] yaml = yaml(NAME, Optional.of("0".repeat(64)), "CREATOR", "CREATOR", "CREATOR", "");

    assertThatThrownBy(() -> policies.create(caller(ALICE), yaml, List.of()))
        .isInstanceOfSatisfying(
            CasException.class,
            e -> {
              assertThat(e.type()).isEqualTo(Type.INVALID_POLICY);
              assertThat(e.problems()).extracting(p -> p.path()).containsExactly("predecessor");
            });
  }

  @Test
  void create_ofAnInvalidPolicy_namesTheProblems_andStoresNothing() throws Exception {
    byte[] yaml = "name: a/b\nversion: 1\nunknown: 1\n".getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> policies.create(caller(ALICE), yaml, List.of()))
        .isInstanceOfSatisfying(
            CasException.class,
            e -> {
              assertThat(e.type()).isEqualTo(Type.INVALID_POLICY);
              assertThat(e.problems()).isNotEmpty();
            });
    assertThat(store.ledger().size()).isZero();
  }

  @Test
  void create_ofATakenName_isAlreadyExists_andTheFirstCreatorStays() throws Exception {
    createBoardPolicy();

    assertThatThrownBy(() -> policies.create(caller(MALLORY), simple(NAME), List.of()))
        .extracting(e -> ((CasException) e).type())
        .isEqualTo(Type.ALREADY_EXISTS);
    assertThat(policies.read(caller(ALICE), NAME, Optional.empty()).creator())
        .isEqualTo(ALICE.identity());
    assertThat(store.ledger().size()).isEqualTo(1);
  }

  @Test
  void create_underAParent_needsTheParentsCreateRule_byIdentityOrApproval() throws Exception {
    policies.create(
        caller(BOB),
        yaml("hospital", Optional.empty(), "CREATOR", "CREATOR", id(BOB), ""),
        List.of());
    byte[] child = simple("hospital/x/y");

    assertThatThrownBy(() -> policies.create(caller(ALICE), child, List.of()))
        .extracting(e -> ((CasException) e).type())
        .isEqualTo(Type.FORBIDDEN);
    assertThat(events().getLast())
        .isEqualTo(
            new AccessDenied(
                clock.instant(),
                ALICE.identity(),
                AccessDenied.Operation.CREATE,
                "hospital/x/y",
                Optional.empty(),
                AccessDenied.Reason.CREATE_RULE));

    Approval bobs = approve(BOB, "hospital/x/y", child, Optional.empty());
    PolicyVersion v = policies.create(caller(ALICE), child, List.of(bobs));

    assertThat(v.version()).isEqualTo(1);
    assertThat(policies.read(caller(ALICE), "hospital/x/y", Optional.empty()).creator())
        .isEqualTo(ALICE.identity());
    PolicyCreated created = (PolicyCreated) events().getLast();
    assertThat(created.approvers()).containsExactly(BOB.identity());
  }

  @Test
  void create_withAnApprovalOfAnotherPolicy_isAnInvalidApproval() throws Exception {
    policies.create(
        caller(BOB),
        yaml("hospital", Optional.empty(), "CREATOR", "CREATOR", id(BOB), ""),
        List.of());
    byte[] child = simple("hospital/y");
    Approval forOther = approve(BOB, "hospital/z", simple("hospital/z"), Optional.empty());

    assertThatThrownBy(() -> policies.create(caller(ALICE), child, List.of(forOther)))
        .extracting(e -> ((CasException) e).type())
        .isEqualTo(Type.INVALID_APPROVAL);
  }

  @Test
  void create_underAParentWhoseCreateRuleIsNone_isForbiddenToEverybody() throws Exception {
    policies.create(
        caller(BOB), yaml("closed", Optional.empty(), "CREATOR", "CREATOR", "NONE", ""), List.of());
    byte[] child = simple("closed/x");

    assertThatThrownBy(() ->
            policies.create(
                caller(BOB), child, List.of(approve(BOB, "closed/x", child, Optional.empty()))))
        .extracting(e -> ((CasException) e).type())
        .isEqualTo(Type.FORBIDDEN);
  }

  // Reading.

  @Test
  void read_byANonReader_isForbidden_andRecordsTheDenial_butUnknownNamesAreNotFound()
      throws Exception {
    createBoardPolicy();

    assertThatThrownBy(() -> policies.read(caller(MALLORY), NAME, Optional.empty()))
        .extracting(e -> ((CasException) e).type())
        .isEqualTo(Type.FORBIDDEN);
    assertThatThrownBy(() -> policies.history(caller(MALLORY), NAME))
        .extracting(e -> ((CasException) e).type())
        .isEqualTo(Type.FORBIDDEN);
    assertThatThrownBy(() -> policies.read(caller(MALLORY), "nobody/here", Optional.empty()))
        .extracting(e -> ((CasException) e).type())
        .isEqualTo(Type.NOT_FOUND);
    assertThat(events())
        .filteredOn(e -> e instanceof AccessDenied)
        .extracting(e -> ((AccessDenied) e).operation())
        .containsExactly(AccessDenied.Operation.READ, AccessDenied.Operation.HISTORY);
  }

  @Test
  void read_doesNotWrite() throws Exception {
    createBoardPolicy();
    long size = store.ledger().size();

    policies.read(caller(ALICE), NAME, Optional.empty());
    policies.history(caller(ALICE), NAME);
    policies.list(caller(ALICE), Optional.empty());

    assertThat(store.ledger().size()).isEqualTo(size);
  }

  @Test
  void list_namesOnlyWhatTheCallerMayRead_inNameOrder_underThePrefix() throws Exception {
    createBoardPolicy();
    policies.create(caller(MALLORY), simple("hospital/mallory"), List.of());
    policies.create(caller(ALICE), simple("hospital/alice"), List.of());
    policies.create(caller(ALICE), simple("other"), List.of());

    assertThat(policies.list(caller(ALICE), Optional.of("hospital/")))
        .containsExactly("hospital/alice", NAME);
    assertThat(policies.list(caller(BOB), Optional.empty())).containsExactly(NAME);
  }

  @Test
  void readOfAnInvalidName_isABadRequest() {
    assertThatThrownBy(() -> policies.read(caller(ALICE), "../etc", Optional.empty()))
        .extracting(e -> ((CasException) e).type())
        .isEqualTo(Type.BAD_REQUEST);
  }

  // Governance.

  @Test
  void proposal_activatesTheMomentTheBoardThresholdIsMet() throws Exception {
    PolicyVersion v1 = createBoardPolicy();
    byte[] v2 = next(v1.hash(), "k2");

    Proposal p =
        policies.propose(
            caller(ALICE),
            v2,
            List.of(approve(ALICE, NAME, v2, Optional.of(v1.hash()))),
            Optional.empty());
    assertThat(p.state()).isEqualTo(ProposalState.OPEN);
    assertThat(p.expiresAt()).isEqualTo(clock.instant().plus(Duration.ofDays(30)));
    assertThat(policies.read(caller(ALICE), NAME, Optional.empty()).current().version())
        .isEqualTo(1);

    Proposal after =
        policies.approve(caller(CAROL), p.id(), approve(CAROL, NAME, v2, Optional.of(v1.hash())));

    assertThat(after.state()).isEqualTo(ProposalState.ACTIVATED);
    assertThat(after.ballots())
        .extracting(b -> b.voter())
        .containsExactly(ALICE.identity(), CAROL.identity());
    PolicyView read = policies.read(caller(ALICE), NAME, Optional.empty());
    assertThat(read.current().version()).isEqualTo(2);
    assertThat(read.current().hash()).isEqualTo(hash(v2));
    assertThat(read.current().predecessor()).contains(v1.hash());
    assertThat(read.current().proposal()).contains(p.id());
    assertThat(policies.read(caller(ALICE), NAME, Optional.of(1)).current()).isEqualTo(v1);
    assertThat(policies.history(caller(BOB), NAME))
        .extracting(PolicyVersion::version)
        .containsExactly(1, 2);
    assertThat(eventTypes())
        .containsExactly(
            EventType.POLICY_CREATED,
            EventType.POLICY_PROPOSED,
            EventType.POLICY_APPROVED,
            EventType.POLICY_APPROVED,
            EventType.POLICY_ACTIVATED);
    PolicyActivated activated = (PolicyActivated) events().getLast();
    assertThat(activated.version()).isEqualTo(2);
    assertThat(activated.approvers()).containsExactly(ALICE.identity(), CAROL.identity());
    assertThat(read.current().ledgerIndex()).isEqualTo(4);
  }

  @Test
  void propose_withAStalePredecessor_isRefused() throws Exception {
    createBoardPolicy();
    byte[] stale = next("ab".repeat(32), "k");

    assertThatThrownBy(() -> policies.propose(caller(ALICE), stale, List.of(), Optional.empty()))
        .extracting(e -> ((CasException) e).type())
        .isEqualTo(Type.STALE_PREDECESSOR);
  }

  @Test
  void propose_withoutAPredecessor_isAnInvalidPolicy() throws Exception {
    createBoardPolicy();

    assertThatThrownBy(() ->
            policies.propose(
                caller(ALICE), boardPolicy(Optional.empty(), ""), List.of(), Optional.empty()))
        .extracting(e -> ((CasException) e).type())
        .isEqualTo(Type.INVALID_POLICY);
  }

  @Test
  void propose_withALifetimeOverTheMaximum_isABadRequest() throws Exception {
    PolicyVersion v1 = createBoardPolicy();

    assertThatThrownBy(() ->
            policies.propose(
                caller(ALICE), next(v1.hash(), "k"), List.of(), Optional.of(Duration.ofDays(31))))
        .extracting(e -> ((CasException) e).type())
        .isEqualTo(Type.BAD_REQUEST);
  }

  @Test
  void propose_byACallerWhoNeitherReadsNorVotes_isForbidden() throws Exception {
    PolicyVersion v1 = createBoardPolicy();

    assertThatThrownBy(() ->
            policies.propose(caller(MALLORY), next(v1.hash(), "k"), List.of(), Optional.empty()))
        .extracting(e -> ((CasException) e).type())
        .isEqualTo(Type.FORBIDDEN);
    assertThat(eventTypes().getLast()).isEqualTo(EventType.ACCESS_DENIED);
  }

  @Test
  void proposalWhoseYamlNamesAnotherPolicy_cannotChangeThisOne() throws Exception {
    PolicyVersion v1 = createBoardPolicy();
    policies.create(caller(MALLORY), simple("mallory"), List.of());
    byte[] other = yaml("mallory", Optional.of(v1.hash()), "CREATOR", "CREATOR", "CREATOR", "");

    assertThatThrownBy(() -> policies.propose(caller(MALLORY), other, List.of(), Optional.empty()))
        .extracting(e -> ((CasException) e).type())
        .isEqualTo(Type.STALE_PREDECESSOR);
    assertThat(policies.read(caller(ALICE), NAME, Optional.empty()).current()).isEqualTo(v1);
  }

  @Test
  void approval_ofAnotherPolicyHashOrPredecessor_isInvalid() throws Exception {
    PolicyVersion v1 = createBoardPolicy();
    byte[] v2 = next(v1.hash(), "k2");
    Proposal p = policies.propose(caller(ALICE), v2, List.of(), Optional.empty());
    List<ApprovalMessage> wrong =
        List.of(
            new ApprovalMessage("hospital/other", hash(v2), Optional.of(v1.hash())),
            new ApprovalMessage(NAME, hash(next(v1.hash(), "k3")), Optional.of(v1.hash())),
            new ApprovalMessage(NAME, hash(v2), Optional.of("cd".repeat(32))),
            new ApprovalMessage(NAME, hash(v2), Optional.empty()));

    for (ApprovalMessage m : wrong) {
      assertThatThrownBy(() -> policies.approve(caller(BOB), p.id(), BOB.approve(m)))
          .as("%s", m)
          .extracting(e -> ((CasException) e).type())
          .isEqualTo(Type.INVALID_APPROVAL);
    }
    assertThat(policies.proposal(caller(ALICE), p.id()).ballots()).isEmpty();
  }

  @Test
  void approval_byAnIdentityTheUpdateRuleDoesNotCount_isForbidden() throws Exception {
    PolicyVersion v1 = createBoardPolicy();
    byte[] v2 = next(v1.hash(), "k2");
    Proposal p = policies.propose(caller(ALICE), v2, List.of(), Optional.empty());

    assertThatThrownBy(() ->
            policies.approve(
                caller(MALLORY), p.id(), approve(MALLORY, NAME, v2, Optional.of(v1.hash()))))
        .extracting(e -> ((CasException) e).type())
        .isEqualTo(Type.FORBIDDEN);
    AccessDenied denied = (AccessDenied) events().getLast();
    assertThat(denied.operation()).isEqualTo(AccessDenied.Operation.APPROVE);
    assertThat(denied.proposal()).contains(p.id());
  }

  @Test
  void approval_claimingABoardMemberButSignedByAnother_isInvalid() throws Exception {
    PolicyVersion v1 = createBoardPolicy();
    byte[] v2 = next(v1.hash(), "k2");
    Proposal p = policies.propose(caller(ALICE), v2, List.of(), Optional.empty());
    Approval mallorys = approve(MALLORY, NAME, v2, Optional.of(v1.hash()));
    Approval forged = Approval.of(ALICE.identity(), mallorys.signature(), Optional.empty());

    assertThatThrownBy(() -> policies.approve(caller(MALLORY), p.id(), forged))
        .extracting(e -> ((CasException) e).type())
        .isEqualTo(Type.INVALID_APPROVAL);
  }

  @Test
  void theProposedVersionsOwnRules_doNotAuthoriseIt() throws Exception {
    PolicyVersion v1 = createBoardPolicy();
    byte[] takeover = yaml(NAME, Optional.of(v1.hash()), id(MALLORY), id(MALLORY), "CREATOR", "");
    Proposal p = policies.propose(caller(ALICE), takeover, List.of(), Optional.empty());

    assertThatThrownBy(() ->
            policies.approve(
                caller(MALLORY), p.id(), approve(MALLORY, NAME, takeover, Optional.of(v1.hash()))))
        .extracting(e -> ((CasException) e).type())
        .isEqualTo(Type.FORBIDDEN);
    assertThat(policies.proposal(caller(ALICE), p.id()).state()).isEqualTo(ProposalState.OPEN);
  }

  @Test
  void approvalReplayedAfterActivation_doesNotApproveTheNextChange() throws Exception {
    PolicyVersion v1 = createBoardPolicy();
    byte[] v2 = next(v1.hash(), "k2");
    Approval a2 = approve(ALICE, NAME, v2, Optional.of(v1.hash()));
    Approval b2 = approve(BOB, NAME, v2, Optional.of(v1.hash()));
    Proposal p2 = policies.propose(caller(ALICE), v2, List.of(a2, b2), Optional.empty());
    assertThat(p2.state()).isEqualTo(ProposalState.ACTIVATED);
    byte[] v3 = next(hash(v2), "k3");
    Proposal p3 = policies.propose(caller(ALICE), v3, List.of(), Optional.empty());

    for (Approval replayed : List.of(a2, b2)) {
      assertThatThrownBy(() -> policies.approve(caller(BOB), p3.id(), replayed))
          .extracting(e -> ((CasException) e).type())
          .isEqualTo(Type.INVALID_APPROVAL);
    }
    assertThatThrownBy(() -> policies.approve(caller(BOB), p2.id(), b2))
        .extracting(e -> ((CasException) e).type())
        .isEqualTo(Type.PROPOSAL_CLOSED);
    assertThat(policies.read(caller(ALICE), NAME, Optional.empty()).current().version())
        .isEqualTo(2);
  }

  @Test
  void activation_supersedesEveryOtherOpenProposal_whichNeverActivates() throws Exception {
    PolicyVersion v1 = createBoardPolicy();
    byte[] a = next(v1.hash(), "a");
    byte[] b = next(v1.hash(), "b");
    Proposal pa = policies.propose(caller(ALICE), a, List.of(), Optional.empty());
    Proposal pb =
        policies.propose(
            caller(BOB),
            b,
            List.of(approve(BOB, NAME, b, Optional.of(v1.hash()))),
            Optional.empty());

    policies.approve(caller(ALICE), pa.id(), approve(ALICE, NAME, a, Optional.of(v1.hash())));
    policies.approve(caller(CAROL), pa.id(), approve(CAROL, NAME, a, Optional.of(v1.hash())));

    assertThat(policies.proposal(caller(ALICE), pb.id()).state())
        .isEqualTo(ProposalState.SUPERSEDED);
    assertThatThrownBy(() ->
            policies.approve(
                caller(CAROL), pb.id(), approve(CAROL, NAME, b, Optional.of(v1.hash()))))
        .extracting(e -> ((CasException) e).type())
        .isEqualTo(Type.PROPOSAL_CLOSED);
    assertThat(policies.read(caller(ALICE), NAME, Optional.empty()).current().hash())
        .isEqualTo(hash(a));
    assertThat(eventTypes()).contains(EventType.POLICY_SUPERSEDED);
    assertThat(policies.proposals(caller(ALICE), NAME, true)).isEmpty();
    assertThat(policies.proposals(caller(ALICE), NAME, false))
        .extracting(Proposal::id)
        .containsExactly(pb.id(), pa.id());
  }

  @Test
  void withdrawnProposal_neverActivates_andOnlyItsProposerWithdraws() throws Exception {
    PolicyVersion v1 = createBoardPolicy();
    byte[] v2 = next(v1.hash(), "k2");
    Proposal p =
        policies.propose(
            caller(ALICE),
            v2,
            List.of(approve(ALICE, NAME, v2, Optional.of(v1.hash()))),
            Optional.empty());

    assertThatThrownBy(() -> policies.withdraw(caller(BOB), p.id()))
        .extracting(e -> ((CasException) e).type())
        .isEqualTo(Type.FORBIDDEN);
    assertThat(policies.withdraw(caller(ALICE), p.id()).state()).isEqualTo(ProposalState.WITHDRAWN);
    assertThatThrownBy(() ->
            policies.approve(caller(BOB), p.id(), approve(BOB, NAME, v2, Optional.of(v1.hash()))))
        .extracting(e -> ((CasException) e).type())
        .isEqualTo(Type.PROPOSAL_CLOSED);
    assertThat(policies.read(caller(ALICE), NAME, Optional.empty()).current()).isEqualTo(v1);
    assertThat(eventTypes()).contains(EventType.POLICY_WITHDRAWN);
  }

  @Test
  void rejectedProposal_neverActivates_andOnlyTheBoardRejects() throws Exception {
    PolicyVersion v1 = createBoardPolicy();
    byte[] v2 = next(v1.hash(), "k2");
    Proposal p =
        policies.propose(
            caller(ALICE),
            v2,
            List.of(approve(ALICE, NAME, v2, Optional.of(v1.hash()))),
            Optional.empty());

    assertThatThrownBy(() -> policies.reject(caller(MALLORY), p.id(), Optional.empty()))
        .extracting(e -> ((CasException) e).type())
        .isEqualTo(Type.FORBIDDEN);
    Proposal rejected = policies.reject(caller(CAROL), p.id(), Optional.of("not now"));

    assertThat(rejected.state()).isEqualTo(ProposalState.REJECTED);
    assertThat(rejected.ballots().getLast().reason()).contains("not now");
    assertThatThrownBy(() ->
            policies.approve(caller(BOB), p.id(), approve(BOB, NAME, v2, Optional.of(v1.hash()))))
        .extracting(e -> ((CasException) e).type())
        .isEqualTo(Type.PROPOSAL_CLOSED);
    assertThat(policies.read(caller(ALICE), NAME, Optional.empty()).current()).isEqualTo(v1);
    assertThat(
            new String(
                store.ledger().entries(0, (int) store.ledger().size()).stream()
                    .map(e -> new String(e, StandardCharsets.UTF_8))
                    .toList()
                    .toString()))
        .doesNotContain("not now");
  }

  @Test
  void expiredProposal_isClosedByTheNextOperation_andNeverActivates() throws Exception {
    PolicyVersion v1 = createBoardPolicy();
    byte[] v2 = next(v1.hash(), "k2");
    Proposal p =
        policies.propose(
            caller(ALICE),
            v2,
            List.of(approve(ALICE, NAME, v2, Optional.of(v1.hash()))),
            Optional.of(Duration.ofHours(1)));
    clock.advance(Duration.ofHours(1).plusMillis(1));

    assertThat(policies.proposal(caller(ALICE), p.id()).state()).isEqualTo(ProposalState.EXPIRED);
    assertThat(eventTypes()).doesNotContain(EventType.POLICY_EXPIRED);
    Approval bobs = approve(BOB, NAME, v2, Optional.of(v1.hash()));
    assertThatThrownBy(() -> policies.approve(caller(BOB), p.id(), bobs))
        .extracting(e -> ((CasException) e).type())
        .isEqualTo(Type.PROPOSAL_CLOSED);

    assertThat(eventTypes().getLast()).isEqualTo(EventType.POLICY_EXPIRED);
    assertThatThrownBy(() -> policies.approve(caller(BOB), p.id(), bobs))
        .extracting(e -> ((CasException) e).type())
        .isEqualTo(Type.PROPOSAL_CLOSED);
    assertThat(policies.read(caller(ALICE), NAME, Optional.empty()).current()).isEqualTo(v1);
  }

  @Test
  void concurrentApprovalsOfTwoProposalsForOnePredecessor_activateExactlyOne() throws Exception {
    PolicyVersion v1 = createBoardPolicy();
    byte[] a = next(v1.hash(), "a");
    byte[] b = next(v1.hash(), "b");
    Optional<String> pred = Optional.of(v1.hash());
    Proposal pa =
        policies.propose(
            caller(ALICE), a, List.of(approve(ALICE, NAME, a, pred)), Optional.empty());
    Proposal pb =
        policies.propose(
            caller(ALICE), b, List.of(approve(ALICE, NAME, b, pred)), Optional.empty());
    CountDownLatch start = new CountDownLatch(1);
    List<Callable<ProposalState>> votes =
        List.of(
            vote(start, BOB, pa.id(), a, pred),
            vote(start, BOB, pb.id(), b, pred),
            vote(start, CAROL, pa.id(), a, pred),
            vote(start, CAROL, pb.id(), b, pred));
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<ProposalState>> results = new ArrayList<>();
      for (Callable<ProposalState> v : votes) {
        results.add(pool.submit(v));
      }
      start.countDown();
      for (Future<ProposalState> f : results) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }

    List<ProposalState> states =
        List.of(
            policies.proposal(caller(ALICE), pa.id()).state(),
            policies.proposal(caller(ALICE), pb.id()).state());
    assertThat(states).containsExactlyInAnyOrder(ProposalState.ACTIVATED, ProposalState.SUPERSEDED);
    assertThat(policies.history(caller(ALICE), NAME)).hasSize(2);
    assertThat(eventTypes()).filteredOn(t -> t == EventType.POLICY_ACTIVATED).hasSize(1);
  }

  private Callable<ProposalState> vote(
      CountDownLatch start, IdentityKey voter, String id, byte[] yaml, Optional<String> pred) {
    Approval approval = approve(voter, NAME, yaml, pred);
    return () -> {
      start.await();
      try {
        return policies.approve(caller(voter), id, approval).state();
      } catch (CasException e) {
        assertThat(e.type()).isEqualTo(Type.PROPOSAL_CLOSED);
        return null;
      }
    };
  }

  @Test
  void proposalsAndTheirText_areForReadersAndTheBoard_only() throws Exception {
    PolicyVersion v1 = createBoardPolicy();
    byte[] v2 = next(v1.hash(), "k2");
    Proposal p = policies.propose(caller(ALICE), v2, List.of(), Optional.empty());

    assertThat(policies.proposalText(caller(CAROL), p.id())).contains("\"k2\"");
    assertThat(policies.proposals(caller(CAROL), NAME, true))
        .extracting(Proposal::id)
        .containsExactly(p.id());
    assertThatThrownBy(() -> policies.proposalText(caller(MALLORY), p.id()))
        .extracting(e -> ((CasException) e).type())
        .isEqualTo(Type.FORBIDDEN);
    assertThatThrownBy(() -> policies.proposal(caller(MALLORY), "A".repeat(22)))
        .extracting(e -> ((CasException) e).type())
        .isEqualTo(Type.NOT_FOUND);
    assertThatThrownBy(() -> policies.proposal(caller(ALICE), "not-an-id"))
        .extracting(e -> ((CasException) e).type())
        .isEqualTo(Type.BAD_REQUEST);
  }

  // The untrusted store.

  @Test
  void aFlippedByteInAStoredBody_failsTheRead_neverGivesAnotherPolicy() throws Exception {
    createBoardPolicy();
    store.versions =
        row -> {
          byte[] body = row.body();
          body[body.length - 1] ^= 1;
          return withBody(row, body);
        };

    assertThatThrownBy(() -> policies.read(caller(ALICE), NAME, Optional.empty()))
        .extracting(e -> ((CasException) e).type())
        .isEqualTo(Type.INTERNAL);
  }

  @Test
  void aBodyMovedFromAnotherPolicyOrVersion_failsTheRead() throws Exception {
    PolicyVersion v1 = createBoardPolicy();
    policies.create(caller(ALICE), simple("hospital/other"), List.of());
    byte[] v2 = next(v1.hash(), "k2");
    policies.propose(
        caller(ALICE),
        v2,
        List.of(
            approve(ALICE, NAME, v2, Optional.of(v1.hash())),
            approve(BOB, NAME, v2, Optional.of(v1.hash()))),
        Optional.empty());
    PolicyVersionRow other = store.read(tx -> tx.policyVersion("hospital/other", 1)).orElseThrow();
    PolicyVersionRow first = store.read(tx -> tx.policyVersion(NAME, 1)).orElseThrow();

    store.versions = row -> row.name().equals(NAME) ? withBody(row, other.body()) : row;
    assertThatThrownBy(() -> policies.read(caller(ALICE), NAME, Optional.empty()))
        .extracting(e -> ((CasException) e).type())
        .isEqualTo(Type.INTERNAL);

    store.versions = row -> row.version() == 2 ? withBody(row, first.body()) : row;
    assertThatThrownBy(() -> policies.read(caller(ALICE), NAME, Optional.empty()))
        .extracting(e -> ((CasException) e).type())
        .isEqualTo(Type.INTERNAL);
  }

  @Test
  void aSwappedHashColumn_failsTheRead() throws Exception {
    createBoardPolicy();
    policies.create(caller(ALICE), simple("hospital/other"), List.of());
    String otherHash = hash(simple("hospital/other"));
    store.versions =
        row ->
            row.name().equals("hospital/other")
                ? row
                : new PolicyVersionRow(
                    row.name(),
                    row.version(),
                    otherHash,
                    row.predecessor(),
                    row.activatedAt(),
                    row.proposal(),
                    row.ledgerIndex(),
                    row.body());

    assertThatThrownBy(() -> policies.read(caller(ALICE), NAME, Optional.empty()))
        .extracting(e -> ((CasException) e).type())
        .isEqualTo(Type.INTERNAL);
  }

  @Test
  void aCreatorColumnMovedFromAnotherPolicy_failsTheRead_neverMakesSomebodyElseTheCreator()
      throws Exception {
    createBoardPolicy();
    policies.create(caller(BOB), simple("bob/other"), List.of());
    PolicyRow bobs = store.read(tx -> tx.policy("bob/other")).orElseThrow();
    store.policies =
        row ->
            row.name().equals(NAME)
                ? new PolicyRow(
                    row.name(),
                    bobs.creator(),
                    row.createdAt(),
                    row.currentVersion(),
                    row.currentHash())
                : row;

    assertThatThrownBy(() -> policies.read(caller(ALICE), NAME, Optional.empty()))
        .extracting(e -> ((CasException) e).type())
        .isEqualTo(Type.INTERNAL);
    assertThatThrownBy(() -> policies.read(caller(BOB), NAME, Optional.empty()))
        .extracting(e -> ((CasException) e).type())
        .isEqualTo(Type.INTERNAL);
  }

  @Test
  void theCreatorColumn_holdsNoIdentityInClear() throws Exception {
    createBoardPolicy();
    PolicyRow row = store.read(tx -> tx.policy(NAME)).orElseThrow();
    assertThat(row.creator()).doesNotContain(ALICE.identity().toString());
    assertThat(policies.read(caller(ALICE), NAME, Optional.empty()).creator())
        .isEqualTo(ALICE.identity());
  }

  private static PolicyVersionRow withBody(PolicyVersionRow row, byte[] body) {
    return new PolicyVersionRow(
        row.name(),
        row.version(),
        row.hash(),
        row.predecessor(),
        row.activatedAt(),
        row.proposal(),
        row.ledgerIndex(),
        body);
  }

  @Test
  void secretValues_neverReachTheLedgerNorAnyAnswer() throws Exception {
    String s1 = "Sup3rSecretValue-one-7f3a";
    String s2 = "Sup3rSecretValue-two-91c2";
    String s3 = "Sup3rSecretValue-three-44d0";
    byte[] first =
        boardPolicy(Optional.empty(), "secrets:\n  - {name: db, kind: ascii, value: " + s1 + "}\n");
    PolicyVersion v1 = policies.create(caller(ALICE), first, List.of());
    byte[] v2 =
        boardPolicy(
            Optional.of(v1.hash()),
            "secrets:\n  - {name: db, kind: ascii, value: "
                + s2
                + "}\n"
                + "  - {name: api, kind: ascii, value: "
                + s3
                + "}\n");
    Proposal p = policies.propose(caller(ALICE), v2, List.of(), Optional.empty());
    List<String> answers = new ArrayList<>();
    answers.add(policies.proposalText(caller(BOB), p.id()));
    answers.add(policies.proposal(caller(BOB), p.id()).toString());
    policies.approve(caller(ALICE), p.id(), approve(ALICE, NAME, v2, Optional.of(v1.hash())));
    policies.approve(caller(BOB), p.id(), approve(BOB, NAME, v2, Optional.of(v1.hash())));
    answers.add(policies.read(caller(BOB), NAME, Optional.empty()).toString());
    answers.add(policies.read(caller(BOB), NAME, Optional.of(1)).toString());
    answers.add(policies.history(caller(BOB), NAME).toString());
    assertThatThrownBy(() -> policies.read(caller(MALLORY), NAME, Optional.empty()));

    StringBuilder ledger = new StringBuilder();
    for (byte[] entry : store.ledger().entries(0, (int) store.ledger().size())) {
      ledger.append(new String(entry, StandardCharsets.UTF_8)).append('\n');
    }
    List<byte[]> rows =
        store.read(tx -> {
          List<byte[]> out = new ArrayList<>();
          tx.policyVersions(NAME).forEach(r -> out.add(r.body()));
          tx.proposals(NAME).forEach(r -> out.add(r.body()));
          tx.ballots(p.id()).forEach(r -> out.add(r.approval().orElse(new byte[0])));
          return out;
        });
    String stored =
        rows.stream().map(b -> new String(b, StandardCharsets.ISO_8859_1)).toList().toString();
    for (String secret : List.of(s1, s2, s3)) {
      assertThat(ledger.toString()).doesNotContain(secret);
      assertThat(stored).doesNotContain(secret);
      assertThat(answers).noneMatch(a -> a.contains(secret));
    }
    assertThat(answers.get(2)).contains("value_sha256");
  }
}
