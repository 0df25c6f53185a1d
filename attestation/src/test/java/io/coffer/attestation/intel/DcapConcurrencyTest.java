package io.coffer.attestation.intel;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.attestation.AttestationException;
import io.coffer.attestation.Collateral;
import io.coffer.attestation.Evidence;
import io.coffer.attestation.TrustAnchors;
import io.coffer.attestation.VerificationOptions;
import io.coffer.attestation.VerifiedClaims;
import io.coffer.attestation.verifier.EvidenceDetector;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * One verifier shared by many threads, all starting together on cold caches, with genuine and
 * forged quotes interleaved: every thread gets exactly the answer a fresh verifier gives alone, so
 * a forged quote never profits from a genuine one's cached results, nor the reverse.
 */
class DcapConcurrencyTest {

  private static final int THREADS = 8;
  private static final int ROUNDS = 20;

  /** What one verification said: the claims' text, or the reason. */
  private static String outcome(DcapVectors.Case c, byte[] quote, DcapVerifier verifier)
      throws Exception {
    Collateral collateral = c.loadCollateral();
    try {
      VerifiedClaims claims =
          verifier.verify(
              new Evidence(EvidenceDetector.detect(c.quoteBytes()), quote),
              collateral,
              VerificationOptions.at(c.at()));
      return claims.tcbStatus() + " " + claims.advisoryIds() + " " + claims.claims();
    } catch (AttestationException e) {
      return e.reason().name();
    }
  }

  private static byte[] forged(byte[] quote) {
    byte[] f = quote.clone();
    f[100] ^= 0x01; // inside the signed body of every version
    return f;
  }

  @Test
  void sharedVerifier_givesEveryThreadTheSameAnswerAsAFreshVerifier() throws Exception {
    List<DcapVectors.Case> cases = DcapVectors.verifying();
    List<String> expected = new ArrayList<>();
    for (DcapVectors.Case c : cases) {
      expected.add(outcome(c, c.quoteBytes(), new DcapVerifier(TrustAnchors.defaults())));
      expected.add(outcome(c, forged(c.quoteBytes()), new DcapVerifier(TrustAnchors.defaults())));
    }
    assertThat(expected).filteredOn(s -> s.equals("QUOTE_SIGNATURE_INVALID")).hasSize(cases.size());

    DcapVerifier shared = new DcapVerifier(TrustAnchors.defaults());
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      List<Future<List<String>>> results = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        int offset = t;
        Callable<List<String>> task =
            () -> {
              start.await();
              List<String> seen = new ArrayList<>();
              for (int r = 0; r < ROUNDS; r++) {
                // each thread walks the cases from a different place, forged first on odd threads
                for (int i = 0; i < expected.size(); i++) {
                  int k = (i + offset) % expected.size();
                  DcapVectors.Case c = cases.get(k / 2);
                  boolean forge = (k % 2 == 1) ^ (offset % 2 == 1 && r == 0);
                  byte[] quote = forge ? forged(c.quoteBytes()) : c.quoteBytes();
                  seen.add((forge ? 1 : 0) + "/" + (k / 2) + " " + outcome(c, quote, shared));
                }
              }
              return seen;
            };
        results.add(pool.submit(task));
      }
      start.countDown();
      for (Future<List<String>> f : results) {
        for (String line : f.get()) {
          int slash = line.indexOf('/');
          int space = line.indexOf(' ');
          boolean forge = line.charAt(0) == '1';
          int c = Integer.parseInt(line.substring(slash + 1, space));
          assertThat(line.substring(space + 1)).isEqualTo(expected.get(2 * c + (forge ? 1 : 0)));
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
