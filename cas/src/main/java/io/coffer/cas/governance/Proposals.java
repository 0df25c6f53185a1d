package io.coffer.cas.governance;

import static io.coffer.cas.governance.GovernedPolicies.denial;
import static io.coffer.cas.governance.GovernedPolicies.denied;
import static io.coffer.cas.governance.GovernedPolicies.deny;
import static io.coffer.cas.governance.GovernedPolicies.message;
import static io.coffer.cas.governance.GovernedPolicies.readable;

import io.coffer.cas.events.AccessDenied.Operation;
import io.coffer.cas.events.AccessDenied.Reason;
import io.coffer.cas.events.EventCodec;
import io.coffer.cas.events.PolicyApproved;
import io.coffer.cas.events.PolicyExpired;
import io.coffer.cas.events.PolicyProposed;
import io.coffer.cas.events.PolicyRejected;
import io.coffer.cas.events.PolicyWithdrawn;
import io.coffer.cas.service.Caller;
import io.coffer.cas.service.CasException;
import io.coffer.cas.service.CasException.Type;
import io.coffer.cas.service.PolicyService;
import io.coffer.cas.service.Proposal;
import io.coffer.cas.service.ProposalState;
import io.coffer.cas.store.BallotRow;
import io.coffer.cas.store.CasStore;
import io.coffer.cas.store.ProposalRow;
import io.coffer.cas.store.ReadTransaction;
import io.coffer.cas.store.WriteTransaction;
import io.coffer.policy.Problem;
import io.coffer.policy.governance.Approval;
import io.coffer.policy.governance.ApprovalMessage;
import io.coffer.policy.governance.Governance;
import io.coffer.policy.governance.GovernanceException;
import io.coffer.policy.governance.Identity;
import io.coffer.policy.governance.SignatureCache;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The governance state machine: proposals, ballots and activation. Every operation is one store
 * write (or read) returning an {@link Outcome}; see {@link GovernedPolicies} for the access model.
 */
final class Proposals {

  /** 128 random bits in unpadded base64url: 22 characters, the last of four. */
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{21}[AQgw]");

  private final CasStore store;
  private final StoredPolicies stored;
  private final SecureRandom random;
  private final SignatureCache signatures;

  Proposals(CasStore store, StoredPolicies stored, SecureRandom random, SignatureCache signatures) {
    this.store = store;
    this.stored = stored;
    this.random = random;
    this.signatures = signatures;
  }

  private String newId() {
    byte[] bytes = new byte[16];
    String id;
    do {
      random.nextBytes(bytes);
      id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
      // An id that starts with '-' reads as an option on a command line: draw again (the first
      // character then has 63 values, 127.9 random bits in all).
    } while (id.charAt(0) == '-');
    return id;
  }

  private static void requireId(String id) throws CasException {
    if (id == null || !ID.matcher(id).matches()) {
      throw new CasException(Type.BAD_REQUEST, "not a proposal id");
    }
  }

