package io.coffer.cas.provision;

import java.util.Optional;

/** An AR4SI trustworthiness claim (draft-ietf-rats-ar4si §2.3.4), by its JSON name (§3.1). */
public enum TrustClaim {
  /** The attesting environment's unique identity. */
  INSTANCE_IDENTITY("instance-identity"),
  /** The attester's configuration and its exposure to known vulnerabilities. */
  CONFIGURATION("configuration"),
  /** The code loaded into the target environment. */
  EXECUTABLES("executables"),
  /** A set of directories of the attester's file system. */
  FILE_SYSTEM("file-system"),
  /** The attester's hardware and firmware. */
  HARDWARE("hardware"),
  /** Whether the attester's memory is opaque to the host. */
  RUNTIME_OPAQUE("runtime-opaque"),
  /** Whether the attester encrypts its persistent storage. */
  STORAGE_OPAQUE("storage-opaque"),
  /** The integrity of data the attester takes from other systems. */
  SOURCED_DATA("sourced-data");

  private final String json;

  TrustClaim(String json) {
    this.json = json;
  }

  /** The JSON name. */
  public String json() {
    return json;
  }

  /** The claim named {@code json}, if any. */
  public static Optional<TrustClaim> fromJson(String json) {
    for (TrustClaim c : values()) {
      if (c.json.equals(json)) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }
}
