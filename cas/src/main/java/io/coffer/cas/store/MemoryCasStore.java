package io.coffer.cas.store;

import io.coffer.cas.service.CasException;
import io.coffer.cas.service.CasException.Type;
import io.coffer.cas.service.ProposalState;
import io.coffer.ledger.log.Ledger;
import io.coffer.ledger.log.LedgerException;
import io.coffer.ledger.log.LedgerOptions;
import io.coffer.ledger.merkle.TreeHead;
import io.coffer.ledger.store.MemoryLogStore;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A {@link CasStore} in memory, for tests and development: nothing survives the process.
 *
 * <p>Each write runs under one lock on a copy of the state; the copy replaces the state only when
 * the operation returns and its ledger entries are appended, so an operation that throws leaves no
 * trace. Reads run on the last committed state without the lock. The ledger is a {@link Ledger}
 * over a {@link MemoryLogStore}, written only by this store.
 *
 * <p>Not protected against: anything, as for every store; this one also loses everything on exit.
 */
public final class MemoryCasStore implements CasStore {

  private final ReentrantLock writer = new ReentrantLock();
  private final MemoryLogStore log = new MemoryLogStore();
  private final LedgerOptions options;
  private final Ledger ledger;
  private final List<CommitListener> listeners = new CopyOnWriteArrayList<>();
  private volatile MemoryCasState committed = new MemoryCasState();
  private volatile boolean failed;
  private volatile boolean closed;

  /** An empty store with a ledger of {@link LedgerOptions#defaults()}. */
  public MemoryCasStore() {
    this(LedgerOptions.defaults());
  }

  /** An empty store with a ledger of {@code options}. */
  public MemoryCasStore(LedgerOptions options) {
    this.options = Objects.requireNonNull(options, "options");
    try {
      this.ledger = Ledger.open(log, options);
    } catch (LedgerException e) {
      // An empty memory log has no checkpoint to disagree with and cannot fail to read.
      throw new IllegalStateException("cannot open a ledger over an empty memory log", e);
    }
  }

  @Override
  public <T> T write(WriteOperation<T> operation) throws CasException {
    Objects.requireNonNull(operation, "operation");
    writer.lock();
    try {
      requireWritable();
      long base = ledger.size();
      MemoryCasState working = committed.copy();
      Tx tx = new Tx(working, base, options.maxEntrySizeBytes());
      T result;
      try {
        result = operation.run(tx);
      } finally {
        tx.done = true;
      }
      appendAll(tx.events, base);
      committed = working;
      notifyListeners(ledger.head());
      return result;
    } finally {
      writer.unlock();
    }
  }

  /** Appends the operation's entries as one batch and checks they got the indices promised. */
  private void appendAll(List<byte[]> events, long base) throws CasException {
    if (events.isEmpty()) {
      return;
    }
    List<CompletableFuture<Long>> futures = new ArrayList<>(events.size());
    for (byte[] event : events) {
      futures.add(ledger.append(event));
    }
    for (int i = 0; i < futures.size(); i++) {
      long index;
      try {
        index = futures.get(i).join();
      } catch (CompletionException e) {
        failed = true;
        throw new CasException(
            Type.UNAVAILABLE,
            "the ledger failed; the operation's outcome is unknown and the store refuses writes",
            e.getCause());
      }
      if (index != base + i) {
        failed = true;
        throw new CasException(
            Type.UNAVAILABLE,
            "the ledger put entry " + (base + i) + " at " + index + "; the store refuses writes");
      }
    }
  }

  private void notifyListeners(TreeHead head) throws CasException {
    for (CommitListener listener : listeners) {
      try {
        listener.committed(head);
      } catch (Exception e) {
        failed = true;
        throw new CasException(
            Type.UNAVAILABLE,
            "a commit listener failed; the outcome is unknown (the operation is committed but"
                + " not acknowledged), and the store refuses writes until reopened",
            e);
      }
    }
  }

  private void requireWritable() throws CasException {
    if (closed) {
      throw new CasException(Type.UNAVAILABLE, "the store is closed");
    }
    if (failed) {
      throw new CasException(Type.UNAVAILABLE, "the store failed and refuses writes");
    }
  }

  @Override
  public <T> T read(ReadOperation<T> operation) throws CasException {
    Objects.requireNonNull(operation, "operation");
    if (closed) {
      throw new CasException(Type.UNAVAILABLE, "the store is closed");
    }
    return operation.run(new Reader(committed));
  }

  @Override
  public Ledger ledger() {
    return ledger;
  }

  @Override
  public void onCommit(CommitListener listener) {
    listeners.add(Objects.requireNonNull(listener, "listener"));
  }

  @Override
  public void close() {
    writer.lock();
    try {
      if (closed) {
        return;
      }
      closed = true;
      ledger.close();
      log.close();
    } finally {
      writer.unlock();
    }
  }