  Outcome<Proposal> propose(
      Caller caller,
      byte[] yaml,
      List<Approval> approvals,
      Optional<Duration> lifetime,
      Instant now)
      throws CasException {
    ParsedPolicy parsed = ParsedPolicy.parse(yaml);
    Optional<String> predecessor = parsed.policy().predecessor();
    if (predecessor.isEmpty()) {
      throw new CasException(
          Type.INVALID_POLICY,
          "a new version names its predecessor",
          List.of(
              new Problem(
                  ParsedPolicy.FILE, 0, 0, "predecessor", "required: the current version's hash")),
          null);
    }
    Duration life = lifetime.orElse(PolicyService.MAX_PROPOSAL_LIFETIME);
    if (life.isNegative()
        || life.isZero()
        || life.compareTo(PolicyService.MAX_PROPOSAL_LIFETIME) > 0) {
      throw new CasException(
          Type.BAD_REQUEST,
          "a proposal's lifetime is positive and at most "
              + PolicyService.MAX_PROPOSAL_LIFETIME.toDays()
              + " days");
    }
    String name = parsed.name();
    ApprovalMessage message = message(name, parsed.hash(), predecessor);
    GovernedPolicies.verified(approvals, message, signatures);
    String id = newId();
    return store.write(tx -> {
      Current c = stored.existing(tx, name);
      if (!readable(c, caller) && !counted(c, caller).isPresent()) {
        return deny(
            tx,
            denial(now, caller, Operation.PROPOSE, name, Optional.empty(), Reason.UPDATE_RULE),
            "neither the read rule of " + name + " nor its update rule names the caller");
      }
      for (Approval approval : approvals) {
        if (!counts(c, approval.identity())) {
          return deny(
              tx,
              denial(now, caller, Operation.PROPOSE, name, Optional.empty(), Reason.UPDATE_RULE),
              "the update rule of " + name + " does not count " + approval.identity().shortForm());
        }
      }
      if (!predecessor.get().equals(c.row().currentHash())) {
        throw new CasException(
            Type.STALE_PREDECESSOR,
            "the proposal replaces "
                + predecessor.get()
                + " but "
                + name
                + " is at "
                + c.row().currentHash());
      }
      ProposalRow row =
          new ProposalRow(
              id,
              name,
              parsed.hash(),
              predecessor.get(),
              caller.primary().toString(),
              now,
              now.plus(life),
              ProposalState.OPEN,
              Optional.empty(),
              stored.seal(StoredPolicies.proposalRow(id), parsed));
      tx.insertProposal(row);
      tx.appendEvent(
          EventCodec.encode(
              new PolicyProposed(
                  now,
                  name,
                  id,
                  row.hash(),
                  row.predecessor(),
                  caller.primary(),
                  row.expiresAt())));
      for (Approval approval : approvals) {
        recordApproval(tx, row, approval, now);
      }
      Activation.attempt(tx, stored, signatures, c, row, parsed, message, now);
      return Outcome.of(view(tx, requireProposal(tx, id), c, now));
    });
  }

  Outcome<Proposal> approve(Caller caller, String id, Approval approval, Instant now)
      throws CasException {
    requireId(id);
    // The signature is checked before the write, off the writer's thread. In the write, the same
    // change's check is then taken as it is (a valid signature is also a cache hit at evaluation);
    // a proposal the store shows differently in the write is checked there again.
    Optional<Checked> checked =
        store.read(tx -> {
          Optional<ProposalRow> row = tx.proposal(id);
          if (row.isEmpty() || !row.get().id().equals(id)) {
            return Optional.empty();
          }
          ApprovalMessage message = messageOf(row.get());
          return Optional.of(new Checked(message, check(approval, message)));
        });
    return store.write(tx -> {
      ProposalRow row = requireProposal(tx, id);
      ParsedPolicy parsed = stored.proposal(row);
      Current c = stored.existing(tx, row.name());
      if (!counts(c, approval.identity())) {
        return deny(
            tx,
            denial(now, caller, Operation.APPROVE, row.name(), Optional.of(id), Reason.UPDATE_RULE),
            "the update rule of "
                + row.name()
                + " does not count "
                + approval.identity().shortForm());
      }
      Optional<Outcome<Proposal>> closed = closedOrExpired(tx, row, c, now);
      if (closed.isPresent()) {
        return closed.get();
      }
      ApprovalMessage message = messageOf(row);
      Optional<GovernanceException> invalid =
          checked.isPresent() && Arrays.equals(checked.get().message().bytes(), message.bytes())
              ? checked.get().invalid()
              : check(approval, message);
      if (invalid.isPresent()) {
        throw new CasException(Type.INVALID_APPROVAL, invalid.get().getMessage(), invalid.get());
      }
      recordApproval(tx, row, approval, now);
      Activation.attempt(tx, stored, signatures, c, row, parsed, message, now);
      return Outcome.of(view(tx, requireProposal(tx, id), c, now));
    });
  }

  /** A signature checked for one change: {@code invalid} is empty when it verified. */
  private record Checked(ApprovalMessage message, Optional<GovernanceException> invalid) {}

  /** Why {@code approval} is not a valid signature of {@code message}; empty if it is. */
  private Optional<GovernanceException> check(Approval approval, ApprovalMessage message) {
    try {
      approval.verify(message, signatures);
      return Optional.empty();
    } catch (GovernanceException e) {
      return Optional.of(e);
    }
  }

  private static ApprovalMessage messageOf(ProposalRow row) throws CasException {
    return message(row.name(), row.hash(), Optional.of(row.predecessor()));
  }

