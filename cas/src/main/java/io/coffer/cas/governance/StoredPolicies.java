package io.coffer.cas.governance;

import io.coffer.cas.seal.Barrier;
import io.coffer.cas.seal.BarrierException;
import io.coffer.cas.seal.RowId;
import io.coffer.cas.service.CasException;
import io.coffer.cas.service.CasException.Type;
import io.coffer.cas.store.PolicyRow;
import io.coffer.cas.store.PolicyVersionRow;
import io.coffer.cas.store.ProposalRow;
import io.coffer.cas.store.ReadTransaction;
import io.coffer.policy.governance.GovernanceException;
import io.coffer.policy.governance.Identity;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Policy bodies through the barrier: encrypts them for their rows, and opens and checks what the
 * untrusted store returns. A body opens only for its own row (table, key, version); its plaintext
 * must parse, and hash to the hash, name and predecessor its row claims. Anything else is an {@code
 * INTERNAL} error, never a policy.
 *
 * <p>Parsed policies are cached by hash (at most {@value #CACHE_ENTRIES}) together with the exact
 * plaintext they were parsed from: a cache hit still opens the ciphertext and compares the
 * plaintext, so the cache saves parsing, not checking.
 */
final class StoredPolicies {

  static final String VERSIONS = "policy_versions";
  static final String PROPOSALS = "proposals";
  static final String CREATORS = "policy_creators";
  static final int CACHE_ENTRIES = 1024;

  private final Barrier barrier;
  private final Map<String, ParsedPolicy> cache =
      new LinkedHashMap<>(CACHE_ENTRIES * 2, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, ParsedPolicy> eldest) {
          return size() > CACHE_ENTRIES;
        }
      };

  StoredPolicies(Barrier barrier) {
    this.barrier = Objects.requireNonNull(barrier, "barrier");
  }

  static RowId versionRow(String name, int version) {
    return new RowId(VERSIONS, name, version);
  }

  static RowId proposalRow(String id) {
    return new RowId(PROPOSALS, id, 1);
  }

  /**
   * The ciphertext of a policy for its row. The policy is remembered as parsed, so that opening the
   * row later (each write reads the current version) checks the plaintext against it instead of
   * parsing it again.
   */
  byte[] seal(RowId row, ParsedPolicy policy) {
    remember(policy);
    return barrier.encrypt(row, policy.yaml());
  }

  private void remember(ParsedPolicy policy) {
    synchronized (cache) {
      cache.put(policy.hash(), policy);
    }
  }

  /**
   * The creator column of a new policy row: the barrier's ciphertext of the creator's identity for
   * {@code RowId("policy_creators", name, 1)}, in base64url. Sealed so that a store cannot make
   * {@code CREATOR} stand for somebody else by rewriting the column.
   */
  String sealCreator(String name, Identity creator) {
    byte[] sealed =
        barrier.encrypt(creatorRow(name), creator.toString().getBytes(StandardCharsets.UTF_8));
    return Base64.getUrlEncoder().withoutPadding().encodeToString(sealed);
  }

  static RowId creatorRow(String name) {
    return new RowId(CREATORS, name, 1);
  }

  /** The current version of {@code name}, checked; empty when there is no such policy. */
  Optional<Current> current(ReadTransaction tx, String name) throws CasException {
    Optional<PolicyRow> found = tx.policy(name);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    PolicyRow row = found.get();
    if (!row.name().equals(name)) {
      throw corrupt("the store returned policy " + row.name() + " for " + name);
    }
    PolicyVersionRow version =
        tx.policyVersion(name, row.currentVersion())
            .orElseThrow(() ->
                corrupt("policy " + name + " has no row for its version " + row.currentVersion()));
    if (version.version() != row.currentVersion() || !version.hash().equals(row.currentHash())) {
      throw corrupt("policy " + name + ": its current version row disagrees with the policy row");
    }
    return Optional.of(new Current(row, creator(row), version, version(version)));
  }

  /** The current version of {@code name}, checked; {@code NOT_FOUND} when there is none. */
  Current existing(ReadTransaction tx, String name) throws CasException {
    return current(tx, name)
        .orElseThrow(() -> new CasException(Type.NOT_FOUND, "no policy named " + name));
  }

  /** Opens and checks one version row. */
  ParsedPolicy version(PolicyVersionRow row) throws CasException {
    ParsedPolicy parsed = open(versionRow(row.name(), row.version()), row.body(), row.hash());
    if (!parsed.name().equals(row.name())
        || !parsed.policy().predecessor().equals(row.predecessor())) {
      throw corrupt("version " + row.version() + " of " + row.name() + " does not match its row");
    }
    return parsed;
  }

  /** Opens and checks one proposal row. */
  ParsedPolicy proposal(ProposalRow row) throws CasException {
    ParsedPolicy parsed = open(proposalRow(row.id()), row.body(), row.hash());
    if (!parsed.name().equals(row.name())
        || !parsed.policy().predecessor().equals(Optional.of(row.predecessor()))) {
      throw corrupt("proposal " + row.id() + " does not match its row");
    }
    return parsed;
  }

  private ParsedPolicy open(RowId row, byte[] ciphertext, String hash) throws CasException {
    byte[] yaml;
    try {
      yaml = barrier.decrypt(row, ciphertext);
    } catch (BarrierException e) {
      throw new CasException(Type.INTERNAL, "a stored policy does not open: " + row, e);
    }
    ParsedPolicy hit;
    synchronized (cache) {
      hit = cache.get(hash);
    }
    if (hit != null && hit.sameYaml(yaml)) {
      return hit;
    }
    ParsedPolicy parsed;
    try {
      parsed = ParsedPolicy.parse(yaml);
    } catch (CasException e) {
      throw new CasException(Type.INTERNAL, "a stored policy does not parse: " + row, e);
    }
    if (!parsed.hash().equals(hash)) {
      throw corrupt("the stored policy " + row + " does not have the hash its row claims");
    }
    remember(parsed);
    return parsed;
  }

  /** The identity a row holds as text (creator, proposer, voter). */
  static Identity identity(String text, String what) throws CasException {
    try {
      return Identity.parse(text);
    } catch (GovernanceException e) {
      throw corrupt("the stored " + what + " is not an identity");
    }
  }

  private Identity creator(PolicyRow row) throws CasException {
    byte[] sealed;
    try {
      sealed = Base64.getUrlDecoder().decode(row.creator());
    } catch (IllegalArgumentException e) {
      throw corrupt("the stored creator of " + row.name() + " is not base64url");
    }
    byte[] text;
    try {
      text = barrier.decrypt(creatorRow(row.name()), sealed);
    } catch (BarrierException e) {
      throw new CasException(
          Type.INTERNAL, "the stored creator of " + row.name() + " does not open", e);
    }
    return identity(new String(text, StandardCharsets.UTF_8), "creator of " + row.name());
  }

  static CasException corrupt(String message) {
    return new CasException(Type.INTERNAL, "the store is inconsistent: " + message);
  }
}
