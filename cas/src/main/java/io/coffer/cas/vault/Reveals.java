package io.coffer.cas.vault;

import io.coffer.cas.events.AccessDenied;
import io.coffer.cas.events.EventCodec;
import io.coffer.cas.events.SecretReleased;
import io.coffer.cas.secrets.SecretFormats;
import io.coffer.cas.secrets.SecretValue;
import io.coffer.cas.service.ActivePolicy;
import io.coffer.cas.service.Caller;
import io.coffer.cas.service.CasException;
import io.coffer.cas.service.CasException.Type;
import io.coffer.cas.service.PolicyDirectory;
import io.coffer.cas.store.CasStore;
import io.coffer.policy.governance.Identity;
import io.coffer.policy.model.Secret;
import java.time.InstantSource;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Shows a secret's value to the people its policy names in {@code reveal_to}, and to nobody else.
 * Each showing is a {@code secret.released} entry naming the person; each refusal an {@code
 * access.denied} entry. The identity that runs the CAS is nobody special here: unless a policy
 * names it, it has no way to a secret.
 *
 * <p>Only a policy's own secrets are revealed: an imported secret is revealed by the policy that
 * defines it, under its own {@code reveal_to}.
 */
public final class Reveals {

  private final CasStore store;
  private final PolicyDirectory policies;
  private final SecretVault vault;
  private final InstantSource clock;

  public Reveals(CasStore store, PolicyDirectory policies, SecretVault vault, InstantSource clock) {
    this.store = Objects.requireNonNull(store, "store");
    this.policies = Objects.requireNonNull(policies, "policies");
    this.vault = Objects.requireNonNull(vault, "vault");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * A secret's value, for a caller its {@code reveal_to} names.
   *
   * @param value the value in the kind's default format
   * @param privateKey the private key in PEM, for kinds that hold one
   */
  public record Revealed(Secret.Kind kind, String value, Optional<String> privateKey) {
    public Revealed {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(value, "value");
      Objects.requireNonNull(privateKey, "privateKey");
    }

    @Override
    public String toString() {
      return "Revealed[" + kind.yamlName() + ", value redacted]";
    }
  }

  /**
   * Reveals {@code secret} of {@code policy} to {@code caller}.
   *
   * @throws CasException {@code NOT_FOUND} for an unknown policy or secret, {@code FORBIDDEN} (and
   *     an {@code access.denied} entry) for a caller {@code reveal_to} does not name
   */
  public Revealed reveal(Caller caller, String policy, String secret) throws CasException {
    ActivePolicy p =
        policies
            .current(policy)
            .orElseThrow(() -> new CasException(Type.NOT_FOUND, "no policy named " + policy));
    Optional<Secret> s = p.policy().secret(secret);
    boolean named =
        s.isPresent() && s.get().revealTo().stream().anyMatch(caller.identities()::contains);
    if (!named) {
      // Unknown secrets and secrets not revealed to the caller look the same to it.
      AccessDenied denied =
          new AccessDenied(
              clock.instant(),
              caller.primary(),
              AccessDenied.Operation.REVEAL,
              policy,
              Optional.empty(),
              AccessDenied.Reason.REVEAL_TO);
      store.write(tx -> tx.appendEvent(EventCodec.encode(denied)));
      throw new CasException(
          Type.FORBIDDEN,
          "reveal_to of a secret " + secret + " of " + policy + " does not name you");
    }
    Secret def = s.get();
    if (def.importFrom().isPresent()) {
      throw new CasException(
          Type.BAD_REQUEST,
          secret
              + " is imported: ask "
              + def.importFrom().get().policy().value()
              + " to reveal it");
    }
    SecretValue value = vault.value(p, def);
    Identity who = caller.primary();
    SecretReleased released =
        new SecretReleased(
            clock.instant(),
            policy,
            Optional.empty(),
            Optional.of(who),
            List.of(new SecretReleased.Released(secret, Optional.empty(), Optional.empty())),
            Optional.empty());
    store.write(tx -> tx.appendEvent(EventCodec.encode(released)));
    return new Revealed(
        def.kind(),
        SecretFormats.render(value, def.kind(), Optional.empty()),
        def.kind().hasKey()
            ? Optional.of(SecretFormats.render(value, def.kind(), Optional.of("key")))
            : Optional.empty());
  }
}
