package io.coffer.cas.pki;

import io.coffer.policy.model.Secret;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;

/**
 * A rough look at the per-instance issuance rate on one thread (not a test; JMH benchmarks belong
 * under {@code bench/}). Run from the IDE or with {@code java -cp ...}.
 */
final class IssueRateMain {

  private IssueRateMain() {}

  public static void main(String[] args) throws Exception {
    Instant now = Instant.now();
    SecureRandom random = new SecureRandom();
    CertificateAuthority ca =
        CertificateAuthority.generate("ca", Secret.KeyType.P256, now, Duration.ofDays(1), random);
    KeyPair key = CertificateAuthorityTest.ec("secp256r1");
    SpiffeId id = new SpiffeId("coffer", "p", "s");
    for (int round = 0; round < 3; round++) {
      int n = 5000;
      long start = System.nanoTime();
      for (int i = 0; i < n; i++) {
        ca.issueInstance(key.getPublic(), id, now, Duration.ofHours(24), random);
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      System.out.printf("%d issued in %.2f s: %.0f/s%n", n, seconds, n / seconds);
    }
  }
}
