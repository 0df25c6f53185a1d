package io.coffer.policy.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An encrypted volume, whose key the CAS keeps.
 *
 * @param name unique in the policy
 * @param export policies it is exported to
 * @param importFrom where it comes from, when imported
 */
public record Volume(String name, List<Export> export, Optional<VolumeImport> importFrom) {

  public Volume {
    Objects.requireNonNull(name, "name");
    export = List.copyOf(export);
    Objects.requireNonNull(importFrom, "importFrom");
  }

  /**
   * Where an imported volume comes from.
   *
   * @param policy the exporting policy
   * @param volume its volume's name
   */
  public record VolumeImport(PolicyName policy, String volume) {
    public VolumeImport {
      Objects.requireNonNull(policy, "policy");
      Objects.requireNonNull(volume, "volume");
    }
  }
}