  Outcome<Proposal> reject(Caller caller, String id, Optional<String> reason, Instant now)
      throws CasException {
    requireId(id);
    return store.write(tx -> {
      ProposalRow row = requireProposal(tx, id);
      stored.proposal(row);
      Current c = stored.existing(tx, row.name());
      Optional<Identity> voter = counted(c, caller);
      if (voter.isEmpty()) {
        return deny(
            tx,
            denial(now, caller, Operation.REJECT, row.name(), Optional.of(id), Reason.UPDATE_RULE),
            "the update rule of " + row.name() + " does not count the caller");
      }
      Optional<Outcome<Proposal>> closed = closedOrExpired(tx, row, c, now);
      if (closed.isPresent()) {
        return closed.get();
      }
      long index =
          tx.appendEvent(
              EventCodec.encode(new PolicyRejected(now, row.name(), id, row.hash(), voter.get())));
      tx.insertBallot(
          new BallotRow(id, voter.get().toString(), false, now, Optional.empty(), reason, index));
      tx.closeProposal(id, ProposalState.REJECTED, now);
      return Outcome.of(view(tx, requireProposal(tx, id), c, now));
    });
  }

  Outcome<Proposal> withdraw(Caller caller, String id, Instant now) throws CasException {
    requireId(id);
    return store.write(tx -> {
      ProposalRow row = requireProposal(tx, id);
      stored.proposal(row);
      Current c = stored.existing(tx, row.name());
      Optional<Identity> proposer =
          caller.identities().stream().filter(i -> i.toString().equals(row.proposer())).findFirst();
      if (proposer.isEmpty()) {
        return deny(
            tx,
            denial(
                now, caller, Operation.WITHDRAW, row.name(), Optional.of(id), Reason.NOT_PROPOSER),
            "only the proposer withdraws a proposal");
      }
      Optional<Outcome<Proposal>> closed = closedOrExpired(tx, row, c, now);
      if (closed.isPresent()) {
        return closed.get();
      }
      tx.closeProposal(id, ProposalState.WITHDRAWN, now);
      tx.appendEvent(
          EventCodec.encode(new PolicyWithdrawn(now, row.name(), id, row.hash(), proposer.get())));
      return Outcome.of(view(tx, requireProposal(tx, id), c, now));
    });
  }

  Outcome<Proposal> proposal(Caller caller, String id, Instant now) throws CasException {
    requireId(id);
    return store.read(tx -> {
      ProposalRow row = requireProposal(tx, id);
      Current c = stored.existing(tx, row.name());
      if (!mayReview(c, caller)) {
        return denied(
            denial(now, caller, Operation.PROPOSAL, row.name(), Optional.of(id), Reason.READ_RULE),
            "neither the read rule of " + row.name() + " nor its update rule names the caller");
      }
      stored.proposal(row);
      return Outcome.of(view(tx, row, c, now));
    });
  }

  Outcome<String> text(Caller caller, String id, Instant now) throws CasException {
    requireId(id);
    return store.read(tx -> {
      ProposalRow row = requireProposal(tx, id);
      Current c = stored.existing(tx, row.name());
      if (!mayReview(c, caller)) {
        return denied(
            denial(now, caller, Operation.PROPOSAL, row.name(), Optional.of(id), Reason.READ_RULE),
            "neither the read rule of " + row.name() + " nor its update rule names the caller");
      }
      return Outcome.of(stored.proposal(row).text());
    });
  }

  Outcome<List<Proposal>> list(Caller caller, String name, boolean openOnly, Instant now)
      throws CasException {
    return store.read(tx -> {
      Current c = stored.existing(tx, name);
      if (!mayReview(c, caller)) {
        return denied(
            denial(now, caller, Operation.PROPOSALS, name, Optional.empty(), Reason.READ_RULE),
            "neither the read rule of " + name + " nor its update rule names the caller");
      }
      List<Proposal> out = new ArrayList<>();
      for (ProposalRow row : tx.proposals(name)) {
        if (!row.name().equals(name)) {
          throw StoredPolicies.corrupt("the store listed a proposal of another policy");
        }
        Proposal p = view(tx, row, c, now);
        if (!openOnly || p.state() == ProposalState.OPEN) {
          out.add(p);
        }
      }
      return Outcome.of(out);
    });
  }

