package io.coffer.cli.attest;

import io.coffer.attestation.collect.ConfigfsTsmSource;
import io.coffer.attestation.collect.EvidenceSource;
import io.coffer.attestation.collect.GramineSource;
import java.util.List;
import java.util.Objects;

/**
 * The hardware evidence sources of this machine, in detection order: Linux configfs-tsm (TDX and
 * SEV-SNP), then Gramine's {@code /dev/attestation} (SGX).
 *
 * @param configfsTsm the configfs-tsm interface
 * @param gramine the Gramine interface
 */
record TeeInterfaces(EvidenceSource configfsTsm, EvidenceSource gramine) {

  TeeInterfaces {
    Objects.requireNonNull(configfsTsm, "configfsTsm");
    Objects.requireNonNull(gramine, "gramine");
  }

  /** The interfaces at the locations the kernel and Gramine use. */
  static TeeInterfaces standard() {
    return new TeeInterfaces(
        new ConfigfsTsmSource(ConfigfsTsmSource.DEFAULT_ROOT),
        new GramineSource(GramineSource.DEFAULT_ROOT));
  }

  /** Both, in detection order. */
  List<EvidenceSource> inDetectionOrder() {
    return List.of(configfsTsm, gramine);
  }
}
