package io.coffer.cas.store;

import java.time.Instant;
import java.util.Objects;

/**
 * One stored value of a policy's secret, made for one version of the policy. A secret that a new
 * policy version keeps is read from its latest row; one that it replaces gets a row of the new
 * version. Rows are never overwritten.
 *
 * @param policy the policy's name
 * @param name the secret's name in the policy
 * @param version the policy version the value was made for, from 1
 * @param kind the secret's kind as the policy names it ({@code ascii}, {@code x509-ca}, ...): kept
 *     in clear so that a new policy version can tell whether the kind changed without decrypting
 * @param body the barrier's ciphertext of the value, bound by the caller to this row's identity
 *     (policy, name, version); opaque to the store
 * @param createdAt when the value was made
 */
public record SecretRow(
    String policy, String name, int version, String kind, byte[] body, Instant createdAt) {

  public SecretRow {
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(createdAt, "createdAt");
    if (policy.isEmpty() || name.isEmpty() || kind.isEmpty()) {
      throw new IllegalArgumentException("a secret row needs a policy, a name and a kind");
    }
    if (version < 1) {
      throw new IllegalArgumentException("a secret's policy version is >= 1, not " + version);
    }
    body = body.clone();
  }

  @Override
  public byte[] body() {
    return body.clone();
  }

  /** Names the row, never its body. */
  @Override
  public String toString() {
    return "SecretRow[" + policy + "/" + name + "@" + version + ", " + kind + "]";
  }
}
