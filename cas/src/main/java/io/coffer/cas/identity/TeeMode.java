package io.coffer.cas.identity;

import java.util.Optional;

/** The TEE the CAS collects its evidence from, as {@code coffer cas serve --tee} names it. */
public enum TeeMode {
  /** configfs-tsm, then Gramine; simulation, with a loud warning, when neither is there. */
  AUTO("auto"),
  /** The simulator, by request: no hardware protects the CAS. */
  SIMULATION("simulation"),
  /** Linux configfs-tsm (TDX, SEV-SNP); fails when absent. */
  CONFIGFS_TSM("configfs-tsm"),
  /** Gramine's {@code /dev/attestation} (SGX); fails when absent. */
  GRAMINE("gramine");

  private final String cliName;

  TeeMode(String cliName) {
    this.cliName = cliName;
  }

  /** The name on the command line; for the hardware modes also the evidence source's name. */
  public String cliName() {
    return cliName;
  }

  /** The mode {@code --tee} names, exactly; empty for anything else. */
  public static Optional<TeeMode> fromCliName(String name) {
    for (TeeMode m : values()) {
      if (m.cliName.equals(name)) {
        return Optional.of(m);
      }
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    return cliName;
  }
}
