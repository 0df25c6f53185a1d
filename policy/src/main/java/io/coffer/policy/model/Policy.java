package io.coffer.policy.model;

import io.coffer.policy.governance.Rule;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A parsed, valid policy. Built only by {@link io.coffer.policy.parse.PolicyParser}, which checks
 * everything that refers to something else.
 *
 * @param name its namespaced name
 * @param version the language version (1)
 * @param predecessor the hash of the version it replaces; empty on create
 * @param access who may read, update and create child namespaces
 * @param services its services
 * @param secrets its secrets
 * @param volumes its volumes
 * @param security what the services' attestation may fall short of
 */
public record Policy(
    PolicyName name,
    int version,
    Optional<String> predecessor,
    Access access,
    List<Service> services,
    List<Secret> secrets,
    List<Volume> volumes,
    Security security) {

  /** The only language version so far. */
  public static final int LANGUAGE_VERSION = 1;

  public Policy {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(predecessor, "predecessor");
    Objects.requireNonNull(access, "access");
    services = List.copyOf(services);
    secrets = List.copyOf(secrets);
    volumes = List.copyOf(volumes);
    Objects.requireNonNull(security, "security");
  }

  /** The service named {@code name}. */
  public Optional<Service> service(String name) {
    return services.stream().filter(s -> s.name().equals(name)).findFirst();
  }

  /** The secret named {@code name}. */
  public Optional<Secret> secret(String name) {
    return secrets.stream().filter(s -> s.name().equals(name)).findFirst();
  }

  /**
   * The access rules; each defaults to {@code CREATOR}.
   *
   * @param read who may read the policy
   * @param update who must approve a new version
   * @param create who may create policies in its namespace
   */
  public record Access(Rule read, Rule update, Rule create) {
    public Access {
      Objects.requireNonNull(read, "read");
      Objects.requireNonNull(update, "update");
      Objects.requireNonNull(create, "create");
    }
  }
}
