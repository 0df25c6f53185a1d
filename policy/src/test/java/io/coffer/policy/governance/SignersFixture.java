package io.coffer.policy.governance;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Keys and messages shared by the tests; generated once per test run, kept few for speed. */
final class SignersFixture {

  static final IdentityKey ED25519_A = IdentityKey.generate(Identity.Type.ED25519);
  static final IdentityKey ED25519_B = IdentityKey.generate(Identity.Type.ED25519);
  static final IdentityKey ED25519_C = IdentityKey.generate(Identity.Type.ED25519);
  static final IdentityKey P256 = IdentityKey.generate(Identity.Type.P256);
  static final IdentityKey P384 = IdentityKey.generate(Identity.Type.P384);

  static final ApprovalMessage CREATE = message("hospital/patients", 1, Optional.empty());
  static final ApprovalMessage UPDATE =
      message("hospital/patients", 2, Optional.of(ApprovalMessageTest.HASH));

  private SignersFixture() {}

  static ApprovalMessage message(String name, int hashSeed, Optional<String> predecessor) {
    String hash = String.format("%064x", hashSeed);
    try {
      return ApprovalMessage.of(name, hash, predecessor);
    } catch (GovernanceException e) {
      throw new AssertionError(e);
    }
  }

  static ClientCertificate certificate(IdentityKey key) {
    return ClientCertificate.selfSigned(
        key, "test", Instant.parse("2026-01-01T00:00:00Z"), Duration.ofDays(365));
  }
}
