package io.coffer.cli.attest;

import io.coffer.attestation.collect.ConfigfsTsmSource;
import io.coffer.attestation.collect.EvidenceSource;
import io.coffer.attestation.collect.GramineSource;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Where this machine's TEE interfaces are: Linux configfs-tsm (TDX and SEV-SNP), and Gramine's
 * {@code /dev/attestation} (SGX), in that detection order.
 *
 * @param configfsTsmRoot the configfs-tsm report directory
 * @param gramineRoot Gramine's attestation directory
 */
public record TeeInterfaces(Path configfsTsmRoot, Path gramineRoot) {

  public TeeInterfaces {
    Objects.requireNonNull(configfsTsmRoot, "configfsTsmRoot");
    Objects.requireNonNull(gramineRoot, "gramineRoot");
  }

  /** The interfaces at the locations the kernel and Gramine use. */
  public static TeeInterfaces standard() {
    return new TeeInterfaces(ConfigfsTsmSource.DEFAULT_ROOT, GramineSource.DEFAULT_ROOT);
  }

  EvidenceSource configfsTsm() {
    return new ConfigfsTsmSource(configfsTsmRoot);
  }

  EvidenceSource gramine() {
    return new GramineSource(gramineRoot);
  }

  /** Both, in detection order. */
  List<EvidenceSource> inDetectionOrder() {
    return List.of(configfsTsm(), gramine());
  }

  /** Both interfaces and where they were looked for, for messages. */
  String describe() {
    return "configfs-tsm at " + configfsTsmRoot + " nor Gramine DCAP at " + gramineRoot;
  }
}
