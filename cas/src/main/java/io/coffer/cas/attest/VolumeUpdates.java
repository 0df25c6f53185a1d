package io.coffer.cas.attest;

import io.coffer.cas.events.AccessDenied;
import io.coffer.cas.events.EventCodec;
import io.coffer.cas.service.ActivePolicy;
import io.coffer.cas.service.Caller;
import io.coffer.cas.service.CasException;
import io.coffer.cas.service.CasException.Type;
import io.coffer.cas.service.PolicyDirectory;
import io.coffer.cas.store.CasStore;
import io.coffer.cas.vault.Sharing;
import io.coffer.cas.vault.SharingRefused;
import io.coffer.cas.vault.VolumeTags;
import io.coffer.policy.model.Service;
import io.coffer.policy.model.Volume;
import java.security.cert.X509Certificate;
import java.time.InstantSource;
import java.util.Objects;
import java.util.Optional;

/**
 * Moves a volume's tag for an admitted workload: the caller must present the certificate this CAS
 * issued to an instance of a service of {@code policy} that, in the policy's current version,
 * mounts the volume read-write. The volume is named as that policy names it; an imported volume's
 * tag is the exporting policy's, while both still share it. Everybody else gets an {@code
 * access.denied} entry and {@code FORBIDDEN}.
 */
public final class VolumeUpdates {

  private final CasStore store;
  private final PolicyDirectory policies;
  private final Instances instances;
  private final Sharing sharing;
  private final VolumeTags tags;
  private final InstantSource clock;

  public VolumeUpdates(
      CasStore store,
      PolicyDirectory policies,
      Instances instances,
      Sharing sharing,
      VolumeTags tags,
      InstantSource clock) {
    this.store = Objects.requireNonNull(store, "store");
    this.policies = Objects.requireNonNull(policies, "policies");
    this.instances = Objects.requireNonNull(instances, "instances");
    this.sharing = Objects.requireNonNull(sharing, "sharing");
    this.tags = Objects.requireNonNull(tags, "tags");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Compare-and-set of the tag of {@code volume} of {@code policy}.
   *
   * @throws CasException {@code FORBIDDEN} for a caller that is not an admitted instance mounting
   *     the volume read-write; {@code STALE_TAG} when the tag is not {@code expected}; {@code
   *     NOT_FOUND} for an unknown policy
   */
  public VolumeTags.Tag update(
      Caller caller,
      X509Certificate certificate,
      String policy,
      String volume,
      Optional<String> expected,
      String newTag)
      throws CasException {
    Optional<Instances.Instance> instance = instances.of(certificate);
    if (instance.isEmpty() || !instance.get().policy().equals(policy)) {
      throw deny(
          caller,
          policy,
          AccessDenied.Reason.NOT_ATTESTED,
          "only an admitted instance of a service of " + policy + " may move its volumes' tags");
    }
    ActivePolicy p =
        policies
            .current(policy)
            .orElseThrow(() -> new CasException(Type.NOT_FOUND, "no policy named " + policy));
    Optional<Service> service = p.policy().service(instance.get().service());
    boolean mounted =
        service.isPresent()
            && service.get().volumes().stream()
                .anyMatch(m -> m.name().equals(volume) && !m.readOnly());
    if (!mounted) {
      throw deny(
          caller,
          policy,
          AccessDenied.Reason.NOT_MOUNTED,
          "service "
              + instance.get().service()
              + " does not mount volume "
              + volume
              + " read-write");
    }
    Volume v =
        p.policy().volumes().stream()
            .filter(x -> x.name().equals(volume))
            .findFirst()
            .orElseThrow(() -> new IllegalStateException("the parser checks volume names"));
    String owner = policy;
    String name = volume;
    if (v.importFrom().isPresent()) {
      try {
        Sharing.Shared<Volume> shared = sharing.volume(p, instance.get().service(), v);
        owner = shared.exporter().name();
        name = shared.item().name();
      } catch (SharingRefused e) {
        throw deny(caller, policy, AccessDenied.Reason.NOT_MOUNTED, e.getMessage());
      }
    }
    return tags.update(
        owner, name, expected, newTag, instance.get().service(), instance.get().serial());
  }

  private CasException deny(
      Caller caller, String policy, AccessDenied.Reason reason, String message)
      throws CasException {
    AccessDenied denied =
        new AccessDenied(
            clock.instant(),
            caller.primary(),
            AccessDenied.Operation.VOLUME_TAG,
            policy,
            Optional.empty(),
            reason);
    store.write(tx -> tx.appendEvent(EventCodec.encode(denied)));
    return new CasException(Type.FORBIDDEN, message);
  }
}