  /** Reads of one state. */
  private static class Reader implements ReadTransaction {

    final MemoryCasState state;

    Reader(MemoryCasState state) {
      this.state = state;
    }

    @Override
    public Optional<byte[]> meta(String key) {
      return Optional.ofNullable(state.meta.get(Objects.requireNonNull(key, "key")))
          .map(byte[]::clone);
    }

    @Override
    public Optional<PolicyRow> policy(String name) {
      return Optional.ofNullable(state.policies.get(Objects.requireNonNull(name, "name")));
    }

    @Override
    public List<String> policyNames(String prefix, int limit) {
      Objects.requireNonNull(prefix, "prefix");
      if (limit < 0) {
        throw new IllegalArgumentException("limit must be >= 0");
      }
      List<String> out = new ArrayList<>();
      for (String name : state.policies.tailMap(prefix, true).keySet()) {
        if (!name.startsWith(prefix) || out.size() >= limit) {
          break;
        }
        out.add(name);
      }
      return out;
    }

    @Override
    public Optional<PolicyVersionRow> policyVersion(String name, int version) {
      return state.versions.getOrDefault(name, List.of()).stream()
          .filter(v -> v.version() == version)
          .findFirst();
    }

    @Override
    public List<PolicyVersionRow> policyVersions(String name) {
      return List.copyOf(state.versions.getOrDefault(name, List.of()));
    }

    @Override
    public Optional<ProposalRow> proposal(String id) {
      return Optional.ofNullable(state.proposals.get(Objects.requireNonNull(id, "id")));
    }

    @Override
    public List<ProposalRow> proposals(String name) {
      List<String> ids = state.proposalsByPolicy.getOrDefault(name, List.of());
      List<ProposalRow> out = new ArrayList<>(ids.size());
      for (int i = ids.size() - 1; i >= 0; i--) {
        out.add(state.proposals.get(ids.get(i)));
      }
      return out;
    }

    @Override
    public List<ProposalRow> openProposals(String name) {
      return proposals(name).stream().filter(p -> p.state() == ProposalState.OPEN).toList();
    }

    @Override
    public List<BallotRow> ballots(String proposalId) {
      return List.copyOf(state.ballots.getOrDefault(proposalId, List.of()));
    }

    @Override
    public Optional<SecretRow> latestSecret(String policy, String name) {
      TreeMap<Integer, SecretRow> values = state.secrets.get(new MemoryCasState.Key(policy, name));
      return values == null || values.isEmpty()
          ? Optional.empty()
          : Optional.of(values.lastEntry().getValue());
    }

    @Override
    public Optional<SecretRow> secret(String policy, String name, int version) {
      TreeMap<Integer, SecretRow> values = state.secrets.get(new MemoryCasState.Key(policy, name));
      return values == null ? Optional.empty() : Optional.ofNullable(values.get(version));
    }

    @Override
    public Optional<VolumeTagRow> volumeTag(String policy, String volume) {
      return Optional.ofNullable(state.volumeTags.get(new MemoryCasState.Key(policy, volume)));
    }
  }

  /** Reads and writes of one write operation, on its own copy of the state. */
  private static final class Tx extends Reader implements WriteTransaction {

    private final long base;
    private final int maxEntrySizeBytes;
    private final List<byte[]> events = new ArrayList<>();
    private boolean done;

    Tx(MemoryCasState state, long base, int maxEntrySizeBytes) {
      super(state);
      this.base = base;
      this.maxEntrySizeBytes = maxEntrySizeBytes;
    }

    private void requireOpen() {
      if (done) {
        throw new IllegalStateException("the write transaction is over");
      }
    }

    @Override
    public void putMeta(String key, byte[] value) {
      requireOpen();
      state.meta.put(Objects.requireNonNull(key, "key"), value.clone());
    }

    @Override
    public void insertPolicy(PolicyRow policy) throws CasException {
      requireOpen();
      if (state.policies.containsKey(policy.name())) {
        throw new CasException(
            Type.ALREADY_EXISTS, "a policy named " + policy.name() + " exists already");
      }
      state.policies.put(policy.name(), policy);
    }

    @Override
    public void advancePolicy(String name, int expectedVersion, int newVersion, String newHash)
        throws CasException {
      requireOpen();
      Objects.requireNonNull(newHash, "newHash");
      PolicyRow row = state.policies.get(name);
      if (row == null) {
        throw new CasException(Type.NOT_FOUND, "no policy named " + name);
      }
      if (row.currentVersion() != expectedVersion) {
        throw new CasException(
            Type.STALE_PREDECESSOR,
            "policy "
                + name
                + " is at version "
                + row.currentVersion()
                + ", not "
                + expectedVersion);
      }
      state.policies.put(
          name, new PolicyRow(name, row.creator(), row.createdAt(), newVersion, newHash));
    }

