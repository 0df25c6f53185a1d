package io.coffer.cas.governance;

import io.coffer.cas.events.AccessDenied;
import io.coffer.cas.events.AccessDenied.Operation;
import io.coffer.cas.events.AccessDenied.Reason;
import io.coffer.cas.events.EventCodec;
import io.coffer.cas.events.PolicyCreated;
import io.coffer.cas.seal.Barrier;
import io.coffer.cas.service.ActivePolicy;
import io.coffer.cas.service.Caller;
import io.coffer.cas.service.CasException;
import io.coffer.cas.service.CasException.Type;
import io.coffer.cas.service.PolicyDirectory;
import io.coffer.cas.service.PolicyService;
import io.coffer.cas.service.PolicyVersion;
import io.coffer.cas.service.PolicyView;
import io.coffer.cas.service.Proposal;
import io.coffer.cas.store.CasStore;
import io.coffer.cas.store.PolicyRow;
import io.coffer.cas.store.PolicyVersionRow;
import io.coffer.cas.store.ReadTransaction;
import io.coffer.cas.store.WriteTransaction;
import io.coffer.policy.Problem;
import io.coffer.policy.governance.Approval;
import io.coffer.policy.governance.ApprovalMessage;
import io.coffer.policy.governance.Governance;
import io.coffer.policy.governance.GovernanceException;
import io.coffer.policy.governance.Identity;
import io.coffer.policy.governance.SignatureCache;
import io.coffer.policy.model.PolicyName;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The {@link PolicyService} over a {@link CasStore}: policies, their versions and their governance,
 * each change one store write together with its ledger events ({@code io.coffer.cas.events}).
 *
 * <p>Access is decided exactly as {@link PolicyService} documents it, with these choices:
 *
 * <ul>
 *   <li>A caller refused for want of rights on an existing policy gets {@code FORBIDDEN}, and an
 *       {@code access.denied} event records the refusal; a policy that does not exist is {@code
 *       NOT_FOUND}. That a name is taken is not a secret: {@code create} answers {@code
 *       ALREADY_EXISTS} for it anyway, so hiding it from readers would protect nothing, while the
 *       record of every refusal is what auditors need.
 *   <li>Proposals and their text may be seen by readers and by every identity the current update
 *       rule counts: the approvers must be able to review what they sign.
 *   <li>An approval (given to {@code approve} or with a proposal) by an identity the current update
 *       rule does not count is refused as {@code FORBIDDEN}; one whose signature does not verify
 *       for exactly this change is {@code INVALID_APPROVAL}.
 *   <li>Expiry is recorded lazily: the first write that touches an open proposal past its expiry
 *       closes it {@code EXPIRED} with a {@code policy.expired} event, then refuses with {@code
 *       PROPOSAL_CLOSED}. Reads show such a proposal as {@code EXPIRED} without writing.
 * </ul>
 *
 * <p>Security guarantees: secret values are never returned nor written to the ledger (texts are
 * {@code PolicyHash.canonicalText}); every stored body opens only for its own row and must hash to
 * what its row claims; updates are authorised by the current version's update rule only, with
 * approvals re-verified from their signatures at every evaluation; a proposal that left {@code
 * OPEN} never activates, and of two proposals for one predecessor at most one does (the store
 * serialises writes and activation moves the policy by compare-and-set).
 *
 * <p>Not protected against: a store that rolls back whole rows (the ledger's checkpoints and the
 * witnesses catch it). The creator column of a policy row is a barrier ciphertext bound to the
 * policy's name, so a store cannot make {@code CREATOR} stand for somebody else.
 */
public final class GovernedPolicies implements PolicyService, PolicyDirectory {

  /** The most names one {@link #list} looks at. */
  public static final int MAX_LIST = 10_000;

  /** The longest rejection reason, in characters. */
  public static final int MAX_REASON_CHARS = 1_000;

  private final CasStore store;
  private final StoredPolicies stored;
  private final InstantSource clock;
  private final Proposals proposals;

  /**
   * Signatures this CAS has found valid: an approval is verified when it arrives, off the writer's
   * thread, and again (from the store, which is untrusted) at every evaluation; the second is a
   * cache hit for exactly the same bytes.
   */
  private final SignatureCache signatures = new SignatureCache(SignatureCache.DEFAULT_ENTRIES);

  public GovernedPolicies(
      CasStore store, Barrier barrier, InstantSource clock, SecureRandom random) {
    this.store = Objects.requireNonNull(store, "store");
    this.stored = new StoredPolicies(barrier);
    this.clock = Objects.requireNonNull(clock, "clock");
    this.proposals =
        new Proposals(store, stored, Objects.requireNonNull(random, "random"), signatures);
  }

  @Override
  public Optional<ActivePolicy> current(String name) throws CasException {
    Objects.requireNonNull(name, "name");
    return store.read(tx ->
        stored
            .current(tx, name)
            .map(c -> new ActivePolicy(c.policy(), c.parsed().hash(), c.versionRow().version())));
  }

