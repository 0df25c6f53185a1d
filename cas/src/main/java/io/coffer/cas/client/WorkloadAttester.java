package io.coffer.cas.client;

import io.coffer.attestation.AttestationException;
import io.coffer.attestation.Evidence;
import io.coffer.attestation.collect.EvidenceSource;
import io.coffer.cas.attest.Challenge;
import io.coffer.cas.attest.WorkloadKey;
import io.coffer.cas.provision.ConfigurationJwe;
import io.coffer.cas.provision.ConfigurationJweException;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Objects;

/**
 * The workload's side of the attestation protocol: makes an ephemeral P-256 key pair, asks the CAS
 * for a challenge, gets evidence from the TEE whose report data is SHA-512(nonce ||
 * SubjectPublicKeyInfo), sends it, and opens the configuration with the private key, which never
 * leaves this object's result.
 */
public final class WorkloadAttester {

  private final CasClient cas;
  private final EvidenceSource source;

  public WorkloadAttester(CasClient cas, EvidenceSource source) {
    this.cas = Objects.requireNonNull(cas, "cas");
    this.source = Objects.requireNonNull(source, "source");
  }

  /**
   * Attests as {@code service} of {@code policy}.
   *
   * @throws CasClientException the CAS refused ({@code attestation-failed} with its reasons) or
   *     could not be reached
   * @throws AttestationException the TEE gave no evidence
   * @throws ConfigurationJweException the configuration does not open with the key: the answer was
   *     not meant for this workload
   */
  public AttestedWorkload attest(String policy, String service)
      throws CasClientException, AttestationException, ConfigurationJweException {
    KeyPair key = newKey();
    byte[] spki = key.getPublic().getEncoded();
    Challenge challenge = cas.challenge(policy, service);
    Evidence evidence = source.collect(WorkloadKey.reportData(challenge.nonce(), spki));
    AttestAnswer answer = cas.attest(challenge, evidence, spki);
    byte[] configuration = ConfigurationJwe.decrypt(answer.configuration(), key.getPrivate());
    return new AttestedWorkload(answer, key, configuration);
  }

  private static KeyPair newKey() {
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
      g.initialize(new ECGenParameterSpec("secp256r1"));
      return g.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK cannot make P-256 keys", e);
    }
  }
}
