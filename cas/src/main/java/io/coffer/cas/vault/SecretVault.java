package io.coffer.cas.vault;

import io.coffer.cas.pki.CertificateAuthority;
import io.coffer.cas.pki.CertificateAuthorityException;
import io.coffer.cas.pki.SelfSignedCertificates;
import io.coffer.cas.seal.Barrier;
import io.coffer.cas.seal.BarrierException;
import io.coffer.cas.seal.RowId;
import io.coffer.cas.secrets.SecretFormatException;
import io.coffer.cas.secrets.SecretGenerationException;
import io.coffer.cas.secrets.SecretGenerator;
import io.coffer.cas.secrets.SecretValue;
import io.coffer.cas.service.ActivePolicy;
import io.coffer.cas.service.CasException;
import io.coffer.cas.service.CasException.Type;
import io.coffer.cas.service.PolicyDirectory;
import io.coffer.cas.store.CasStore;
import io.coffer.cas.store.SecretRow;
import io.coffer.policy.model.Secret;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The secrets the CAS makes and keeps for policies: generated on first use, stored only as barrier
 * ciphertexts bound to their row ({@code cas_secrets}, {@code <policy>/<name>}, the policy version
 * they were made for), the same on every later use and across restarts, carried over to new policy
 * versions as {@link UpdateRules} say. Besides the policies' own secrets it keeps, under names a
 * policy cannot use, each policy's certificate authority for its workloads' certificates and each
 * volume's key.
 *
 * <p>Security guarantees: a value is durable before it is first returned, so two CAS processes that
 * race to make one agree on the one stored first; a ciphertext moved to another row does not open.
 * Values are never logged; they are cached in this process's memory, which the TEE protects.
 *
 * <p>Not protected against: a store that drops a secret's row (a new value is then made, and
 * whatever the old one protected is lost: back up the store) or serves an older row of the same key
 * and version.
 */
public final class SecretVault {

  static final String TABLE = "cas_secrets";

  /** The policy's certificate authority for workload certificates: no policy secret has an '@'. */
  static final String POLICY_CA = "@policy-ca";

  /** The prefix of volume keys' names. */
  static final String VOLUME = "@volume/";

  /** How long a policy's certificate authority is valid. */
  public static final Duration CA_VALIDITY = Duration.ofDays(3650);

  private static final int CACHE_ENTRIES = 4096;
  private static final int VOLUME_KEY_BYTES = 32;