  @Override
  public Optional<ActivePolicy> version(String name, int version) throws CasException {
    Objects.requireNonNull(name, "name");
    return store.read(tx -> {
      Optional<PolicyVersionRow> row = tx.policyVersion(name, version);
      if (row.isEmpty()) {
        return Optional.<ActivePolicy>empty();
      }
      if (!row.get().name().equals(name) || row.get().version() != version) {
        throw StoredPolicies.corrupt("the store returned another version than asked");
      }
      ParsedPolicy parsed = stored.version(row.get());
      return Optional.of(new ActivePolicy(parsed.policy(), parsed.hash(), version));
    });
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }

  @Override
  public PolicyVersion create(Caller caller, byte[] policyYaml, List<Approval> approvals)
      throws CasException {
    Objects.requireNonNull(caller, "caller");
    ParsedPolicy parsed = ParsedPolicy.parse(policyYaml.clone());
    if (parsed.policy().predecessor().isPresent()) {
      throw new CasException(
          Type.INVALID_POLICY,
          "a new policy has no predecessor",
          List.of(new Problem(ParsedPolicy.FILE, 0, 0, "predecessor", "not allowed on create")),
          null);
    }
    String name = parsed.name();
    String hash = parsed.hash();
    Set<Identity> approvers =
        verified(approvals, message(name, hash, Optional.empty()), signatures);
    Instant now = now();
    return finish(
        store.write(tx -> {
          Optional<Current> ancestor = nearestAncestor(tx, name);
          if (ancestor.isPresent()) {
            Set<Identity> identities = new LinkedHashSet<>(caller.identities());
            identities.addAll(approvers);
            Current a = ancestor.get();
            if (!Governance.satisfiedBy(a.policy().access().create(), identities, a.creator())) {
              return deny(
                  tx,
                  denial(now, caller, Operation.CREATE, name, Optional.empty(), Reason.CREATE_RULE),
                  "the create rule of " + a.name() + " is not satisfied");
            }
          }
          Identity creator = caller.primary();
          tx.insertPolicy(new PolicyRow(name, stored.sealCreator(name, creator), now, 1, hash));
          long index =
              tx.appendEvent(
                  EventCodec.encode(
                      new PolicyCreated(now, name, hash, creator, List.copyOf(approvers))));
          PolicyVersionRow row =
              new PolicyVersionRow(
                  name,
                  1,
                  hash,
                  Optional.empty(),
                  now,
                  Optional.empty(),
                  index,
                  stored.seal(StoredPolicies.versionRow(name, 1), parsed));
          tx.insertPolicyVersion(row);
          return Outcome.of(version(row));
        }));
  }

  /** The nearest existing policy above {@code name} in its namespace. */
  private Optional<Current> nearestAncestor(ReadTransaction tx, String name) throws CasException {
    Optional<PolicyName> parent = new PolicyName(name).parent();
    while (parent.isPresent()) {
      Optional<Current> found = stored.current(tx, parent.get().value());
      if (found.isPresent()) {
        return found;
      }
      parent = parent.get().parent();
    }
    return Optional.empty();
  }

  @Override
  public PolicyView read(Caller caller, String name, Optional<Integer> version)
      throws CasException {
    requireName(name);
    Instant now = now();
    return finish(
        store.read(tx -> {
          Current c = stored.existing(tx, name);
          if (!readable(c, caller)) {
            return denied(
                denial(now, caller, Operation.READ, name, Optional.empty(), Reason.READ_RULE),
                "the read rule of " + name + " is not satisfied");
          }
          if (version.isEmpty() || version.get() == c.row().currentVersion()) {
            return Outcome.of(
                new PolicyView(version(c.versionRow()), c.creator(), c.parsed().text()));
          }
          PolicyVersionRow row =
              tx.policyVersion(name, version.get())
                  .orElseThrow(() ->
                      new CasException(
                          Type.NOT_FOUND, "policy " + name + " has no version " + version.get()));
          if (row.version() != version.get() || !row.name().equals(name)) {
            throw StoredPolicies.corrupt("the store returned another version than asked");
          }
          return Outcome.of(new PolicyView(version(row), c.creator(), stored.version(row).text()));
        }));
  }

  @Override
  public List<String> list(Caller caller, Optional<String> namePrefix) throws CasException {
    String prefix = namePrefix.orElse("");
    if (prefix.length() > PolicyName.MAX_LENGTH) {
      throw new CasException(Type.BAD_REQUEST, "a name prefix is at most a name long");
    }
    return store.read(tx -> {
      List<String> out = new ArrayList<>();
      for (String name : tx.policyNames(prefix, MAX_LIST)) {
        Optional<Current> c = stored.current(tx, name);
        if (c.isPresent() && readable(c.get(), caller)) {
          out.add(name);
        }
      }
      return out;
    });
  }

