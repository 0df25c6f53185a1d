package io.coffer.bench.cas;

import io.coffer.attestation.Evidence;
import io.coffer.attestation.simulation.SimulatedPlatform;
import io.coffer.cas.attest.Challenge;
import io.coffer.cas.attest.WorkloadKey;
import io.coffer.cas.client.AttestAnswer;
import io.coffer.cas.client.CasClient;
import io.coffer.cas.client.CasClientException;
import io.coffer.cas.client.ClientIdentity;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;

/**
 * End-to-end attestations, as a workload makes them ({@code WorkloadAttester}): each operation
 * takes a fresh P-256 key pair, asks for a challenge ({@code POST /v1/attest/challenge}), signs
 * simulated evidence whose report data is SHA-512(nonce || SubjectPublicKeyInfo) with the CAS's
 * simulated platform key, and sends it ({@code POST /v1/attest}). The CAS verifies the evidence and
 * the key's binding, matches the policy ({@link AttestPolicy}), issues a certificate, resolves and
 * substitutes the secrets, encrypts the configuration to the key and records {@code
 * attestation.succeeded} and {@code secret.released} durably before it answers.
 *
 * <p>Every answer is checked cheaply ({@link AnswerCheck#answer}); the first of each client is also
 * decrypted and checked in full. Any failed attestation, in the warm-up too, fails the run ({@link
 * #failure}): a refusal means the figures are not those of admissions.
 *
 * <p>The clients are anonymous HTTPS clients, as workloads are. Key pairs may be generated ahead
 * ({@code --keys-ahead}), so that the clients' share of the machine's cores is smaller; the
 * evidence is signed in the operation, since it binds the challenge's nonce.
 */
final class AttestWorkload implements Workload {

  private final LoopbackCas cas;
  private final SimulatedPlatform platform;
  private final AnswerCheck check;
  private final List<List<KeyPair>> ahead;
  private final AtomicLong failures = new AtomicLong();
  private final AtomicReference<String> firstFailure = new AtomicReference<>();

  private AttestWorkload(
      LoopbackCas cas, SimulatedPlatform platform, AnswerCheck check, List<List<KeyPair>> ahead) {
    this.cas = cas;
    this.platform = platform;
    this.check = check;
    this.ahead = List.copyOf(ahead);
  }

  /**
   * Creates the policy as the first stakeholder, reads the CAS's simulated platform key, and makes
   * {@code keysAhead} key pairs for each of {@code clients}.
   */
  static AttestWorkload seed(LoopbackCas cas, Stakeholders stakeholders, int clients, int keysAhead)
      throws GeneralSecurityException, CasClientException, IOException {
    ClientIdentity creator = stakeholders.forClient(0);
    BenchPolicy policy = AttestPolicy.of(stakeholders);
    cas.client(creator).create(policy.yaml(), List.of());
    SimulatedPlatform platform = SimulatedPlatform.load(cas.platformKey());
    List<List<KeyPair>> ahead =
        IntStream.range(0, clients)
            .parallel()
            .mapToObj(i -> {
              KeyPairGenerator g = generator();
              List<KeyPair> keys = new ArrayList<>(keysAhead);
              for (int k = 0; k < keysAhead; k++) {
                keys.add(g.generateKeyPair());
              }
              return List.copyOf(keys);
            })
            .toList();
    return new AttestWorkload(cas, platform, new AnswerCheck(policy), ahead);
  }

  private static KeyPairGenerator generator() {
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
      g.initialize(new ECGenParameterSpec("secp256r1"));
      return g;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK cannot make P-256 keys", e);
    }
  }

  @Override
  public ClientOperation operation(int client) throws GeneralSecurityException {
    if (client >= ahead.size()) {
      throw new IllegalArgumentException("no keys were made for client " + client);
    }
    return new Attester(cas.endpoint().anonymous(), ahead.get(client));
  }

  /** Failed attestations of the whole run, warm-up included; the first one's error. */
  @Override
  public Optional<String> failure() {
    long n = failures.get();
    if (n == 0) {
      return Optional.empty();
    }
    return Optional.of(n + " attestation(s) failed, the first: " + firstFailure.get());
  }

  private void failed(Exception e) {
    failures.incrementAndGet();
    firstFailure.compareAndSet(null, WorkerStats.kind(e) + ": " + e.getMessage());
  }

  private final class Attester implements ClientOperation {
    private final CasClient http;
    private final ArrayDeque<KeyPair> ahead;
    private final KeyPairGenerator generator = generator();
    private final byte[] measurement = AttestPolicy.measurement();
    private boolean sampled;

    Attester(CasClient http, List<KeyPair> ahead) {
      this.http = http;
      this.ahead = new ArrayDeque<>(ahead);
    }

    @Override
    public void call() throws CasClientException, OperationException {
      try {
        attest();
      } catch (CasClientException | OperationException | RuntimeException e) {
        failed(e);
        throw e;
      }
    }

    private void attest() throws CasClientException, OperationException {
      KeyPair key = ahead.isEmpty() ? generator.generateKeyPair() : ahead.removeFirst();
      byte[] spki = key.getPublic().getEncoded();
      Challenge challenge = http.challenge(AttestPolicy.NAME, AttestPolicy.SERVICE);
      Evidence evidence;
      try {
        evidence =
            platform.attest(
                measurement, WorkloadKey.reportData(challenge.nonce(), spki), Instant.now());
      } catch (GeneralSecurityException e) {
        throw new OperationException("evidence", "cannot sign simulated evidence: " + e);
      }
      AttestAnswer answer = http.attest(challenge, evidence, spki);
      if (sampled) {
        check.answer(answer, spki);
      } else {
        check.sample(answer, spki, key.getPrivate());
        sampled = true;
      }
    }

    @Override
    public void between(boolean lastSucceeded) {
      // Nothing to prepare: each attestation starts from a new challenge.
    }
  }
}
