package io.coffer.cas.events;

import io.coffer.policy.governance.GovernanceException;
import io.coffer.policy.governance.Identity;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Well-formed attestation, secret and volume events, and the values they are made of. */
final class SampleEvents {

  static final Instant T = Instant.parse("2026-03-01T10:00:00.123Z");
  static final String H1 = "11".repeat(32);
  static final String H2 = "22".repeat(32);
  static final String M1 = "ab".repeat(32);
  static final String M2 = "cd".repeat(48);
  static final String ALICE_TEXT = "ed25519:pOtEQDWob/aBqeZ2v+8PvgItiJ4UXpMV3le7qPqjlSg=";
  static final Identity ALICE = identity(ALICE_TEXT);

  private SampleEvents() {}

  static Identity identity(String text) {
    try {
      return Identity.parse(text);
    } catch (GovernanceException e) {
      throw new IllegalStateException(e);
    }
  }

  static AttestationSucceeded succeeded() {
    return new AttestationSucceeded(
        T,
        "acme/payments",
        H1,
        "api",
        "tdx",
        Map.of("mrTd", M2, "mrSeam", M2, "rtmr0", M2),
        "UpToDate",
        List.of("INTEL-SA-00837", "INTEL-SA-00615"),
        false,
        false,
        H2,
        "1f2e3d");
  }

  static AttestationFailed failed() {
    return new AttestationFailed(
        T,
        "acme/payments",
        "api",
        List.of(
            AttestationFailed.Reason.NONCE_REPLAYED, AttestationFailed.Reason.WRONG_MEASUREMENT),
        Optional.of("sgx"),
        Optional.of(H2));
  }

  static AttestationFailed failedEarly() {
    return new AttestationFailed(
        T,
        "acme/payments",
        "api",
        List.of(AttestationFailed.Reason.UNKNOWN_SERVICE),
        Optional.empty(),
        Optional.empty());
  }

  static SecretReleased releasedToService() {
    return new SecretReleased(
        T,
        "acme/payments",
        Optional.of("api"),
        Optional.empty(),
        List.of(
            SecretReleased.Released.own("db-password"),
            SecretReleased.Released.imported("shared_ca", "acme/pki", "root-ca")),
        Optional.of("1f2e3d"));
  }

  static SecretReleased revealed() {
    return new SecretReleased(
        T,
        "acme/payments",
        Optional.empty(),
        Optional.of(ALICE),
        List.of(SecretReleased.Released.own("db-password")),
        Optional.empty());
  }

  static VolumeTagUpdated firstTag() {
    return new VolumeTagUpdated(T, "acme/payments", "data", "api", Optional.empty(), H1, 1, "a0");
  }

  static VolumeTagUpdated nextTag() {
    return new VolumeTagUpdated(T, "acme/payments", "data", "api", Optional.of(H1), H2, 2, "a0");
  }
}
