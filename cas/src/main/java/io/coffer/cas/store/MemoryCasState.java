package io.coffer.cas.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The rows of a {@link MemoryCasStore}; copied as a whole for each write (a store for tests need
 * not be fast at size). Rows are immutable records, so a copy shares them and copies only the maps
 * and lists that hold them.
 */
final class MemoryCasState {

  /** The key of a row keyed by a policy and a name in it (a secret, a volume). */
  record Key(String policy, String name) {}

  final Map<String, byte[]> meta;
  final TreeMap<String, PolicyRow> policies;
  final Map<String, List<PolicyVersionRow>> versions;
  final Map<String, ProposalRow> proposals;
  final Map<String, List<String>> proposalsByPolicy;
  final Map<String, List<BallotRow>> ballots;

  /** Per policy and secret name, its values by policy version. */
  final Map<Key, TreeMap<Integer, SecretRow>> secrets;

  final Map<Key, VolumeTagRow> volumeTags;

  /** Used nonce ids and their expiry, truncated to the microsecond as a JDBC store keeps it. */
  final Map<String, Instant> usedNonces;

  MemoryCasState() {
    this.meta = new HashMap<>();
    this.policies = new TreeMap<>();
    this.versions = new HashMap<>();
    this.proposals = new HashMap<>();
    this.proposalsByPolicy = new HashMap<>();
    this.ballots = new HashMap<>();
    this.secrets = new HashMap<>();
    this.volumeTags = new HashMap<>();
    this.usedNonces = new HashMap<>();
  }

  /** A copy whose maps and lists can change without touching this one. */
  private MemoryCasState(MemoryCasState from) {
    this.meta = new HashMap<>(from.meta);
    this.policies = new TreeMap<>(from.policies);
    this.versions = deep(from.versions);
    this.proposals = new HashMap<>(from.proposals);
    this.proposalsByPolicy = deep(from.proposalsByPolicy);
    this.ballots = deep(from.ballots);
    this.secrets = new HashMap<>(from.secrets.size() * 2);
    from.secrets.forEach((k, v) -> secrets.put(k, new TreeMap<>(v)));
    this.volumeTags = new HashMap<>(from.volumeTags);
    this.usedNonces = new HashMap<>(from.usedNonces);
  }

  MemoryCasState copy() {
    return new MemoryCasState(this);
  }

  private static <T> Map<String, List<T>> deep(Map<String, List<T>> map) {
    Map<String, List<T>> out = new HashMap<>(map.size() * 2);
    map.forEach((k, v) -> out.put(k, new ArrayList<>(v)));
    return out;
  }

  List<PolicyVersionRow> versions(String name) {
    return versions.computeIfAbsent(name, k -> new ArrayList<>());
  }

  List<String> proposalIds(String name) {
    return proposalsByPolicy.computeIfAbsent(name, k -> new ArrayList<>());
  }

  List<BallotRow> ballots(String proposalId) {
    return ballots.computeIfAbsent(proposalId, k -> new ArrayList<>());
  }

  TreeMap<Integer, SecretRow> secrets(String policy, String name) {
    return secrets.computeIfAbsent(new Key(policy, name), k -> new TreeMap<>());
  }
}