    @Override
    public void insertPolicyVersion(PolicyVersionRow version) throws CasException {
      requireOpen();
      List<PolicyVersionRow> versions = state.versions(version.name());
      int at = 0;
      while (at < versions.size() && versions.get(at).version() < version.version()) {
        at++;
      }
      if (at < versions.size() && versions.get(at).version() == version.version()) {
        throw new CasException(
            Type.INTERNAL,
            "version " + version.version() + " of " + version.name() + " exists already");
      }
      versions.add(at, version);
    }

    @Override
    public void insertProposal(ProposalRow proposal) throws CasException {
      requireOpen();
      if (state.proposals.containsKey(proposal.id())) {
        throw new CasException(Type.INTERNAL, "proposal " + proposal.id() + " exists already");
      }
      state.proposals.put(proposal.id(), proposal);
      state.proposalIds(proposal.name()).add(proposal.id());
    }

    @Override
    public void closeProposal(String id, ProposalState newState, Instant at) throws CasException {
      requireOpen();
      Objects.requireNonNull(newState, "newState");
      Objects.requireNonNull(at, "at");
      if (newState == ProposalState.OPEN) {
        throw new IllegalArgumentException("a proposal closes into another state than OPEN");
      }
      ProposalRow p = state.proposals.get(id);
      if (p == null) {
        throw new CasException(Type.NOT_FOUND, "no proposal " + id);
      }
      if (p.state() != ProposalState.OPEN) {
        throw new CasException(
            Type.PROPOSAL_CLOSED,
            "proposal " + id + " is " + p.state().name().toLowerCase(Locale.ROOT));
      }
      state.proposals.put(
          id,
          new ProposalRow(
              p.id(),
              p.name(),
              p.hash(),
              p.predecessor(),
              p.proposer(),
              p.createdAt(),
              p.expiresAt(),
              newState,
              Optional.of(at),
              p.body()));
    }

    @Override
    public void insertBallot(BallotRow ballot) throws CasException {
      requireOpen();
      List<BallotRow> ballots = state.ballots(ballot.proposalId());
      for (BallotRow b : ballots) {
        if (b.voter().equals(ballot.voter())) {
          throw new CasException(
              Type.ALREADY_EXISTS,
              ballot.voter() + " voted on proposal " + ballot.proposalId() + " already");
        }
      }
      ballots.add(ballot);
    }

    @Override
    public void insertSecret(SecretRow row) throws CasException {
      requireOpen();
      TreeMap<Integer, SecretRow> values = state.secrets(row.policy(), row.name());
      if (values.containsKey(row.version())) {
        throw new CasException(
            Type.ALREADY_EXISTS,
            "secret " + row.policy() + "/" + row.name() + "@" + row.version() + " exists already");
      }
      values.put(row.version(), row);
    }

    @Override
    public void setVolumeTag(
        String policy, String volume, long expectedGeneration, byte[] tag, Instant at)
        throws CasException {
      requireOpen();
      MemoryCasState.Key key = new MemoryCasState.Key(policy, volume);
      VolumeTagRow current = state.volumeTags.get(key);
      long generation = current == null ? 0 : current.generation();
      if (expectedGeneration != generation || expectedGeneration == Long.MAX_VALUE) {
        throw new CasException(
            Type.STALE_TAG,
            "volume "
                + volume
                + " of policy "
                + policy
                + (current == null ? " has no tag" : " is at generation " + generation)
                + ", not "
                + expectedGeneration);
      }
      state.volumeTags.put(
          key,
          new VolumeTagRow(
              policy, volume, expectedGeneration + 1, tag, at.truncatedTo(ChronoUnit.MICROS)));
    }

    @Override
    public void useNonce(String nonceId, Instant expiresAt) throws CasException {
      requireOpen();
      JdbcWriteTransaction.requireNonceId(nonceId);
      Instant expiry = expiresAt.truncatedTo(ChronoUnit.MICROS);
      if (state.usedNonces.putIfAbsent(nonceId, expiry) != null) {
        throw new CasException(Type.ALREADY_EXISTS, "nonce " + nonceId + " was used already");
      }
    }

    @Override
    public int purgeNonces(Instant expiredBefore) {
      requireOpen();
      Instant before = expiredBefore.truncatedTo(ChronoUnit.MICROS);
      int size = state.usedNonces.size();
      state.usedNonces.values().removeIf(expiry -> expiry.isBefore(before));
      return size - state.usedNonces.size();
    }

    @Override
    public long appendEvent(byte[] entry) throws CasException {
      requireOpen();
      if (entry.length > maxEntrySizeBytes) {
        throw new CasException(
            Type.INTERNAL,
            "a ledger entry of " + entry.length + " bytes is over " + maxEntrySizeBytes);
      }
      events.add(entry.clone());
      return base + events.size() - 1;
    }
  }
}
