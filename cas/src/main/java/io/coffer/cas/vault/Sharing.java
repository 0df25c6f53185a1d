package io.coffer.cas.vault;

import io.coffer.cas.service.ActivePolicy;
import io.coffer.cas.service.CasException;
import io.coffer.cas.service.PolicyDirectory;
import io.coffer.policy.model.Export;
import io.coffer.policy.model.Secret;
import io.coffer.policy.model.Volume;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Whether a secret or volume of one policy is shared with a service of another. Sharing needs both
 * sides, as they are now:
 *
 * <ul>
 *   <li>the exporting policy's current version has the secret (or volume), defined there and not
 *       itself imported, with an {@code export} entry naming the importing policy, and, when the
 *       entry gives them, the importing policy's current hash and a list holding the service;
 *   <li>the importing policy imports it, and, when its import pins {@code policy_hash}, the
 *       exporting policy's current hash is that one.
 * </ul>
 *
 * Either side's new version without its half ends the sharing for every later attestation.
 *
 * <p>Security guarantees: a policy that takes the name an export points to gets nothing unless the
 * export is pinned to a hash it does not have: pin exports with {@code policy_hash} when the
 * importing policy may not exist yet (name squatting).
 */
public final class Sharing {

  private final PolicyDirectory policies;

  public Sharing(PolicyDirectory policies) {
    this.policies = Objects.requireNonNull(policies, "policies");
  }

  /**
   * The exporting side of a secret {@code importer} imports for {@code service}.
   *
   * @throws SharingRefused naming the secret and what is missing
   */
  public Shared<Secret> secret(ActivePolicy importer, String service, Secret imported)
      throws CasException, SharingRefused {
    Secret.SecretImport from =
        imported
            .importFrom()
            .orElseThrow(() -> new IllegalArgumentException(imported.name() + " is not imported"));
    String what = "imported secret '" + imported.name() + "'";
    ActivePolicy exporter = exporter(from.policy().value(), from.policyHash(), what);
    Secret exported =
        exporter
            .policy()
            .secret(from.secret())
            .filter(s -> s.importFrom().isEmpty())
            .orElseThrow(() -> refused(what));
    if (exported.kind() != imported.kind()) {
      throw refused(what);
    }
    check(exported.export(), importer, service, what);
    return new Shared<>(exporter, exported);
  }

  /**
   * The exporting side of a volume {@code importer} imports for {@code service}.
   *
   * @throws SharingRefused naming the volume and what is missing
   */
  public Shared<Volume> volume(ActivePolicy importer, String service, Volume imported)
      throws CasException, SharingRefused {
    Volume.VolumeImport from =
        imported
            .importFrom()
            .orElseThrow(() -> new IllegalArgumentException(imported.name() + " is not imported"));
    String what = "imported volume '" + imported.name() + "'";
    ActivePolicy exporter = exporter(from.policy().value(), Optional.empty(), what);
    Volume exported =
        exporter.policy().volumes().stream()
            .filter(v -> v.name().equals(from.volume()) && v.importFrom().isEmpty())
            .findFirst()
            .orElseThrow(() -> refused(what));
    check(exported.export(), importer, service, what);
    return new Shared<>(exporter, exported);
  }

  private ActivePolicy exporter(String name, Optional<String> pinnedHash, String what)
      throws CasException, SharingRefused {
    ActivePolicy exporter = policies.current(name).orElseThrow(() -> refused(what));
    if (pinnedHash.isPresent() && !pinnedHash.get().equals(exporter.hash())) {
      throw new SharingRefused(
          what + " is pinned to a version of " + name + " that is not its current one");
    }
    return exporter;
  }

  private static void check(
      List<Export> exports, ActivePolicy importer, String service, String what)
      throws SharingRefused {
    for (Export e : exports) {
      if (e.policy().value().equals(importer.name())
          && (e.policyHash().isEmpty() || e.policyHash().get().equals(importer.hash()))
          && (e.services().isEmpty() || e.services().contains(service))) {
        return;
      }
    }
    throw refused(what);
  }

  private static SharingRefused refused(String what) {
    return new SharingRefused(what + " is not shared with this policy and service");
  }

  /**
   * What an import resolves to.
   *
   * @param exporter the exporting policy's current version
   * @param item its secret or volume
   */
  public record Shared<T>(ActivePolicy exporter, T item) {
    public Shared {
      Objects.requireNonNull(exporter, "exporter");
      Objects.requireNonNull(item, "item");
    }
  }
}