  private final CasStore store;
  private final Barrier barrier;
  private final PolicyDirectory policies;
  private final InstantSource clock;
  private final SecureRandom random;
  private final Map<String, Object> cache =
      new LinkedHashMap<>(CACHE_ENTRIES * 2, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Object> eldest) {
          return size() > CACHE_ENTRIES;
        }
      };

  public SecretVault(
      CasStore store,
      Barrier barrier,
      PolicyDirectory policies,
      InstantSource clock,
      SecureRandom random) {
    this.store = Objects.requireNonNull(store, "store");
    this.barrier = Objects.requireNonNull(barrier, "barrier");
    this.policies = Objects.requireNonNull(policies, "policies");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.random = Objects.requireNonNull(random, "random");
  }

  /**
   * The value of {@code secret}, a secret {@code policy} defines itself (not an import): given in
   * the policy, or made and stored on first use.
   */
  public SecretValue value(ActivePolicy policy, Secret secret) throws CasException {
    if (secret.importFrom().isPresent()) {
      throw new IllegalArgumentException("an imported secret has no value of its own policy");
    }
    String key = policy.name() + "/" + secret.name() + "@" + policy.version();
    Object hit = cached(key);
    if (hit instanceof SecretValue v) {
      return v;
    }
    SecretValue value =
        secret.value().isPresent()
            ? generate(policy, secret, Optional.empty())
            : stored(policy, secret);
    remember(key, value);
    return value;
  }

  private SecretValue stored(ActivePolicy policy, Secret secret) throws CasException {
    String name = policy.name();
    Optional<SecretRow> exact = store.read(tx -> tx.secret(name, secret.name(), policy.version()));
    if (exact.isPresent()) {
      return open(exact.get(), secret.kind());
    }
    Optional<SecretRow> latest = store.read(tx -> tx.latestSecret(name, secret.name()));
    Optional<SecretValue> carried = Optional.empty();
    UpdateRules.Carry carry = UpdateRules.Carry.NOTHING;
    if (latest.isPresent() && latest.get().version() < policy.version()) {
      carry = carryFrom(name, secret.name(), latest.get().version(), policy.version());
      if (carry != UpdateRules.Carry.NOTHING) {
        carried = Optional.of(open(latest.get(), secret.kind()));
      }
    }
    if (carry == UpdateRules.Carry.VALUE) {
      return carried.orElseThrow();
    }
    SecretValue made = generate(policy, secret, carried);
    return keep(
        new Slot(name, secret.name(), policy.version(), secret.kind().yamlName()),
        made.encode(),
        bytes -> decode(secret.kind(), bytes));
  }

  /** What of a value made for version {@code from} the version {@code to} keeps. */
  private UpdateRules.Carry carryFrom(String policy, String secret, int from, int to)
      throws CasException {
    UpdateRules.Carry carry = UpdateRules.Carry.VALUE;
    Optional<Secret> before = definition(policy, from, secret);
    for (int v = from + 1; v <= to && carry != UpdateRules.Carry.NOTHING; v++) {
      Optional<Secret> after = definition(policy, v, secret);
      if (before.isEmpty() || after.isEmpty() || after.get().value().isPresent()) {
        return UpdateRules.Carry.NOTHING;
      }
      carry = UpdateRules.then(carry, UpdateRules.carry(before.get(), after.get()));
      before = after;
    }
    return carry;
  }

  private Optional<Secret> definition(String policy, int version, String secret)
      throws CasException {
    return policies
        .version(policy, version)
        .flatMap(p -> p.policy().secret(secret))
        .filter(s -> s.importFrom().isEmpty());
  }

  private SecretValue generate(ActivePolicy policy, Secret secret, Optional<SecretValue> keyFrom)
      throws CasException {
    Map<String, CertificateAuthority> issuers = new LinkedHashMap<>();
    Optional<String> issuer = secret.x509().flatMap(Secret.X509::issuer);
    if (issuer.isPresent()) {
      Secret ca =
          policy
              .policy()
              .secret(issuer.get())
              .orElseThrow(() ->
                  new CasException(
                      Type.INTERNAL, "the issuer of " + secret.name() + " is not in its policy"));
      if (ca.importFrom().isEmpty()
          && value(policy, ca) instanceof SecretValue.CertificateValue c) {
        try {
          issuers.put(issuer.get(), c.asAuthority());
        } catch (CertificateAuthorityException e) {
          throw new CasException(
              Type.INTERNAL, "the issuer of " + secret.name() + " is not a usable CA", e);
        }
      }
    }
    Instant now = clock.instant();
    try {
      if (keyFrom.isPresent() && keyFrom.get() instanceof SecretValue.CertificateValue old) {
        return reissue(
            secret, old, Optional.ofNullable(issuer.map(issuers::get).orElse(null)), now);
      }
      return SecretGenerator.generate(
          secret, n -> Optional.ofNullable(issuers.get(n)), now, random);
    } catch (SecretGenerationException | CertificateAuthorityException | RuntimeException e) {
      throw new CasException(
          Type.INTERNAL,
          "cannot make secret " + secret.name() + " of " + policy.name() + ": " + e.getMessage(),
          e);
    }
  }

  /**
   * A certificate value for a new policy version that keeps its key ({@code migrate: true} in
   * both): an {@code x509} certificate is issued again for the same key; an {@code x509-ca} keeps
   * its certificate, which names the same key and subject as a new one would.
   */
  private SecretValue reissue(
      Secret secret,
      SecretValue.CertificateValue old,
      Optional<CertificateAuthority> issuer,
      Instant now)
      throws CertificateAuthorityException {
    if (secret.kind() == Secret.Kind.X509_CA) {
      return old;
    }
    java.security.PublicKey publicKey = old.certificate().getPublicKey();
    Secret.X509 settings =
        secret
            .x509()
            .orElse(
                new Secret.X509(
                    Optional.empty(),
                    Optional.empty(),
                    List.of(),
                    Optional.empty(),
                    Optional.empty()));
    if (issuer.isPresent()) {
      X509Certificate cert = issuer.get().issue(publicKey, settings, secret.name(), now, random);
      return new SecretValue.CertificateValue(old.key(), List.of(cert, issuer.get().certificate()));
    }
    X509Certificate cert =
        SelfSignedCertificates.issue(
            new java.security.KeyPair(publicKey, old.key()), settings, secret.name(), now, random);
    return new SecretValue.CertificateValue(old.key(), List.of(cert));
  }

  /** The certificate authority that issues the certificates of {@code policy}'s workloads. */
  public CertificateAuthority policyCa(String policy) throws CasException {
    String key = policy + "/" + POLICY_CA;
    Object hit = cached(key);
    if (hit instanceof CertificateAuthority ca) {
      return ca;
    }
    Optional<SecretRow> row = store.read(tx -> tx.secret(policy, POLICY_CA, 1));
    CertificateAuthority ca;
    if (row.isPresent()) {
      ca = decodeCa(open(row.get()));
    } else {
      CertificateAuthority made =
          CertificateAuthority.generate(
              policy + " workloads", Secret.KeyType.P256, clock.instant(), CA_VALIDITY, random);
      ca = keep(new Slot(policy, POLICY_CA, 1, "x509-ca"), made.encode(), SecretVault::decodeCa);
    }
    remember(key, ca);
    return ca;
  }

  /**
   * The certificate authority of {@code policy}'s workloads if it has been made; never makes one
   * (for checking certificates a caller presents).
   */
  public Optional<CertificateAuthority> existingPolicyCa(String policy) throws CasException {
    Object hit = cached(policy + "/" + POLICY_CA);
    if (hit instanceof CertificateAuthority ca) {
      return Optional.of(ca);
    }
    Optional<SecretRow> row = store.read(tx -> tx.secret(policy, POLICY_CA, 1));
    if (row.isEmpty()) {
      return Optional.empty();
    }
    CertificateAuthority ca = decodeCa(open(row.get()));
    remember(policy + "/" + POLICY_CA, ca);
    return Optional.of(ca);
  }

  /** The key of {@code volume} of {@code policy}: 32 random bytes, made on first use. */
  public byte[] volumeKey(String policy, String volume) throws CasException {
    String name = VOLUME + volume;
    String key = policy + "/" + name;
    Object hit = cached(key);
    if (hit instanceof byte[] bytes) {
      return bytes.clone();
    }
    Optional<SecretRow> row = store.read(tx -> tx.secret(policy, name, 1));
    byte[] value;
    if (row.isPresent()) {
      value = open(row.get());
    } else {
      byte[] made = new byte[VOLUME_KEY_BYTES];
      random.nextBytes(made);
      value = keep(new Slot(policy, name, 1, "volume-key"), made, b -> b);
    }
    if (value.length != VOLUME_KEY_BYTES) {
      throw new CasException(Type.INTERNAL, "the stored key of volume " + volume + " is malformed");
    }
    remember(key, value.clone());
    return value;
  }

  @FunctionalInterface
  private interface Decoder<T> {
    T decode(byte[] plaintext) throws CasException;
  }

  /** Where a value is stored: policy, name, version and kind of its row. */
  private record Slot(String policy, String name, int version, String kind) {
    RowId rowId() {
      return new RowId(TABLE, policy + "/" + name, version);
    }
  }

  /** Stores a new value unless another process stored one first; returns the one stored. */
  private <T> T keep(Slot template, byte[] plaintext, Decoder<T> decoder) throws CasException {
    SecretRow row =
        new SecretRow(
            template.policy(),
            template.name(),
            template.version(),
            template.kind(),
            barrier.encrypt(template.rowId(), plaintext),
            now());
    try {
      store.write(tx -> {
        tx.insertSecret(row);
        return null;
      });
      return decoder.decode(plaintext);
    } catch (CasException e) {
      if (e.type() != Type.ALREADY_EXISTS) {
        throw e;
      }
    }
    SecretRow first =
        store
            .read(tx -> tx.secret(template.policy(), template.name(), template.version()))
            .orElseThrow(() ->
                new CasException(Type.UNAVAILABLE, "a secret being made elsewhere is not stored"));
    return decoder.decode(open(first));
  }

  private SecretValue open(SecretRow row, Secret.Kind kind) throws CasException {
    if (!row.kind().equals(kind.yamlName())) {
      throw new CasException(
          Type.INTERNAL, "the store holds secret " + rowId(row) + " of another kind");
    }
    return decode(kind, open(row));
  }

  private byte[] open(SecretRow row) throws CasException {
    try {
      return barrier.decrypt(rowId(row), row.body());
    } catch (BarrierException e) {
      throw new CasException(Type.INTERNAL, "a stored secret does not open: " + rowId(row), e);
    }
  }

  private static SecretValue decode(Secret.Kind kind, byte[] bytes) throws CasException {
    try {
      return SecretValue.decode(kind, bytes);
    } catch (SecretFormatException e) {
      throw new CasException(Type.INTERNAL, "a stored secret is malformed", e);
    }
  }

  private static CertificateAuthority decodeCa(byte[] bytes) throws CasException {
    try {
      return CertificateAuthority.decode(bytes);
    } catch (CertificateAuthorityException e) {
      throw new CasException(Type.INTERNAL, "a stored certificate authority is malformed", e);
    }
  }

  static RowId rowId(SecretRow row) {
    return new Slot(row.policy(), row.name(), row.version(), row.kind()).rowId();
  }

  private Object cached(String key) {
    synchronized (cache) {
      return cache.get(key);
    }
  }

  private void remember(String key, Object value) {
    synchronized (cache) {
      cache.put(key, value);
    }
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }
}