  @Override
  public List<PolicyVersion> history(Caller caller, String name) throws CasException {
    requireName(name);
    Instant now = now();
    return finish(
        store.read(tx -> {
          Current c = stored.existing(tx, name);
          if (!readable(c, caller)) {
            return denied(
                denial(now, caller, Operation.HISTORY, name, Optional.empty(), Reason.READ_RULE),
                "the read rule of " + name + " is not satisfied");
          }
          List<PolicyVersion> out = new ArrayList<>();
          for (PolicyVersionRow row : tx.policyVersions(name)) {
            if (!row.name().equals(name) || row.version() != out.size() + 1) {
              throw StoredPolicies.corrupt("the versions of " + name + " are not in order");
            }
            stored.version(row);
            out.add(version(row));
          }
          return Outcome.of(out);
        }));
  }

  @Override
  public Proposal propose(
      Caller caller, byte[] policyYaml, List<Approval> approvals, Optional<Duration> lifetime)
      throws CasException {
    return finish(proposals.propose(caller, policyYaml.clone(), approvals, lifetime, now()));
  }

  @Override
  public Proposal approve(Caller caller, String proposalId, Approval approval) throws CasException {
    return finish(proposals.approve(caller, proposalId, approval, now()));
  }

  @Override
  public Proposal reject(Caller caller, String proposalId, Optional<String> reason)
      throws CasException {
    if (reason.isPresent() && reason.get().length() > MAX_REASON_CHARS) {
      throw new CasException(
          Type.BAD_REQUEST, "a rejection's reason has at most " + MAX_REASON_CHARS + " characters");
    }
    return finish(proposals.reject(caller, proposalId, reason, now()));
  }

  @Override
  public Proposal withdraw(Caller caller, String proposalId) throws CasException {
    return finish(proposals.withdraw(caller, proposalId, now()));
  }

  @Override
  public Proposal proposal(Caller caller, String proposalId) throws CasException {
    return finish(proposals.proposal(caller, proposalId, now()));
  }

  @Override
  public List<Proposal> proposals(Caller caller, String name, boolean openOnly)
      throws CasException {
    requireName(name);
    return finish(proposals.list(caller, name, openOnly, now()));
  }

  @Override
  public String proposalText(Caller caller, String proposalId) throws CasException {
    return finish(proposals.text(caller, proposalId, now()));
  }

  /** The value, or the refusal (recording a denial a read could not record). */
  private <T> T finish(Outcome<T> outcome) throws CasException {
    if (!outcome.isRefused()) {
      return outcome.value();
    }
    if (outcome.unrecorded().isPresent()) {
      byte[] event = EventCodec.encode(outcome.unrecorded().get());
      store.write(tx -> {
        tx.appendEvent(event);
        return null;
      });
    }
    throw outcome.refusal();
  }

  // Shared by the operations on proposals.

  static boolean readable(Current c, Caller caller) {
    return Governance.satisfiedBy(c.policy().access().read(), caller.identities(), c.creator());
  }

  static AccessDenied denial(
      Instant now,
      Caller caller,
      Operation operation,
      String name,
      Optional<String> proposal,
      Reason reason) {
    return new AccessDenied(now, caller.primary(), operation, name, proposal, reason);
  }

  /** Appends the denial in this write and refuses. */
  static <T> Outcome<T> deny(WriteTransaction tx, AccessDenied event, String why)
      throws CasException {
    tx.appendEvent(EventCodec.encode(event));
    return Outcome.refused(new CasException(Type.FORBIDDEN, why));
  }

  /** Refuses from a read, leaving the denial to be recorded. */
  static <T> Outcome<T> denied(AccessDenied event, String why) {
    return Outcome.denied(event, new CasException(Type.FORBIDDEN, why));
  }

  static ApprovalMessage message(String name, String hash, Optional<String> predecessor)
      throws CasException {
    try {
      return ApprovalMessage.of(name, hash, predecessor);
    } catch (GovernanceException e) {
      throw new CasException(Type.BAD_REQUEST, e.getMessage(), e);
    }
  }

  /**
   * The identities of {@code approvals}, each verified for {@code message}: {@code
   * INVALID_APPROVAL} for the first that does not verify.
   */
  static Set<Identity> verified(
      List<Approval> approvals, ApprovalMessage message, SignatureCache signatures)
      throws CasException {
    if (approvals.size() > Governance.MAX_APPROVALS) {
      throw new CasException(
          Type.BAD_REQUEST, "at most " + Governance.MAX_APPROVALS + " approvals at once");
    }
    Set<Identity> out = new LinkedHashSet<>();
    for (Approval approval : approvals) {
      try {
        out.add(approval.verify(message, signatures));
      } catch (GovernanceException e) {
        throw new CasException(Type.INVALID_APPROVAL, e.getMessage(), e);
      }
    }
    return out;
  }

  static void requireName(String name) throws CasException {
    String problem = PolicyName.problem(name);
    if (problem != null) {
      throw new CasException(Type.BAD_REQUEST, problem);
    }
  }

  static PolicyVersion version(PolicyVersionRow row) {
    return new PolicyVersion(
        row.name(),
        row.version(),
        row.hash(),
        row.predecessor(),
        row.activatedAt(),
        row.proposal(),
        row.ledgerIndex());
  }
}