  private static ProposalRow requireProposal(ReadTransaction tx, String id) throws CasException {
    ProposalRow row =
        tx.proposal(id).orElseThrow(() -> new CasException(Type.NOT_FOUND, "no proposal " + id));
    if (!row.id().equals(id)) {
      throw StoredPolicies.corrupt("the store returned proposal " + row.id() + " for " + id);
    }
    return row;
  }

  /**
   * Refuses with {@code PROPOSAL_CLOSED} unless the proposal is open; an open proposal past its
   * expiry is closed {@code EXPIRED} first (its event commits with the refusal).
   */
  private static Optional<Outcome<Proposal>> closedOrExpired(
      WriteTransaction tx, ProposalRow row, Current c, Instant now) throws CasException {
    if (row.state() == ProposalState.OPEN && now.isAfter(row.expiresAt())) {
      expire(tx, row, now);
      return Optional.of(
          Outcome.refused(
              new CasException(
                  Type.PROPOSAL_CLOSED,
                  "proposal " + row.id() + " expired at " + row.expiresAt())));
    }
    if (row.state() != ProposalState.OPEN) {
      throw new CasException(
          Type.PROPOSAL_CLOSED,
          "proposal " + row.id() + " is " + row.state().name().toLowerCase(Locale.ROOT));
    }
    if (!row.predecessor().equals(c.row().currentHash())) {
      throw new CasException(
          Type.STALE_PREDECESSOR,
          "proposal "
              + row.id()
              + " replaces "
              + row.predecessor()
              + " but "
              + row.name()
              + " is at "
              + c.row().currentHash());
    }
    return Optional.empty();
  }

  /** Closes an open proposal past its expiry, with its event. */
  static void expire(WriteTransaction tx, ProposalRow row, Instant now) throws CasException {
    tx.closeProposal(row.id(), ProposalState.EXPIRED, now);
    tx.appendEvent(
        EventCodec.encode(
            new PolicyExpired(now, row.name(), row.id(), row.hash(), row.expiresAt())));
  }

  private static void recordApproval(
      WriteTransaction tx, ProposalRow row, Approval approval, Instant now) throws CasException {
    if (tx.ballots(row.id()).size() >= Ballots.MAX_BALLOTS) {
      throw new CasException(
          Type.BAD_REQUEST, "proposal " + row.id() + " has " + Ballots.MAX_BALLOTS + " ballots");
    }
    long index =
        tx.appendEvent(
            EventCodec.encode(
                new PolicyApproved(now, row.name(), row.id(), row.hash(), approval.identity())));
    tx.insertBallot(
        new BallotRow(
            row.id(),
            approval.identity().toString(),
            true,
            now,
            Optional.of(approval.toJson().getBytes(StandardCharsets.UTF_8)),
            Optional.empty(),
            index));
  }

  private static boolean counts(Current c, Identity identity) {
    return Governance.counts(c.policy().access().update(), identity, c.creator());
  }

  /** The caller's first identity (its key before its certificate) the update rule counts. */
  private static Optional<Identity> counted(Current c, Caller caller) {
    Set<Identity> identities = caller.identities();
    if (counts(c, caller.primary())) {
      return Optional.of(caller.primary());
    }
    return identities.stream().filter(i -> counts(c, i)).findFirst();
  }

  private static boolean mayReview(Current c, Caller caller) {
    return readable(c, caller) || counted(c, caller).isPresent();
  }

  private Proposal view(ReadTransaction tx, ProposalRow row, Current c, Instant now)
      throws CasException {
    ProposalState state =
        row.state() == ProposalState.OPEN && now.isAfter(row.expiresAt())
            ? ProposalState.EXPIRED
            : row.state();
    String explanation;
    if (state == ProposalState.OPEN && row.predecessor().equals(c.row().currentHash())) {
      explanation = Ballots.evaluate(tx, row.id(), c, messageOf(row), signatures).explanation();
    } else {
      explanation = state.name().toLowerCase(Locale.ROOT);
    }
    return new Proposal(
        row.id(),
        row.name(),
        row.hash(),
        row.predecessor(),
        StoredPolicies.identity(row.proposer(), "proposer"),
        row.createdAt(),
        row.expiresAt(),
        state,
        Ballots.views(tx.ballots(row.id())),
        explanation);
  }
}
