package io.coffer.bench.cas;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.coffer.cas.client.AttestAnswer;
import io.coffer.cas.provision.ConfigurationJwe;
import io.coffer.cas.provision.ConfigurationJweException;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * Checks the CAS's answers to the attest mix's workloads: every answer cheaply (its names, the
 * policy version, that the certificate is for the workload's key), and a sample in full (the
 * configuration opens with the workload's private key and holds what the policy says, with the
 * secrets substituted). Errors name what was wrong, never a secret's value.
 */
final class AnswerCheck {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final BenchPolicy policy;

  AnswerCheck(BenchPolicy policy) {
    this.policy = Objects.requireNonNull(policy, "policy");
  }

  /**
   * Checks the parts of {@code answer} that need no decryption.
   *
   * @param spki the workload's SubjectPublicKeyInfo, as sent
   * @throws OperationException {@code wrong-answer} naming what is wrong
   */
  void answer(AttestAnswer answer, byte[] spki) throws OperationException {
    require(answer.policy().equals(policy.name()), "the answer is for policy " + answer.policy());
    require(
        answer.policyHash().equals(policy.hash()),
        "the answer is for another version of " + policy.name());
    require(
        answer.service().equals(AttestPolicy.SERVICE),
        "the answer is for service " + answer.service());
    require(
        answer.certificateChain().size() == 2,
        "the certificate chain has " + answer.certificateChain().size() + " certificates, not 2");
    require(
        Arrays.equals(answer.certificateChain().get(0).getPublicKey().getEncoded(), spki),
        "the certificate is not for the attested key");
  }

  /**
   * Checks {@code answer} in full: {@link #answer} first, then the certificate's signature by the
   * policy's CA, then the configuration opened with {@code key}.
   *
   * @throws OperationException {@code wrong-answer} or {@code wrong-configuration}
   */
  void sample(AttestAnswer answer, byte[] spki, PrivateKey key) throws OperationException {
    answer(answer, spki);
    X509Certificate leaf = answer.certificateChain().get(0);
    try {
      leaf.verify(answer.certificateChain().get(1).getPublicKey());
    } catch (GeneralSecurityException e) {
      throw new OperationException(
          "wrong-answer", "the certificate is not signed by the policy's CA: " + e);
    }
    JsonNode c;
    try {
      c = JSON.readTree(ConfigurationJwe.decrypt(answer.configuration(), key));
    } catch (ConfigurationJweException | IOException e) {
      throw new OperationException(
          "wrong-configuration", "the configuration does not open as JSON with the key: " + e);
    }
    configuration(c);
  }

  private void configuration(JsonNode c) throws OperationException {
    requireConfig(c.path("policy").asText().equals(policy.name()), "/policy");
    requireConfig(c.path("policy_hash").asText().equals(policy.hash()), "/policy_hash");
    requireConfig(c.path("service").asText().equals(AttestPolicy.SERVICE), "/service");
    requireConfig(
        c.path("command").size() == 3 && c.at("/command/0").asText().equals("/bin/app"),
        "/command");
    requireConfig(substituted(c.at("/command/2"), AttestPolicy.TOKEN_CHARS), "/command/2");
    requireConfig(
        substituted(c.at("/environment/DB_PASSWORD"), AttestPolicy.PASSWORD_CHARS),
        "/environment/DB_PASSWORD");
    requireConfig(c.at("/environment/MODE").asText().equals("bench"), "/environment/MODE");
    requireConfig(c.path("volumes").size() == 1, "/volumes");
    requireConfig(c.at("/volumes/0/name").asText().equals("data"), "/volumes/0/name");
    requireConfig(volumeKey(c.at("/volumes/0/key")), "/volumes/0/key");
    requireConfig(
        c.at("/tls/spiffe_id").asText().endsWith("/" + policy.name() + "/" + AttestPolicy.SERVICE),
        "/tls/spiffe_id");
    requireConfig(c.at("/tls/certificate_chain").size() == 2, "/tls/certificate_chain");
    requireConfig(!c.path("attestation_result").asText().isEmpty(), "/attestation_result");
  }

  /** A generated ASCII secret of {@code length} characters in place of its placeholder. */
  private static boolean substituted(JsonNode value, int length) {
    String text = value.asText();
    return value.isTextual() && text.length() == length && !text.contains("$$");
  }

  private static boolean volumeKey(JsonNode value) {
    if (!value.isTextual()) {
      return false;
    }
    try {
      return Base64.getDecoder().decode(value.asText()).length >= 16;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static void require(boolean ok, String what) throws OperationException {
    if (!ok) {
      throw new OperationException("wrong-answer", what);
    }
  }

  private static void requireConfig(boolean ok, String pointer) throws OperationException {
    if (!ok) {
      throw new OperationException(
          "wrong-configuration", "the configuration's " + pointer + " is not what the policy says");
    }
  }
}
