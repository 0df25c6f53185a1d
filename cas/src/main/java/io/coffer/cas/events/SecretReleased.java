package io.coffer.cas.events;

import io.coffer.policy.governance.Identity;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * {@code secret.released}: the CAS gave secrets of a policy to an attested instance of one of its
 * services, or showed them to a person its {@code reveal_to} names. It names each secret and never
 * holds a value.
 *
 * <p>Members: {@code policy} (name), then either {@code service} and {@code certificate_serial}
 * (released to the instance whose key that certificate certifies) or {@code revealed_to} (the
 * identity string of the person), and {@code secrets}: an array of objects with {@code name} and,
 * for an imported secret, {@code from_policy} and {@code from_secret} (the exporting policy and its
 * name for the secret there).
 *
 * <p>Restrictions: an event is at most {@link EventCodec#MAX_EVENT_BYTES} bytes; a release of very
 * many imported secrets with long names may need several events.
 */
public record SecretReleased(
    Instant time,
    String policy,
    Optional<String> service,
    Optional<Identity> revealedTo,
    List<Released> secrets,
    Optional<String> certificateSerial)
    implements CasEvent {

  /** The most secrets one event names. */
  public static final int MAX_SECRETS = 1024;

  /**
   * One secret released.
   *
   * @param name its name in the releasing policy
   * @param fromPolicy for an imported secret, the policy it comes from
   * @param fromSecret for an imported secret, its name in that policy
   */
  public record Released(String name, Optional<String> fromPolicy, Optional<String> fromSecret) {

    /**
     * @throws IllegalArgumentException naming the member that is ill-formed
     */
    public Released {
      EventValues.localName(name, "name");
      EventValues.optional(fromPolicy, "from_policy", p -> EventValues.name(p, "from_policy"));
      EventValues.optional(fromSecret, "from_secret", s -> EventValues.localName(s, "from_secret"));
      if (fromPolicy.isPresent() != fromSecret.isPresent()) {
        throw new IllegalArgumentException(
            "from_policy: an imported secret has both from_policy and from_secret, others neither");
      }
    }

    /** A secret of the releasing policy itself. */
    public static Released own(String name) {
      return new Released(name, Optional.empty(), Optional.empty());
    }

    /** A secret imported from {@code fromSecret} of {@code fromPolicy}. */
    public static Released imported(String name, String fromPolicy, String fromSecret) {
      return new Released(name, Optional.of(fromPolicy), Optional.of(fromSecret));
    }
  }

  /**
   * @throws IllegalArgumentException naming the member that is ill-formed
   */
  public SecretReleased {
    time = EventValues.time(time, "time");
    EventValues.name(policy, "policy");
    EventValues.optional(service, "service", s -> EventValues.localName(s, "service"));
    Objects.requireNonNull(revealedTo, "revealed_to");
    if (service.isPresent() == revealedTo.isPresent()) {
      throw new IllegalArgumentException(
          "service: a release is to exactly one of a service or a person (revealed_to)");
    }
    EventValues.optional(
        certificateSerial,
        "certificate_serial",
        s -> EventValues.certificateSerial(s, "certificate_serial"));
    if (service.isPresent() != certificateSerial.isPresent()) {
      throw new IllegalArgumentException(
          "certificate_serial: present exactly when the release is to a service");
    }
    secrets = EventValues.distinct(secrets, MAX_SECRETS, "secrets");
    if (secrets.isEmpty()) {
      throw new IllegalArgumentException("secrets: a release names at least one secret");
    }
    Set<String> names = new HashSet<>();
    for (int i = 0; i < secrets.size(); i++) {
      if (!names.add(secrets.get(i).name())) {
        throw new IllegalArgumentException("secrets[" + i + "].name: released twice");
      }
    }
  }

  @Override
  public EventType type() {
    return EventType.SECRET_RELEASED;
  }
}
